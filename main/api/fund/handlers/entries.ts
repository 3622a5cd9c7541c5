import type { z } from 'zod';
import { getAccount } from '../../../../db/fund/accounts';
import { draftHash } from '../../../../db/fund/chain';
import { insertDraft, reversalOf, storedRow, updateDraft, voidDraft, type Direction, type EntryContent, type EntryRow } from '../../../../db/fund/entries';
import { postToChain } from '../../../../db/fund/post';
import { DomainError } from '../../common/errors';
import { formatFen } from '../../common/money';
import type { Ctx } from '../../context';
import type { Handlers } from '../../router';
import type { fundContract } from '../contract';
import type { ExpenseDraftInput } from '../schemas';
import { assertWithinBudget } from './application-budget';
import { assertAvailable, assertDayUndisclosed, assertNeverNegative, checkEntryFields, entryDetail, mustAccount, mustEntry, replayOf, requestHash, validSignoffs } from './common';

type C = typeof fundContract;
type ContentInput = Omit<z.output<typeof ExpenseDraftInput>, 'id' | 'accountId' | 'overrideReason'> & { overrideReason?: string | null };

const contentOf = (direction: Direction, i: ContentInput): EntryContent => ({
  onDate: i.onDate, direction, category: i.category, amount: i.amount, counterparty: i.counterparty, voucherNo: i.voucherNo,
  purpose: i.purpose, elevatorIds: i.elevatorIds, attachmentHashes: i.attachmentHashes, reversesId: null, overrideReason: i.overrideReason ?? null,
});

/** An entry as the audit log keeps it: amounts in yuan text, as people read them. */
export const auditedEntry = (e: EntryRow) => ({ ...e, amount: formatFen(e.amount), effect: formatFen(e.effect) });

/**
 * Writes a draft's new content. Null when its hash is unchanged (the sign-offs still count); otherwise the sign-offs
 * the change voided, as the audit names them ("刘经理（物业）").
 */
export function rewriteDraft(ctx: Ctx, before: EntryRow, content: EntryContent): string[] | null {
  const signedBefore = Object.values(validSignoffs(ctx.db, before.id));
  const hashBefore = draftHash(storedRow(ctx.db, before.id));
  updateDraft(ctx.db, before.id, content, ctx.operator);
  if (draftHash(storedRow(ctx.db, before.id)) === hashBefore) return null;
  return signedBefore.map((s) => `${s.signerName}（${s.side === 'company' ? '物业' : '业委会'}）`);
}

export function mustDraft(ctx: Ctx, id: string): EntryRow {
  const e = mustEntry(ctx.db, id);
  if (e.status !== 'draft') throw new DomainError('DOMAIN', `这笔流水${e.status === 'posted' ? '已过账' : '已作废'}，不能再改动`, 'NOT_DRAFT');
  return e;
}

/** Writes a new entry as a draft; the same request again returns it (idempotency, replayOf). */
function newDraft(ctx: Ctx, input: { id: string; accountId: string }, c: EntryContent, request: unknown = input): { entry: EntryRow; replayed: boolean } {
  const hash = requestHash(request);
  const replayed = replayOf(ctx.db, input.id, hash);
  if (replayed) return { entry: replayed, replayed: true };
  const account = mustAccount(ctx.db, input.accountId);
  checkEntryFields(ctx.db, account, c.direction, c);
  insertDraft(ctx.db, input.id, account.id, c, hash, ctx.operator);
  return { entry: mustEntry(ctx.db, input.id), replayed: false };
}

/**
 * Writes an income entry and posts it at once (income needs no sign-off); the same request again returns the entry
 * it made, `replayed`, and posts nothing. `request`: what the idempotency hash covers — the channel's input, when the
 * account was looked up from it. Used by 录入收入 and by the income the fund computes (物业费提取, 众筹缴款).
 */
export function postNewIncome(ctx: Ctx, input: { id: string; accountId: string }, c: EntryContent, request: unknown = input): { entry: EntryRow; replayed: boolean } {
  const { entry, replayed } = newDraft(ctx, input, c, request);
  if (replayed) return { entry, replayed };
  postToChain(ctx.db, entry, { company: null, committee: null }, ctx.operator);
  const posted = mustEntry(ctx.db, entry.id);
  ctx.audit({ action: 'post_income', entity: 'fund_entry', entityId: entry.id, after: auditedEntry(posted) });
  return { entry: posted, replayed: false };
}

/**
 * Writes an expense as a draft that reserves its amount, to be signed by both sides in person and posted (fund.signOff,
 * fund.postExpense): the one way money leaves the fund. The same request again returns the draft it made, `replayed`.
 * Used by 新建支出 and by a maintenance-fund use's payments.
 */
