import { hash } from 'node:crypto';
import { accountStandings, getAccount, type AccountRow, type AccountStanding } from '../../../../db/fund/accounts';
import { attachmentsOf } from '../../../../db/fund/attachments';
import { lowestBalanceFrom } from '../../../../db/fund/balances';
import { draftHash } from '../../../../db/fund/chain';
import { disclosureReaching, type DisclosureRow } from '../../../../db/fund/disclosures';
import { categoryOf } from '../../../../db/fund/categories';
import { getEntry, requestHashOf, reversalOf, storedRow, type Direction, type EntryRow } from '../../../../db/fund/entries';
import { signoffsOf, type SignoffRow } from '../../../../db/fund/signoffs';
import type { Side } from '../../../../db/fund/signatories';
import { elevatorPlaces, elevatorsNotOf } from '../../../../db/elevator/elevators';
import type { Db } from '../../../../db/open';
import { DomainError, fieldError, notFound } from '../../common/errors';
import { formatFen } from '../../common/money';
import type { Ctx } from '../../context';
import type { AccountView, EntryDetail } from '../contract';

/** What the fund's handlers share: finding accounts and entries, idempotency, the balance rules, sign-off validity. */

export function mustAccount(db: Db, id: string, path = 'accountId'): AccountRow {
  const a = getAccount(db, id);
  if (!a) throw fieldError(path, '基金账户不存在');
  if (a.status !== 'active') throw fieldError(path, `“${a.name}”已销户，不能再记账`);
  return a;
}

export function mustEntry(db: Db, id: string): EntryRow {
  const e = getEntry(db, id);
  if (!e) throw notFound('基金流水');
  return e;
}

/** The account with its balance and what is available (the balance less the expense drafts waiting). */
export const accountView = (db: Db, a: AccountRow, s: AccountStanding = accountStandings(db, { id: a.id })[0]!): AccountView => {
  const balance = a.openingBalance + s.posted;
  return { ...a, balance, available: balance - s.drafts };
};

/**
 * A day a disclosure reaches is closed (db/fund/disclosures.ts): a statement on the wall shows it, in its period or
 * in a later period's opening balance, so nothing more may be posted on it — no new or back-dated entry, no expense
 * drafted before the disclosure, no reversal dated like its original — or the posted statement would no longer be
 * true. `what` names the entry, `instead` says what to do; `path` is the field of the form sent that takes the
 * refusal, null when the form has no date (a sign-off: the message is then the form's refusal).
 */
export function assertDayUndisclosed(db: Db, accountId: string, day: string, what: string, path: string | null, instead: (d: DisclosureRow) => string): void {
  const d = disclosureReaching(db, accountId, day);
  if (!d) return;
  const fields = path ? [{ path, message: `${d.periodTo} 以前的账目已公示，${instead(d)}` }] : undefined;
  throw new DomainError('DOMAIN', `${what}的日期 ${day} 已在 ${d.madeOn} 公示的账目（${d.periodFrom} 至 ${d.periodTo}）中，${instead(d)}`, 'PERIOD_DISCLOSED', fields);
}

/** A new entry's date (or a draft's, whenever it is written) may not fall on a disclosed day. */
const afterDisclosed = (d: DisclosureRow) => `不能再记在这一天，请选择 ${d.periodTo} 以后的日期`;

/**
 * The entry's date is on or after the account's opening and not on a disclosed day, its category is one of its
 * direction's, its elevators are the account's (its estate's, or its building's) and its attachments are stored.
 */
export function checkEntryFields(
  db: Db, a: AccountRow, direction: Direction, e: { onDate: string; category: string; elevatorIds: readonly string[]; attachmentHashes: readonly string[] },
): void {
  if (e.onDate < a.openedOn) throw fieldError('onDate', `日期不能早于开户日期 ${a.openedOn}`);
  assertDayUndisclosed(db, a.id, e.onDate, '这笔流水', 'onDate', afterDisclosed);
  const category = categoryOf(db, direction, e.category);
  if (!category) throw fieldError('category', `请选择${direction === 'income' ? '收入' : '支出'}类别`);
  if (category.retired) throw fieldError('category', `“${category.label}”已停用，请选择其他类别`);
  // The entry's hash covers these ids, so they must name elevators of this account's estate (or building) in the register.
  const strangers = elevatorsNotOf(db, a.estateId, a.buildingId, e.elevatorIds);
  if (strangers.length > 0) {
    throw fieldError('elevatorIds', `有 ${strangers.length} 部电梯不在${a.estateName}${a.buildingName ?? ''}的电梯档案中，请从档案中选择`);
  }
  // Likewise the attachment hashes: each must be a voucher stored in the data file (fund.addAttachment keeps them).
  const unknown = e.attachmentHashes.length - attachmentsOf(db, [...new Set(e.attachmentHashes)]).length;
  if (unknown > 0) throw fieldError('attachmentHashes', `有 ${unknown} 个附件没有保存在本机，请在“附件”中添加文件`);
}

