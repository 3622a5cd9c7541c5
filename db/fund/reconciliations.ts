import { hash } from 'node:crypto';
import { newId } from '../ids';
import { canonical, type CanonicalField } from '../ledger/canonical';
import { nowIso } from '../moment';
import type { Db } from '../open';
import { newStamps } from '../stamps';
import type { BankItem, LedgerItem, ReconciliationRow, ReconciliationSignoffRow, Side } from './types';
export type { BankItem, LedgerItem, ReconciliationRow, ReconciliationSignoffRow } from './types';

/**
 * The bank reconciliations of db/migrations/022 (docs/fund.md, "银行对账"). A draft is saved whole — its figures and
 * every item — so its content hash can say exactly what a confirmation approved.
 */

/** A reconciliation row's columns (also read by export-procedures.ts). */
export const COLUMNS = `id, account_id AS accountId, month, statement_date AS statementDate, bank_balance AS bankBalance,
  ledger_balance AS ledgerBalance, content_hash AS contentHash, status, confirmed_at AS confirmedAt,
  created_at AS createdAt, updated_at AS updatedAt, operator`;

export type ReconciliationContent = Pick<ReconciliationRow, 'id' | 'accountId' | 'month' | 'statementDate' | 'bankBalance' | 'ledgerBalance'> & {
  /** Entry ids, in the order listed. */
  ledgerItems: readonly string[];
  bankItems: readonly BankItem[];
};

/**
 * SHA-256 of the content in db/ledger's canonical form (SDL1 field encoding, tag `SDL1-reconciliation`): what each
 * confirmation records. The entry ids are sorted, so listing order does not matter; bank lines keep theirs.
 */
export function reconciliationHash(c: ReconciliationContent): string {
  const text = (value: string): CanonicalField => ({ kind: 'text', value });
  const int = (value: number): CanonicalField => ({ kind: 'int', value });
  const date = (value: string): CanonicalField => ({ kind: 'date', value });
  const fields: CanonicalField[] = [
    text(c.id), text(c.accountId), text(c.month), date(c.statementDate), int(c.bankBalance), int(c.ledgerBalance),
    int(c.ledgerItems.length), ...[...c.ledgerItems].sort().map(text),
    int(c.bankItems.length), ...c.bankItems.flatMap((b) => [date(b.onDate), text(b.direction), int(b.amount), text(b.note)]),
  ];
  return hash('sha256', `SDL1-reconciliation${canonical(fields)}`, 'hex');
}

export function reconciliationOf(db: Db, accountId: string, month: string): ReconciliationRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM fund_reconciliations WHERE account_id = ? AND month = ?`).get(accountId, month) as ReconciliationRow | undefined;
}

export function getReconciliation(db: Db, id: string): ReconciliationRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM fund_reconciliations WHERE id = ?`).get(id) as ReconciliationRow | undefined;
}

export function listReconciliations(db: Db, accountId: string): ReconciliationRow[] {
  return db.prepare(`SELECT ${COLUMNS} FROM fund_reconciliations WHERE account_id = ? ORDER BY month DESC`).all(accountId) as ReconciliationRow[];
}

/** The latest confirmed reconciliation before a month (by default: of all), if any. */
export function confirmedBefore(db: Db, accountId: string, month = '9999-12'): ReconciliationRow | undefined {
  return db
    .prepare(`SELECT ${COLUMNS} FROM fund_reconciliations WHERE account_id = ? AND status = 'confirmed' AND month < ? ORDER BY month DESC LIMIT 1`)
    .get(accountId, month) as ReconciliationRow | undefined;
}

const LEDGER_ITEM = `SELECT e.id AS entryId, e.seq, e.on_date AS onDate, e.direction, e.amount, e.purpose FROM fund_entries e`;

export function ledgerItemsOf(db: Db, reconciliationId: string): LedgerItem[] {
  return db
    .prepare(`${LEDGER_ITEM} JOIN fund_reconciliation_items i ON i.entry_id = e.id WHERE i.reconciliation_id = ? ORDER BY e.on_date, e.seq`)
    .all(reconciliationId) as LedgerItem[];
}

