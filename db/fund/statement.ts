import type { Db } from '../open';
import { periodFigures } from './balances';
import type { CategoryTotal, ExpenseLine, Signature, StatementData } from './types';
export type { CategoryTotal, ExpenseLine, Signature, StatementData } from './types';

/**
 * A period's statement for public disclosure (公示): the figures summed in SQL over the journal index
 * (fund_entries_journal: account, status, date), income by category with reversals netted, and every expense with
 * its purpose, voucher and both sign-offs. Amounts in fen.
 */

const IN_PERIOD = "e.account_id = ? AND e.status = 'posted' AND e.on_date BETWEEN ? AND ?";

function byCategory(db: Db, accountId: string, direction: 'income' | 'expense', from: string, to: string): CategoryTotal[] {
  return db
    .prepare(
      `SELECT e.category, c.label, COUNT(*) AS entries, SUM(e.amount) AS amount,
              COALESCE(SUM(e.amount) FILTER (WHERE e.reverses_id IS NOT NULL), 0) AS reversed
       FROM fund_entries e JOIN fund_categories c ON c.direction = e.direction AND c.code = e.category
       WHERE ${IN_PERIOD} AND e.direction = ? GROUP BY e.category ORDER BY MIN(c.position)`,
    )
    .all(accountId, from, to, direction) as CategoryTotal[];
}

interface ExpenseRow extends Omit<ExpenseLine, 'reversedBy' | 'company' | 'committee'> {
  reversedBySeq: number | null;
  reversedOn: string | null;
  companyName: string | null;
  companyAt: string | null;
  committeeName: string | null;
  committeeAt: string | null;
}

const signature = (name: string | null, at: string | null): Signature | null => (name && at ? { name, signedAt: at } : null);

/** Every expense posted in the period, in date and posting order, with its sign-offs and its reversal if any. */
function expenseLines(db: Db, accountId: string, from: string, to: string): ExpenseLine[] {
  const rows = db
    .prepare(
      `SELECT e.seq, e.on_date AS onDate, e.category, c.label AS categoryLabel, e.purpose, e.voucher_no AS voucherNo,
              json_array_length(e.attachments) AS attachments,
              e.counterparty, e.amount, o.seq AS reverses, r.seq AS reversedBySeq, r.on_date AS reversedOn,
              cg.name AS companyName, cs.signed_at AS companyAt, mg.name AS committeeName, ms.signed_at AS committeeAt
       FROM fund_entries e
       JOIN fund_categories c ON c.direction = e.direction AND c.code = e.category
       LEFT JOIN fund_entries o ON o.id = e.reverses_id
       LEFT JOIN fund_entries r ON r.reverses_id = e.id AND r.status = 'posted'
       LEFT JOIN fund_signoffs cs ON cs.id = e.company_signoff_id LEFT JOIN fund_signatories cg ON cg.id = cs.signatory_id
       LEFT JOIN fund_signoffs ms ON ms.id = e.committee_signoff_id LEFT JOIN fund_signatories mg ON mg.id = ms.signatory_id
       WHERE ${IN_PERIOD} AND e.direction = 'expense' ORDER BY e.on_date, e.seq`,
    )
    .all(accountId, from, to) as ExpenseRow[];
  return rows.map(({ reversedBySeq, reversedOn, companyName, companyAt, committeeName, committeeAt, ...line }) => ({
    ...line,
    reversedBy: reversedBySeq !== null && reversedOn !== null ? { seq: reversedBySeq, onDate: reversedOn } : null,
    company: signature(companyName, companyAt),
    committee: signature(committeeName, committeeAt),
  }));
}

export function statementOf(db: Db, accountId: string, from: string, to: string): StatementData {
  return {
    from,
    to,
    ...periodFigures(db, accountId, from, to),
    incomeByCategory: byCategory(db, accountId, 'income', from, to),
    expenseByCategory: byCategory(db, accountId, 'expense', from, to),
    expenses: expenseLines(db, accountId, from, to),
  };
}
