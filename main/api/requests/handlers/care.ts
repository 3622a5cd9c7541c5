import { getMember } from '../../../../db/party/members';
import { getPlace } from '../../../../db/party/places';
import {
  closeCareHousehold, getCareHousehold, getVisit, insertCareHousehold, insertVisit, listCareHouseholds, listVisits, updateCareHousehold,
  type CareFields, type CareRow, type VisitFields,
} from '../../../../db/requests/care';
import type { Db } from '../../../../db/open';
import { DomainError, fieldError, notFound } from '../../common/errors';
import { maskIdCard, maskName, maskPhone } from '../../common/identifiers';
import type { Handlers } from '../../router';
import type { CareDetail, CareView, requestsContract } from '../contract';
import { nextVisitOn, type RequestSettings } from '../rules';
import { requestSettings } from './settings';

type C = typeof requestsContract;

/** Every answer masks the household's person, as lists mask every resident; `revealCare` gives one value, audited. */
function view(h: CareRow, today: string, settings: RequestSettings): CareView {
  const next = h.closedOn ? null : nextVisitOn(h.lastVisitOn, h.registeredOn, h.colour, settings);
  return {
    ...h,
    personName: maskName(h.personName),
    personPhone: maskPhone(h.personPhone) || null,
    idNumber: maskIdCard(h.idNumber) || null,
    nextVisitOn: next,
    visitDue: next !== null && today > next,
  };
}

function mustGet(db: Db, id: string): CareRow {
  const h = getCareHousehold(db, id);
  if (!h) throw notFound('重点关爱户');
  return h;
}

const detail = (db: Db, id: string, today: string): CareDetail => ({
  ...view(mustGet(db, id), today, requestSettings(db)),
  visits: listVisits(db, id),
});

/** A member of the register, still 在册 when newly named (a pairing, a visitor). */
function checkMember(db: Db, memberId: string | null, path: string, what: string, kept: string | null = null) {
  if (memberId === null || memberId === kept) return;
  const m = getMember(db, memberId);
  if (!m) throw fieldError(path, '所选党员不存在');
  if (m.lifecycle !== 'active') throw fieldError(path, `${m.name}已不在册，不能${what}`);
}

/** Also the 重点关爱户名单 import's check of each row. */
export function checkHousehold(db: Db, f: CareFields, before: CareRow | null) {
  if (getPlace(db, f.buildingId)?.kind !== 'building') throw fieldError('buildingId', '请选择楼栋（来自“楼栋与小区”）');
  checkMember(db, f.memberId, 'memberId', '结对帮扶', before?.memberId ?? null);
}

function mustBeOpen(h: CareRow) {
  if (h.closedOn) throw new DomainError('CONFLICT', `${maskName(h.personName)}已于 ${h.closedOn} 停止关爱，不能再修改或登记走访`, 'CARE_CLOSED');
}

/** The visitor as the log keeps them: the member's name when one of the register went, else the name typed. */
function visitFields(db: Db, input: Omit<VisitFields, 'visitorName'> & { visitorName: string | null }): VisitFields {
  checkMember(db, input.visitorMemberId, 'visitorMemberId', '作为走访人');
  const name = input.visitorMemberId ? getMember(db, input.visitorMemberId)!.name : input.visitorName!;
  return { ...input, visitorName: name };
}

export const careHandlers: Pick<Handlers<C>,
  'requests.listCare' | 'requests.getCare' | 'requests.createCare' | 'requests.updateCare' | 'requests.closeCare' | 'requests.addVisit'
  | 'requests.correctVisit' | 'requests.revealCare'
> = {
  'requests.listCare': ({ dueOnly, ...f }, { db, today }) => {
    const settings = requestSettings(db);
    const page = listCareHouseholds(db, { ...f, due: dueOnly ? { today, days: settings.careVisitDays } : null });
    return { total: page.total, rows: page.rows.map((h) => view(h, today, settings)) };
  },

  'requests.getCare': ({ id }, { db, today }) => detail(db, id, today),

  'requests.createCare': (input, { db, operator, audit, today }) => {
    const f = { ...input, personName: input.personName! };
    checkHousehold(db, f, null);
    const id = insertCareHousehold(db, f, operator);
    const after = detail(db, id, today);
    audit({ action: 'create', entity: 'care_household', entityId: id, after });
    return after;
  },

  'requests.updateCare': ({ id, ...input }, { db, operator, audit, today }) => {
    const before = mustGet(db, id);
    mustBeOpen(before);
    // Blank name, phone or ID number: the form saw them masked and keeps what is stored.
    const f: CareFields = {
      ...input,
      personName: input.personName ?? before.personName,
      personPhone: input.personPhone ?? before.personPhone,
      idNumber: input.idNumber ?? before.idNumber,
    };
    checkHousehold(db, f, before);
    updateCareHousehold(db, id, f, operator);
    const after = detail(db, id, today);
    audit({ action: 'update', entity: 'care_household', entityId: id, before: view(before, today, requestSettings(db)), after });
    return after;
  },

  'requests.closeCare': ({ id, closedOn, reason }, { db, operator, audit, today }) => {
    const before = mustGet(db, id);
    mustBeOpen(before);
    if (closedOn < before.registeredOn) throw fieldError('closedOn', `停止关爱日期不能早于登记日期 ${before.registeredOn}`);
    closeCareHousehold(db, id, closedOn, reason, operator);
    const after = detail(db, id, today);
    audit({ action: 'close', entity: 'care_household', entityId: id, after: { closedOn, reason } });
    return after;
  },

  'requests.addVisit': ({ householdId, ...input }, { db, operator, audit, today }) => {
    mustBeOpen(mustGet(db, householdId));
    const visitId = insertVisit(db, householdId, visitFields(db, input), null, operator);
    audit({ action: 'create', entity: 'care_visit', entityId: visitId, after: getVisit(db, visitId) });
    return detail(db, householdId, today);
  },

  /** A correction is a new entry naming the one it replaces; the first is kept and shown struck through. */
  'requests.correctVisit': ({ correctsId, reason, ...input }, { db, operator, audit, today }) => {
    const wrong = getVisit(db, correctsId);
    if (!wrong) throw notFound('走访记录');
    if (wrong.correctedBy) throw new DomainError('CONFLICT', '这条走访记录已经更正过，请更正最新的那一条', 'VISIT_CORRECTED');
    mustBeOpen(mustGet(db, wrong.householdId));
    const visitId = insertVisit(db, wrong.householdId, visitFields(db, input), { correctsId, reason }, operator);
    audit({ action: 'correct', entity: 'care_visit', entityId: visitId, before: wrong, after: getVisit(db, visitId) });
    return detail(db, wrong.householdId, today);
  },

  'requests.revealCare': ({ id, field, reason }, { db, audit }) => {
    const h = mustGet(db, id);
    // Seeing a full name, phone or ID number is itself a recorded act, with the reason given.
    audit({ action: 'reveal', entity: 'care_household', entityId: id, after: { field, reason } });
    return { value: h[field] ?? '' };
  },
};
