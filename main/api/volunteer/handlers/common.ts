import type { Db } from '../../../../db/open';
import { getMember } from '../../../../db/party/members';
import { getOrg, type OrgRow } from '../../../../db/party/orgs';
import { appendReversal, balanceOf, ledgerBalanceOf, reversalOf, type EntryRow } from '../../../../db/volunteer/ledger';
import { ensureMemberVolunteer, findResidentByIdNumber, getVolunteer, linkToMember, volunteerIdOfMember, type VolunteerRecord } from '../../../../db/volunteer/people';
import { ruleOn } from '../../../../db/volunteer/rules';
import { changeStock, redemptionByEntry } from '../../../../db/volunteer/shop';
import { DomainError, fieldError, notFound } from '../../common/errors';
import { maskIdCard, maskPhone } from '../../common/identifiers';
import { todayIso } from '../../common/calendar';
import type { Ctx } from '../../context';
import type { VolunteerView } from '../contract';
import type { PersonRef } from '../schemas';
import { tenthsText } from '../tenths';

/** What the volunteer handlers share: masking, finding people and units, and the never-negative guard. */

export function maskVolunteer(v: VolunteerRecord): VolunteerView {
  const { idNumber, phone, ...rest } = v;
  return { ...rest, idNumberMasked: maskIdCard(idNumber), phoneMasked: maskPhone(phone) };
}

export function mustVolunteer(db: Db, id: string): VolunteerRecord {
  const v = getVolunteer(db, id);
  if (!v) throw notFound('志愿者');
  return v;
}

export function mustUnit(db: Db, id: string, path: string, what: string): OrgRow {
  const org = getOrg(db, id);
  if (!org || org.status !== 'active') throw fieldError(path, `${what}不存在或已撤销`);
  return org;
}

export { scopePathOf as scopePath } from '../../../../db/party/orgs';

/**
 * The volunteer row of a member, made on first use (every member volunteers under 一人一岗). A resident already
 * registered with the member's ID number is that same person: their row is linked rather than a second one made.
 */
export function memberVolunteer(ctx: Ctx, memberId: string, on: string): VolunteerRecord {
  const member = getMember(ctx.db, memberId);
  if (!member) throw notFound('党员');
  const resident = member.idNumber ? findResidentByIdNumber(ctx.db, member.idNumber) : undefined;
  if (resident && !volunteerIdOfMember(ctx.db, memberId)) {
    const before = mustVolunteer(ctx.db, resident.id);
    linkToMember(ctx.db, resident.id, memberId, ctx.operator);
    const after = mustVolunteer(ctx.db, resident.id);
    ctx.audit({ action: 'link_member', entity: 'volunteer', entityId: resident.id, before: maskVolunteer(before), after: maskVolunteer(after) });
    return after;
  }
  const made = ensureMemberVolunteer(ctx.db, memberId, on, ctx.operator);
  const v = mustVolunteer(ctx.db, made.id);
  if (made.created) ctx.audit({ action: 'create', entity: 'volunteer', entityId: v.id, after: maskVolunteer(v) });
  return v;
}

/** The person a write refers to; `active` refuses someone who no longer serves (left, transferred, deceased). */
export function resolvePerson(ctx: Ctx, ref: PersonRef, on: string, opts: { active?: boolean; path?: string } = {}): VolunteerRecord {
  const v = ref.volunteerId ? mustVolunteer(ctx.db, ref.volunteerId) : memberVolunteer(ctx, ref.memberId!, on);
  if (opts.active && !v.active) {
    throw new DomainError('DOMAIN', `${v.name}已不在册或已停止志愿服务`, 'VOLUNTEER_INACTIVE', opts.path ? [{ path: opts.path, message: '此人已不在册' }] : undefined);
  }
  return v;
}

/** The rule in force today decides how a balance is counted (yearly expiry or roll-over). */
export function spendable(db: Db, volunteerId: string, year = Number(todayIso().slice(0, 4))): number {
  return balanceOf(db, volunteerId, ruleOn(db, todayIso()).expiry, year);
}

/**
 * Every write that lowers points (a redemption, a deduction, a reversal) checks the balance afterwards, inside its
 * transaction: a negative balance refuses the whole write. The balance is summed from the ledger, not read from
 * points_totals: an edited cache must not let anyone spend points they do not have.
 */
export function assertNotNegative(db: Db, v: { id: string; name: string }, year: number, doing: string): void {
  const rule = ruleOn(db, todayIso());
  const balance = ledgerBalanceOf(db, v.id, rule.expiry, year);
  if (balance < 0) {
    const scope = rule.expiry === 'yearly' ? `${year}年` : '';
    throw new DomainError('DOMAIN', `${v.name}${scope}可用积分不足，${doing}后将为 ${tenthsText(balance)} 分。积分不能为负，未保存`, 'BALANCE_NEGATIVE');
  }
}

/** Cancels an entry with its twin, puts a redeemed item back on the shelf, and keeps the balance at zero or above. */
export function reverse(ctx: Ctx, original: EntryRow, reason: string): string {
  if (original.reversesId) throw new DomainError('DOMAIN', '这是一条冲正记录，不能再冲正', 'IS_REVERSAL');
  if (reversalOf(ctx.db, original.id)) throw new DomainError('CONFLICT', '这条记录已经冲正过了', 'ALREADY_REVERSED');
  const id = appendReversal(ctx.db, original, reason, ctx.operator);
  const redemption = original.sourceKind === 'redemption' ? redemptionByEntry(ctx.db, original.id) : undefined;
  if (redemption) changeStock(ctx.db, redemption.itemId, redemption.quantity, ctx.operator);
  assertNotNegative(ctx.db, mustVolunteer(ctx.db, original.volunteerId), Number(original.onDate.slice(0, 4)), '冲正');
  return id;
}
