import type { Db } from '../open';
import { COLUMNS, SIGNOFFS } from './reconciliations';
import type { BankItem, LedgerItem, ReconciliationRow, ReconciliationSignoffRow } from './types';

/**
 * The monthly bank reconciliations of the scope's accounts as they leave the installation (data packages), with
 * their items in transit and every confirmation given. Three statements for the whole scope, not three per
 * reconciliation: a street's five years hold tens of thousands of months. (Applications: applications.ts's
 * `applicationsIn`.)
 */

/** A reconciliation with its items and every confirmation given, newest first (which of them count is the caller's). */
export interface ReconciliationExportRow extends ReconciliationRow {
  accountName: string;
  estateName: string;
  community: string;
  ledgerItems: LedgerItem[];
  bankItems: BankItem[];
  signoffs: ReconciliationSignoffRow[];
}

const IN_SCOPE = `SELECT x.id FROM fund_reconciliations x JOIN fund_accounts a ON a.id = x.account_id JOIN places est ON est.id = a.estate_id
  WHERE ($community IS NULL OR est.parent_id = $community)`;

export function exportReconciliations(db: Db, communityId: string | null): ReconciliationExportRow[] {
  const scope = { community: communityId };
  const rows = db
    .prepare(
      `SELECT r.*, a.name AS accountName, est.name AS estateName, com.name AS community
       FROM (SELECT ${COLUMNS} FROM fund_reconciliations WHERE id IN (${IN_SCOPE})) r
       JOIN fund_accounts a ON a.id = r.accountId JOIN places est ON est.id = a.estate_id JOIN places com ON com.id = est.parent_id
       ORDER BY com.name, est.name, r.month, r.id`,
    )
    .all(scope) as ReconciliationRow[];
  const byId = new Map(rows.map((r) => [r.id, { ...r, ledgerItems: [], bankItems: [], signoffs: [] } as unknown as ReconciliationExportRow]));
  const items = db
    .prepare(
      `SELECT i.reconciliation_id AS rid, i.side, i.entry_id AS entryId, e.seq, COALESCE(e.on_date, i.on_date) AS onDate,
         COALESCE(e.direction, i.direction) AS direction, COALESCE(e.amount, i.amount) AS amount, e.purpose, i.note
       FROM fund_reconciliation_items i LEFT JOIN fund_entries e ON e.id = i.entry_id
       WHERE i.reconciliation_id IN (${IN_SCOPE}) ORDER BY i.reconciliation_id, i.position`,
    )
    .all(scope) as (LedgerItem & { rid: string; side: 'ledger' | 'bank'; note: string | null })[];
  for (const { rid, side, note, ...i } of items) {
    const r = byId.get(rid)!;
    if (side === 'ledger') r.ledgerItems.push(i);
    else r.bankItems.push({ onDate: i.onDate, direction: i.direction, amount: i.amount, note: note ?? '' });
  }
  const signoffs = db.prepare(`${SIGNOFFS} WHERE s.reconciliation_id IN (${IN_SCOPE}) ORDER BY s.rowid DESC`).all(scope) as ReconciliationSignoffRow[];
  for (const s of signoffs) byId.get(s.reconciliationId)!.signoffs.push(s);
  return [...byId.values()];
}
