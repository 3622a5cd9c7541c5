import { getAccount } from '../../../../db/fund/accounts';
import { bankLineEntered, insertBankLineEntry } from '../../../../db/fund/bank-lines';
import { bankItemsOf } from '../../../../db/fund/reconciliations';
import type { EntryContent } from '../../../../db/fund/types';
import { DomainError, fieldError } from '../../common/errors';
import { formatFen } from '../../common/money';
import type { Handlers } from '../../router';
import type { fundContract } from '../contract';
import { entryDetail, mustAccount, replayOf, requestHash } from './common';
import { draftNewExpense, postNewIncome } from './entries';
import { mustReconciliation } from './reconciliations';

const monthWords = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;

export const bankLineHandlers: Pick<Handlers<typeof fundContract>, 'fund.enterBankLine'> = {
  /**
   * A line of the bank statement the journal lacked, entered from the reconciliation without retyping it: on the
   * journal's own paths — interest is income and posts at once, a charge is an expense draft that both sides sign
   * in person before it is posted. The same line (day, direction, amount, words) is entered once per account, unless
   * its draft was voided; the same request again returns the entry it made.
   */
  'fund.enterBankLine': (input, ctx) => {
    const replayed = replayOf(ctx.db, input.id, requestHash(input));
    if (replayed) return entryDetail(ctx.db, replayed.id);
    const r = mustReconciliation(ctx, input.reconciliationId);
    const account = mustAccount(ctx.db, r.accountId, 'reconciliationId');
    const line = bankItemsOf(ctx.db, r.id)[input.index];
    if (!line) throw fieldError('index', '这一行不在已保存的银行方未达账项中，请先保存对账');
    const before = bankLineEntered(ctx.db, account.id, line);
    if (before) {
      throw new DomainError('CONFLICT', `这笔银行未达账项已记入收支明细（${before.status === 'draft' ? '待签字的草稿' : `第 ${before.seq} 笔`}），不能重复记账`, 'BANK_LINE_ENTERED');
    }
    const content: EntryContent = {
      onDate: line.onDate, direction: line.direction, category: input.category, amount: line.amount,
      counterparty: getAccount(ctx.db, account.id)!.bankName, voucherNo: null, purpose: `银行对账 ${monthWords(r.month)}：${line.note}`,
      elevatorIds: [], attachmentHashes: [], reversesId: null, overrideReason: input.overrideReason,
    };
    const target = { id: input.id, accountId: account.id };
    const { entry } = line.direction === 'income' ? postNewIncome(ctx, target, content, input) : draftNewExpense(ctx, target, content, input);
    insertBankLineEntry(ctx.db, { entryId: entry.id, reconciliationId: r.id, ...line }, ctx.operator);
    ctx.audit({ action: 'enter_bank_line', entity: 'fund_reconciliation', entityId: r.id, after: { entryId: entry.id, ...line, amount: formatFen(line.amount) } });
    return entryDetail(ctx.db, entry.id);
  },
};
