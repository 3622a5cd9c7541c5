import { nowIso } from '../moment';
import type { Db } from '../open';
import type { BankItem } from './types';
import type { BankLineEntryRow } from './types-applications';
export type { BankLineEntryRow } from './types-applications';

const SELECT = `SELECT l.entry_id AS entryId, l.reconciliation_id AS reconciliationId, l.on_date AS onDate, l.direction, l.amount, l.note,
  e.status, e.seq, l.created_at AS createdAt, l.operator
  FROM fund_bank_line_entries l JOIN fund_entries e ON e.id = l.entry_id`;

/** The lines of a reconciliation entered into the journal, in the order entered. */
export const bankLineEntriesOf = (db: Db, reconciliationId: string): BankLineEntryRow[] =>
  db.prepare(`${SELECT} WHERE l.reconciliation_id = ? ORDER BY l.created_at, l.entry_id`).all(reconciliationId) as BankLineEntryRow[];

/** The same line (day, direction, amount, words) already entered for the account from any month, and not voided since. */
export const bankLineEntered = (db: Db, accountId: string, b: BankItem): BankLineEntryRow | undefined =>
  db.prepare(`${SELECT} JOIN fund_reconciliations r ON r.id = l.reconciliation_id
    WHERE r.account_id = ? AND l.on_date = ? AND l.direction = ? AND l.amount = ? AND l.note = ? AND e.status <> 'voided'`)
    .get(accountId, b.onDate, b.direction, b.amount, b.note) as BankLineEntryRow | undefined;

export function insertBankLineEntry(db: Db, l: { entryId: string; reconciliationId: string } & BankItem, operator: string): void {
  db.prepare('INSERT INTO fund_bank_line_entries (entry_id, reconciliation_id, on_date, direction, amount, note, created_at, operator) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(l.entryId, l.reconciliationId, l.onDate, l.direction, l.amount, l.note, nowIso(), operator);
}
