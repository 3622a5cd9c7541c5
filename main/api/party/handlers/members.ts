import { labelOrgName, labelOrgNames } from '../org-names';
import type { Db } from '../../../../db/open';
import {
  addMemberEvent,
  findMemberByIdNumber,
  getMember,
  insertMember,
  listMembers,
  markFull,
  memberEvents,
  readmit,
  replaceServedHouseholds,
  servedHouseholds,
  setLifecycle,
  updateMember,
  type MemberFields,
  type MemberListRow,
  type MemberRecord,
} from '../../../../db/party/members';
import { getOrg, scopePathOf } from '../../../../db/party/orgs';
import { getPlace } from '../../../../db/party/places';
import { DomainError, fieldError, notFound } from '../../common/errors';
import { maskIdCard, maskPhone } from '../../common/identifiers';
import type { Ctx } from '../../context';
import type { Handlers } from '../../router';
import type { MemberListView, MemberView, partyContract } from '../contract';
import { memberUnitProblem } from '../rules';
import { MemberInput } from '../schemas';

type C = typeof partyContract;

export function maskMember(m: MemberRecord): MemberView {
  const { idNumber, phone, ...rest } = m;
  return { ...rest, idNumberMasked: maskIdCard(idNumber), phoneMasked: maskPhone(phone) };
}

const maskRow = ({ idNumber, phone, ...rest }: MemberListRow): MemberListView => ({
  ...rest,
  idNumberMasked: maskIdCard(idNumber),
  phoneMasked: maskPhone(phone),
});

function mustGet(db: Db, id: string): MemberRecord {
  const m = getMember(db, id);
  if (!m) throw notFound('党员');
  return m;
}

function mustBeActive(m: MemberRecord, doing: string) {
  if (m.lifecycle !== 'active') throw new DomainError('DOMAIN', `${m.name}已不在册，不能${doing}`, 'MEMBER_NOT_ACTIVE');
}

/** Checks the references of a member's fields: the unit takes members, the building is a building, the ID is new. */
function checkReferences(db: Db, f: MemberFields, selfId?: string) {
  const unitProblem = memberUnitProblem(getOrg(db, f.orgId));
  if (unitProblem) throw fieldError('orgId', unitProblem);
  if (f.buildingId && getPlace(db, f.buildingId)?.kind !== 'building') throw fieldError('buildingId', '请选择一个楼栋');
  if (f.idNumber) {
    const other = findMemberByIdNumber(db, f.idNumber);
    if (other && other.id !== selfId) throw fieldError('idNumber', `该身份证号已登记（${other.name}）`);
  }
}

function created(ctx: Ctx, f: MemberFields, event: { kind: string; on: string; detail: Record<string, unknown> }, transferIn?: { on: string; from: string | null }) {
  checkReferences(ctx.db, f);
  const id = insertMember(ctx.db, f, ctx.operator, transferIn);
  addMemberEvent(ctx.db, id, event.kind, event.on, event.detail, ctx.operator);
  const row = getMember(ctx.db, id)!;
  ctx.audit({ action: event.kind === 'transfer_in' ? 'transfer_in' : 'create', entity: 'member', entityId: id, after: maskMember(row) });
  return maskMember(row);
}

/** Applies a lifecycle change and records it in the member's history and the audit log. */
function changed(ctx: Ctx, before: MemberRecord, action: string, on: string, detail: Record<string, unknown>) {
  addMemberEvent(ctx.db, before.id, action, on, detail, ctx.operator);
  const after = getMember(ctx.db, before.id)!;
  ctx.audit({ action, entity: 'member', entityId: before.id, before: maskMember(before), after: maskMember(after) });
  return maskMember(after);
}

export const memberHandlers: Pick<
  Handlers<C>,
  | 'party.listMembers'
  | 'party.getMember'
  | 'party.createMember'
  | 'party.updateMember'
  | 'party.transferIn'
  | 'party.transferOut'
  | 'party.markDeceased'
  | 'party.becomeFull'
  | 'party.readmitMember'
  | 'party.revealMember'
  | 'party.setServedHouseholds'