/** SHA-256 of the request's input (keys sorted): a retry hashes the same, other content does not. */
export function requestHash(input: unknown): string {
  const sorted = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sorted(x)])) : v;
  return hash('sha256', JSON.stringify(sorted(input)), 'hex');
}

/**
 * An entry id already used: the same request again gets the entry it made (nothing is written twice), the same id
 * with other content is a conflict. Undefined for a new id.
 */
export function replayOf(db: Db, id: string, requestHashValue: string): EntryRow | undefined {
  const stored = requestHashOf(db, id);
  if (stored === undefined) return undefined;
  if (stored !== requestHashValue) throw new DomainError('CONFLICT', '这个记录编号已用于另一笔内容不同的流水，未保存。请重新打开表单再录入', 'ID_REUSED');
  return mustEntry(db, id);
}

const negative = (what: string, at: { date: string; balance: number }) =>
  new DomainError('DOMAIN', `${what}后，账户余额在 ${at.date} 将为 ${formatFen(at.balance)}。基金余额任何一天都不能为负；确需透支请填写透支说明`, 'BALANCE_NEGATIVE', [
    { path: 'overrideReason', message: '余额将为负，请填写透支说明' },
  ]);

/**
 * After an entry that lowers the balance is posted: no end-of-day balance from its date on may be negative (a
 * back-dated expense can break an earlier day while today's balance is fine), unless the entry records why.
 */
export function assertNeverNegative(ctx: Ctx, e: EntryRow, what: string): void {
  const low = lowestBalanceFrom(ctx.db, e.accountId, e.onDate);
  if (!low || low.balance >= 0) return;
  if (!e.overrideReason) throw negative(what, low);
  ctx.audit({ action: 'override_negative_balance', entity: 'fund_entry', entityId: e.id, after: { date: low.date, balance: formatFen(low.balance), reason: e.overrideReason } });
}

/** A draft reserves its amount: the available balance may not go below zero either, unless the draft says why. */
export function assertAvailable(ctx: Ctx, a: AccountRow, e: EntryRow): void {
  const { available } = accountView(ctx.db, a);
  if (available >= 0 || e.overrideReason) return;
  throw new DomainError('DOMAIN', `可用余额不足：扣除待签字的支出后为 ${formatFen(available)}。确需透支请填写透支说明`, 'AVAILABLE_NEGATIVE', [
    { path: 'overrideReason', message: '可用余额不足，请填写透支说明' },
  ]);
}

/** The sign-offs that approved the draft as it stands, one per side at most (the newest). */
export function validSignoffs(db: Db, entryId: string): Partial<Record<Side, SignoffRow>> {
  const current = draftHash(storedRow(db, entryId));
  const valid: Partial<Record<Side, SignoffRow>> = {};
  for (const s of signoffsOf(db, entryId)) if (s.draftHash === current && !valid[s.side]) valid[s.side] = s;
  return valid;
}

export function entryDetail(db: Db, id: string): EntryDetail {
  const entry = mustEntry(db, id);
  const row = storedRow(db, id);
  const counted =
    entry.status === 'draft'
      ? new Set(Object.values(validSignoffs(db, id)).map((s) => s.id))
      : new Set([row.company_signoff_id, row.committee_signoff_id]);
  const signoffs = signoffsOf(db, id).map((s) => ({ ...s, valid: counted.has(s.id) }));
  return { entry, signoffs, reversedBy: reversalOf(db, id), attachments: attachmentsOf(db, entry.attachmentHashes), elevators: elevatorPlaces(db, entry.elevatorIds) };
}