export function bankItemsOf(db: Db, reconciliationId: string): BankItem[] {
  return db
    .prepare("SELECT on_date AS onDate, direction, amount, note FROM fund_reconciliation_items WHERE reconciliation_id = ? AND side = 'bank' ORDER BY position")
    .all(reconciliationId) as BankItem[];
}

/** Posted entries of the account dated in [from, to], in journal order: what may be in transit. */
export function postedBetween(db: Db, accountId: string, from: string, to: string): LedgerItem[] {
  return db
    .prepare(`${LEDGER_ITEM} WHERE e.account_id = ? AND e.status = 'posted' AND e.on_date BETWEEN ? AND ? ORDER BY e.on_date, e.seq`)
    .all(accountId, from, to) as LedgerItem[];
}

/** The entries among `ids` that are posted entries of the account dated on or before `through`. */
export function postedAmong(db: Db, accountId: string, ids: readonly string[], through: string): LedgerItem[] {
  if (ids.length === 0) return [];
  return db
    .prepare(`${LEDGER_ITEM} WHERE e.account_id = ? AND e.status = 'posted' AND e.on_date <= ? AND e.id IN (SELECT value FROM json_each(?))`)
    .all(accountId, through, JSON.stringify(ids)) as LedgerItem[];
}

/** Writes the draft whole: the row (new or replacing the month's draft) and its items. */
export function saveDraft(db: Db, c: ReconciliationContent, operator: string): void {
  const contentHash = reconciliationHash(c);
  const existing = getReconciliation(db, c.id);
  if (existing) {
    db.prepare('UPDATE fund_reconciliations SET bank_balance = ?, ledger_balance = ?, content_hash = ?, updated_at = ?, operator = ? WHERE id = ?')
      .run(c.bankBalance, c.ledgerBalance, contentHash, nowIso(), operator, c.id);
    db.prepare('DELETE FROM fund_reconciliation_items WHERE reconciliation_id = ?').run(c.id);
  } else {
    const st = newStamps(operator);
    db.prepare(
      `INSERT INTO fund_reconciliations (id, account_id, month, statement_date, bank_balance, ledger_balance, content_hash, status, created_at, updated_at, operator)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?)`,
    ).run(c.id, c.accountId, c.month, c.statementDate, c.bankBalance, c.ledgerBalance, contentHash, st.created_at, st.updated_at, st.operator);
  }
  const item = db.prepare(
    'INSERT INTO fund_reconciliation_items (reconciliation_id, position, side, entry_id, on_date, direction, amount, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  c.ledgerItems.forEach((entryId, i) => item.run(c.id, i, 'ledger', entryId, null, null, null, null));
  c.bankItems.forEach((b, i) => item.run(c.id, c.ledgerItems.length + i, 'bank', null, b.onDate, b.direction, b.amount, b.note));
}

export function markConfirmed(db: Db, id: string): void {
  db.prepare("UPDATE fund_reconciliations SET status = 'confirmed', confirmed_at = ? WHERE id = ?").run(nowIso(), id);
}

export function insertReconciliationSignoff(db: Db, s: { reconciliationId: string; side: Side; signatoryId: string; contentHash: string }, operator: string): string {
  const id = newId();
  db.prepare('INSERT INTO fund_reconciliation_signoffs (id, reconciliation_id, side, signatory_id, signed_at, content_hash, operator) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(id, s.reconciliationId, s.side, s.signatoryId, nowIso(), s.contentHash, operator);
  return id;
}

/** Every confirmation given, newest first (those of earlier versions of the draft included). */
export function reconciliationSignoffs(db: Db, reconciliationId: string): ReconciliationSignoffRow[] {
  return db.prepare(`${SIGNOFFS} WHERE s.reconciliation_id = ? ORDER BY s.rowid DESC`).all(reconciliationId) as ReconciliationSignoffRow[];
}

/** The confirmations with their signers' names (also read by export-procedures.ts). */
export const SIGNOFFS = `SELECT s.id, s.reconciliation_id AS reconciliationId, s.side, s.signatory_id AS signatoryId, g.name AS signerName, s.signed_at AS signedAt,
    s.content_hash AS contentHash, s.operator
  FROM fund_reconciliation_signoffs s JOIN fund_signatories g ON g.id = s.signatory_id`;
