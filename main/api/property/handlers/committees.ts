import type { Db } from '../../../../db/open';
import { getMember } from '../../../../db/party/members';
import {
  deleteTerm,
  findTermByNo,
  getTerm,
  insertTerm,
  membersOfTerm,
  unsucceededTermsEndingBy,
  updateTerm,
  type TermFields,
} from '../../../../db/property/committees';
import { getEstate } from '../../../../db/property/estates';
import { addMonths } from '../../common/days';
import { fieldError, notFound } from '../../common/errors';
import type { Handlers } from '../../router';
import type { propertyContract, TermDetail, TermView } from '../contract';
import { committeeSizeProblem } from '../rules';
import { propertySettings } from './settings';
import { termView } from './term-view';

type C = typeof propertyContract;

function termDetail(db: Db, id: string, today: string): TermDetail | undefined {
  const row = getTerm(db, id);
  return row && { term: termView(row, today, propertySettings(db)), members: membersOfTerm(db, id) };
}

/**
 * The term's estate exists, its number is free, members taken from the register are in it (a member already on
 * the roster stays even if they have since left the register: the roster is history), and the size fits.
 */
function checkTerm(db: Db, f: TermFields, self: TermDetail | null, today: string) {
  const estate = getEstate(db, f.estateId, today);
  if (!estate) throw fieldError('estateId', '请选择已建立物业档案的小区');
  const same = findTermByNo(db, f.estateId, f.termNo);
  if (same && same.id !== self?.term.id) throw fieldError('termNo', `${estate.name}已登记第 ${f.termNo} 届业委会`);
  const onRoster = new Set(self?.members.flatMap((m) => (m.memberId ? [m.memberId] : [])));
  f.members.forEach((m, i) => {
    if (!m.memberId || onRoster.has(m.memberId)) return;
    const member = getMember(db, m.memberId);
    if (!member || member.lifecycle !== 'active') throw fieldError(`members.${i}.name`, '所选党员不在党员名册中（或已转出）');
  });
  const problem = committeeSizeProblem(f.members.length, estate.households, propertySettings(db));
  if (problem) throw fieldError('members', problem);
}

export const committeeHandlers: Pick<
  Handlers<C>,
  'property.getTerm' | 'property.createTerm' | 'property.updateTerm' | 'property.deleteTerm' | 'property.listTermWarnings'
> = {
  'property.getTerm': ({ id }, { db, today }) => {
    const detail = termDetail(db, id, today);
    if (!detail) throw notFound('业委会届次');
    return detail;
  },

  'property.createTerm': (input, { db, operator, today, audit }) => {
    checkTerm(db, input, null, today);
    const id = insertTerm(db, input, operator);
    const after = termDetail(db, id, today)!;
    audit({ action: 'create', entity: 'committee_term', entityId: id, after });
    return after;
  },

  'property.updateTerm': ({ id, ...fields }, { db, operator, today, audit }) => {
    const before = termDetail(db, id, today);
    if (!before) throw notFound('业委会届次');
    const f = { ...fields, estateId: before.term.estateId };
    checkTerm(db, f, before, today);
    updateTerm(db, id, f, operator);
    const after = termDetail(db, id, today)!;
    audit({ action: 'update', entity: 'committee_term', entityId: id, before, after });
    return after;
  },

  'property.deleteTerm': ({ id }, { db, today, audit }) => {
    const before = termDetail(db, id, today);
    if (!before) throw notFound('业委会届次');
    deleteTerm(db, id);
    // The audit entry keeps the whole term with its roster.
    audit({ action: 'delete', entity: 'committee_term', entityId: id, before });
    return null;
  },

  'property.listTermWarnings': ({ communityId }, { db, today }) => termWarnings(db, today, communityId),
};

/** Current terms due for re-election or past it (the 换届提醒 list, the home page and the overview count these). */
export function termWarnings(db: Db, today: string, communityId: string | null): TermView[] {
  const settings = propertySettings(db);
  // Month-end clamping makes "ends within N months" not quite invertible (08-28…08-31 all start re-election on
  // 02-28): the index range is a month wider, and termState decides each term exactly.
  const bound = addMonths(today, settings.reelectionLeadMonths + 1);
  return unsucceededTermsEndingBy(db, bound, communityId)
    .map((t) => termView(t, today, settings))
    .filter((t) => t.state === 'reelection_due' || t.state === 'overdue');
}