> = {
  'party.listMembers': (input, { db }) => {
    const orgPath = scopePathOf(db, input.orgId);
    const page = listMembers(db, { ...input, orgPath });
    return { total: page.total, rows: labelOrgNames(db, page.rows.map(maskRow)) };
  },

  'party.getMember': ({ id }, { db }) => {
    const m = mustGet(db, id);
    return { member: labelOrgName(db, maskMember(m)), events: memberEvents(db, id), households: servedHouseholds(db, id) };
  },

  'party.createMember': (input, ctx) =>
    created(ctx, input, { kind: 'created', on: input.joinedOn, detail: { orgId: input.orgId } }),

  'party.transferIn': ({ member, on, from }, ctx) => {
    if (member.idNumber) {
      const existing = findMemberByIdNumber(ctx.db, member.idNumber);
      const prior = existing && getMember(ctx.db, existing.id);
      if (prior && prior.lifecycle !== 'active') {
        throw new DomainError('CONFLICT', `${prior.name}曾在本单位登记（${prior.lifecycle === 'deceased' ? '已去世' : '已转出'}），请在其档案中办理“重新转入”`, 'MEMBER_EXISTS_INACTIVE', [
          { path: 'member.idNumber', message: '该身份证号已有历史档案' },
        ]);
      }
    }
    return created(ctx, member, { kind: 'transfer_in', on, detail: { from, orgId: member.orgId } }, { on, from });
  },

  'party.updateMember': (input, ctx) => {
    const before = mustGet(ctx.db, input.id);
    mustBeActive(before, '修改');
    const { id, keepIdNumber, keepPhone, ...fields } = input;
    // The rules across fields are checked on the values that will be stored, masked ones filled back in.
    const merged = MemberInput.parse({
      ...fields,
      idNumber: keepIdNumber ? before.idNumber : fields.idNumber,
      phone: keepPhone ? before.phone : fields.phone,
    });
    checkReferences(ctx.db, merged, id);
    updateMember(ctx.db, id, merged, ctx.operator);
    if (before.orgId !== merged.orgId) {
      addMemberEvent(ctx.db, id, 'org_changed', ctx.today, { from: before.orgName, to: getOrg(ctx.db, merged.orgId)?.name }, ctx.operator);
    }
    const after = getMember(ctx.db, id)!;
    ctx.audit({ action: 'update', entity: 'member', entityId: id, before: maskMember(before), after: maskMember(after) });
    return maskMember(after);
  },

  'party.transferOut': ({ id, on, to, note }, ctx) => {
    const before = mustGet(ctx.db, id);
    mustBeActive(before, '转出');
    if (on < before.joinedOn) throw fieldError('on', '转出日期不能早于入党日期');
    setLifecycle(ctx.db, id, { lifecycle: 'transferred_out', leftOn: on, leftTo: to }, ctx.operator);
    return changed(ctx, before, 'transfer_out', on, { to, note, orgName: before.orgName });
  },

  'party.markDeceased': ({ id, on, note }, ctx) => {
    const before = mustGet(ctx.db, id);
    mustBeActive(before, '登记去世');
    setLifecycle(ctx.db, id, { lifecycle: 'deceased', leftOn: on, leftTo: null }, ctx.operator);
    return changed(ctx, before, 'deceased', on, { note });
  },

  'party.becomeFull': ({ id, on }, ctx) => {
    const before = mustGet(ctx.db, id);
    mustBeActive(before, '转正');
    if (before.status === 'full') throw new DomainError('DOMAIN', `${before.name}已是正式党员`, 'ALREADY_FULL');
    if (on < before.joinedOn) throw fieldError('on', '转正日期不能早于入党日期');
    markFull(ctx.db, id, on, ctx.operator);
    return changed(ctx, before, 'became_full', on, {});
  },

  'party.readmitMember': ({ id, orgId, on, from }, ctx) => {
    const before = mustGet(ctx.db, id);
    if (before.lifecycle !== 'transferred_out') {
      throw new DomainError('DOMAIN', '只有已转出的党员可以重新转入', 'NOT_TRANSFERRED_OUT');
    }
    checkReferences(ctx.db, { ...before, orgId }, id);
    readmit(ctx.db, id, on, from, orgId, ctx.operator);
    return changed(ctx, before, 'readmitted', on, { from, orgId });
  },

  'party.revealMember': ({ id, field, reason }, { db, audit }) => {
    const m = mustGet(db, id);
    // Seeing a full ID number or phone is itself a recorded act, with the reason given.
    audit({ action: 'reveal', entity: 'member', entityId: id, after: { field, reason } });
    return { value: m[field] ?? '' };
  },

  'party.setServedHouseholds': ({ memberId, households }, { db, operator, audit }) => {
    const m = mustGet(db, memberId);
    if (!m.isCentreHousehold) throw new DomainError('DOMAIN', `${m.name}不是党员中心户，请先在档案中标记`, 'NOT_CENTRE_HOUSEHOLD');
    const before = servedHouseholds(db, memberId);
    replaceServedHouseholds(db, memberId, households, operator);
    const after = servedHouseholds(db, memberId);
    audit({ action: 'update', entity: 'served_households', entityId: memberId, before, after });
    return after;
  },
};