export function draftNewExpense(ctx: Ctx, input: { id: string; accountId: string }, c: EntryContent, request: unknown = input): { entry: EntryRow; replayed: boolean } {
  const made = newDraft(ctx, input, c, request);
  if (!made.replayed) {
    assertAvailable(ctx, getAccount(ctx.db, made.entry.accountId)!, made.entry);
    ctx.audit({ action: 'draft_expense', entity: 'fund_entry', entityId: made.entry.id, after: auditedEntry(made.entry) });
  }
  return made;
}

export const entryHandlers: Pick<
  Handlers<C>,
  'fund.postIncome' | 'fund.draftExpense' | 'fund.updateDraft' | 'fund.voidDraft' | 'fund.reverseEntry' | 'fund.getEntry'
> = {
  /** Income needs no sign-off (DOMAIN.md: "An expense is posted only with both"): posted at once. */
  'fund.postIncome': (input, ctx) => postNewIncome(ctx, input, contentOf('income', input)).entry,

  'fund.draftExpense': (input, ctx) => entryDetail(ctx.db, draftNewExpense(ctx, input, contentOf('expense', input)).entry.id),

  /** A change of content voids every sign-off given so far: each approved the hash of the content it saw. */
  'fund.updateDraft': (input, ctx) => {
    const before = mustDraft(ctx, input.id);
    const account = mustAccount(ctx.db, before.accountId, 'id');
    // The attachments stay as stored: only fund.addAttachment / removeAttachment change them.
    const content = contentOf(before.direction, { ...input, attachmentHashes: before.attachmentHashes });
    checkEntryFields(ctx.db, account, before.direction, content);
    const voided = rewriteDraft(ctx, before, content);
    if (!voided) return entryDetail(ctx.db, before.id);
    const after = mustEntry(ctx.db, before.id);
    assertAvailable(ctx, account, after);
    assertWithinBudget(ctx.db, after.id, after.amount);
    ctx.audit({ action: 'update_draft', entity: 'fund_entry', entityId: after.id, before: auditedEntry(before), after: { ...auditedEntry(after), voidedSignoffs: voided } });
    return entryDetail(ctx.db, after.id);
  },

  'fund.voidDraft': ({ entryId, reason }, ctx) => {
    const before = mustDraft(ctx, entryId);
    voidDraft(ctx.db, entryId, reason, ctx.operator);
    ctx.audit({ action: 'void_draft', entity: 'fund_entry', entityId: entryId, before: auditedEntry(before), after: { reason } });
    return entryDetail(ctx.db, entryId);
  },

  /**
   * 冲正: a new posted entry with the amount negated, the same direction and category, pointing at the original;
   * dated today unless asked to take the original's date (refused once that day is disclosed). A reversal is never itself reversed.
   */
  'fund.reverseEntry': (input, ctx) => {
    const hash = requestHash(input);
    const replayed = replayOf(ctx.db, input.id, hash);
    if (replayed) return replayed;
    const original = mustEntry(ctx.db, input.entryId);
    if (original.status !== 'posted') throw new DomainError('DOMAIN', '只有已过账的流水才能冲正；草稿请直接修改或作废', 'NOT_POSTED');
    if (original.reversesId) throw new DomainError('DOMAIN', '这是一条冲正记录，不能再冲正；如有错误请另录一笔正确的流水', 'IS_REVERSAL');
    if (reversalOf(ctx.db, original.id)) throw new DomainError('CONFLICT', '这笔流水已经冲正过了', 'ALREADY_REVERSED');
    const account = mustAccount(ctx.db, original.accountId, 'entryId');
    // It takes its original's date only while no statement shows that day (LEDGER.md).
    if (input.onOriginalDate) {
      assertDayUndisclosed(ctx.db, original.accountId, original.onDate, `第 ${original.seq} 笔`, 'onOriginalDate', () => '冲正不能再记在原日期，请按今天的日期冲正');
    }
    const content: EntryContent = {
      ...original, onDate: input.onOriginalDate ? original.onDate : ctx.today, amount: -original.amount,
      purpose: `冲正第 ${original.seq} 笔：${input.reason}`, attachmentHashes: [], reversesId: original.id, overrideReason: input.overrideReason,
    };
    insertDraft(ctx.db, input.id, account.id, content, hash, ctx.operator);
    postToChain(ctx.db, { id: input.id, accountId: account.id }, { company: null, committee: null }, ctx.operator);
    const reversal = mustEntry(ctx.db, input.id);
    if (reversal.effect < 0) assertNeverNegative(ctx, reversal, '冲正这笔收入');
    ctx.audit({ action: 'reverse', entity: 'fund_entry', entityId: original.id, after: { purpose: original.purpose, amount: formatFen(original.amount), reversal: auditedEntry(reversal), reason: input.reason } });
    return reversal;
  },

  'fund.getEntry': ({ id }, { db }) => entryDetail(db, id),
};
