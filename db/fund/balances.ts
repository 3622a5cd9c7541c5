import type { Db } from '../open';
import { ENTRY_COLUMNS, entryFromDb } from './entries';
import type { EntryRow, JournalRow, PeriodFigures } from './types';
export type { JournalRow, PeriodFigures } from './types';

/**
 * Balances are read from the journal itself (SUM over the account's posted entries, index fund_entries_journal),
 * never from a cache: every spending check decides on what the ledger says. Amounts in fen.
 */

const one = (db: Db, sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { v: number }).v;

const opening = (db: Db, accountId: string) => one(db, 'SELECT opening_balance AS v FROM fund_accounts WHERE id = ?', accountId);

/** The balance at the end of a day (or of everything posted, without one). */
export function balanceOf(db: Db, accountId: string, onOrBefore = '9999-12-31'): number {
  return opening(db, accountId) + one(db,
    "SELECT COALESCE(SUM(effect), 0) AS v FROM fund_entries WHERE account_id = ? AND status = 'posted' AND on_date <= ?", accountId, onOrBefore);
}

/** The date of the latest posted entry (null: nothing posted yet). */
export const lastPostedOn = (db: Db, accountId: string): string | null =>
  (db.prepare("SELECT MAX(on_date) AS d FROM fund_entries WHERE account_id = ? AND status = 'posted'").get(accountId) as { d: string | null }).d;


/** The lowest end-of-day balance on any day from `from` on, and that day (null when nothing is posted from then on). */
export function lowestBalanceFrom(db: Db, accountId: string, from: string): { date: string; balance: number } | null {
  const low = db
    .prepare(
      `SELECT on_date AS date, run FROM (
         SELECT on_date, SUM(SUM(effect)) OVER (ORDER BY on_date) AS run
         FROM fund_entries WHERE account_id = ? AND status = 'posted' GROUP BY on_date)
       WHERE on_date >= ? ORDER BY run, on_date LIMIT 1`,
    )
    .get(accountId, from) as { date: string; run: number } | undefined;
  return low ? { date: low.date, balance: opening(db, accountId) + low.run } : null;
}

export function periodFigures(db: Db, accountId: string, from: string, to: string): PeriodFigures {
  const sumIn = (direction: string) => one(db,
    "SELECT COALESCE(SUM(amount), 0) AS v FROM fund_entries WHERE account_id = ? AND status = 'posted' AND direction = ? AND on_date BETWEEN ? AND ?",
    accountId, direction, from, to);
  return {
    opening: opening(db, accountId) + one(db,
      "SELECT COALESCE(SUM(effect), 0) AS v FROM fund_entries WHERE account_id = ? AND status = 'posted' AND on_date < ?", accountId, from),
    income: sumIn('income'),
    expense: sumIn('expense'),
    closing: balanceOf(db, accountId, to),
  };
}

/** Posted entries of a period in date order (posting order within a day), each with the balance after it. */
export function journalPage(db: Db, accountId: string, q: { from: string; to: string; offset: number; limit: number }): { rows: JournalRow[]; total: number } {
  const rows = db
    .prepare(
      `SELECT * FROM (
         SELECT ${ENTRY_COLUMNS}, a.opening_balance + SUM(e.effect) OVER (ORDER BY e.on_date, e.seq ROWS UNBOUNDED PRECEDING) AS runningBalance,
                (SELECT r.id FROM fund_entries r WHERE r.reverses_id = e.id) AS reversedBy
         FROM fund_entries e JOIN fund_accounts a ON a.id = e.account_id WHERE e.account_id = ? AND e.status = 'posted')
       WHERE onDate BETWEEN ? AND ? ORDER BY onDate, seq LIMIT ? OFFSET ?`,
    )
    .all(accountId, q.from, q.to, q.limit, q.offset) as (Parameters<typeof entryFromDb>[0] & { runningBalance: number; reversedBy: string | null })[];
  const total = one(db, "SELECT COUNT(*) AS v FROM fund_entries WHERE account_id = ? AND status = 'posted' AND on_date BETWEEN ? AND ?", accountId, q.from, q.to);
  return { rows: rows.map((r) => ({ ...entryFromDb(r), runningBalance: r.runningBalance, reversedBy: r.reversedBy })), total };
}

/** Expense drafts still open, oldest first. */
export function openDrafts(db: Db, accountId: string): EntryRow[] {
  return (db.prepare(`SELECT ${ENTRY_COLUMNS} FROM fund_entries e WHERE e.account_id = ? AND e.status = 'draft' ORDER BY e.created_at, e.id`)
    .all(accountId) as Parameters<typeof entryFromDb>[0][]).map(entryFromDb);
}

/**
 * Income and expense posted per month over every account, from `from` to `to` (days), reversals netted: the
 * overview's chart. Each account's entries are read through the journal index: CROSS JOIN keeps the accounts the
 * outer loop (SQLite's planner otherwise scans the journal on a file without statistics).
 */
export function monthlyTotals(db: Db, from: string, to: string): { month: string; income: number; expense: number }[] {
  return db
    .prepare(
      `SELECT substr(e.on_date, 1, 7) AS month,
              COALESCE(SUM(CASE WHEN e.direction = 'income' THEN e.amount END), 0) AS income,
              COALESCE(SUM(CASE WHEN e.direction = 'expense' THEN e.amount END), 0) AS expense
       FROM fund_accounts a CROSS JOIN fund_entries e ON e.account_id = a.id AND e.status = 'posted' AND e.on_date BETWEEN ? AND ?
       GROUP BY month ORDER BY month`,
    )
    .all(from, to) as { month: string; income: number; expense: number }[];
}
