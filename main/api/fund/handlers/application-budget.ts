import { applicationOfEntry, getApplication } from '../../../../db/fund/applications';
import type { Db } from '../../../../db/open';
import { fieldError } from '../../common/errors';
import { formatFen } from '../../common/money';

/**
 * A maintenance-fund use's payments, posted and waiting, may not exceed its budget: checked after the draft is
 * written (a new payment, or an edit of one in 收支明细), inside the write's transaction, so a refusal leaves nothing.
 */
export function assertWithinBudget(db: Db, entryId: string, amount: number): void {
  const id = applicationOfEntry(db, entryId);
  const a = id ? getApplication(db, id) : undefined;
  if (!a || a.paid + a.pending <= a.budget) return;
  const left = a.budget - (a.paid + a.pending - amount);
  throw fieldError('amount', `超出“${a.title}”的预算：预算 ${formatFen(a.budget)}，其余已付和待付 ${formatFen(a.paid + a.pending - amount)}，这笔最多 ${formatFen(Math.max(left, 0))}`);
}
