import type { Db } from '../open';
import { nowIso } from '../moment';
import { newStamps } from '../stamps';
import type { EntryContent, EntryRow } from './types';
export type { CategoryRow, Direction, EntryContent, EntryRow, EntryStatus } from './types';

export const ENTRY_COLUMNS = `e.id, e.account_id AS accountId, e.seq, e.hash, e.on_date AS onDate, e.direction, e.category, e.amount,
  e.effect, e.counterparty, e.voucher_no AS voucherNo, e.purpose, e.elevators AS elevatorIds, e.attachments AS attachmentHashes,
  e.reverses_id AS reversesId, e.override_reason AS overrideReason, e.status, e.posted_at AS postedAt, e.posted_by AS postedBy,
  e.void_reason AS voidReason, e.created_at AS createdAt, e.updated_at AS updatedAt, e.operator`;

type Stored = Omit<EntryRow, 'elevatorIds' | 'attachmentHashes'> & { elevatorIds: string; attachmentHashes: string };

export const entryFromDb = (r: Stored): EntryRow => ({ ...r, elevatorIds: JSON.parse(r.elevatorIds), attachmentHashes: JSON.parse(r.attachmentHashes) });

export function getEntry(db: Db, id: string): EntryRow | undefined {
  const r = db.prepare(`SELECT ${ENTRY_COLUMNS} FROM fund_entries e WHERE e.id = ?`).get(id) as Stored | undefined;
  return r && entryFromDb(r);
}

/** The entry's stored row, column by column, as the hashes read it. */
export const storedRow = (db: Db, id: string): Record<string, unknown> =>
  db.prepare('SELECT * FROM fund_entries WHERE id = ?').get(id) as Record<string, unknown>;

/** The request that made an entry, for idempotency. */
export const requestHashOf = (db: Db, id: string): string | undefined =>
  (db.prepare('SELECT request_hash AS h FROM fund_entries WHERE id = ?').get(id) as { h: string } | undefined)?.h;

export function reversalOf(db: Db, id: string): string | null {
  return (db.prepare('SELECT id FROM fund_entries WHERE reverses_id = ?').get(id) as { id: string } | undefined)?.id ?? null;
}

// Lists are kept sorted and without repeats, so the same content always hashes the same.
const jsonList = (ids: string[]) => JSON.stringify([...new Set(ids)].sort());

const contentArgs = (c: EntryContent) => [
  c.onDate, c.direction, c.category, c.amount, c.counterparty, c.voucherNo, c.purpose, jsonList(c.elevatorIds),
  jsonList(c.attachmentHashes), c.reversesId, c.overrideReason,
];

export function insertDraft(db: Db, id: string, accountId: string, c: EntryContent, requestHash: string, operator: string): void {
  const s = newStamps(operator);
  db.prepare(
    `INSERT INTO fund_entries (id, account_id, on_date, direction, category, amount, counterparty, voucher_no, purpose, elevators,
       attachments, reverses_id, override_reason, status, request_hash, created_at, updated_at, operator)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?)`,
  ).run(id, accountId, ...contentArgs(c), requestHash, s.created_at, s.updated_at, s.operator);
}

/** Rewrites a draft's content (the triggers refuse it once the entry is posted or voided). */
export function updateDraft(db: Db, id: string, c: EntryContent, operator: string): void {
  db.prepare(
    `UPDATE fund_entries SET on_date = ?, direction = ?, category = ?, amount = ?, counterparty = ?, voucher_no = ?, purpose = ?,
       elevators = ?, attachments = ?, reverses_id = ?, override_reason = ?, updated_at = ?, operator = ? WHERE id = ?`,
  ).run(...contentArgs(c), nowIso(), operator, id);
}

export function voidDraft(db: Db, id: string, reason: string, operator: string): void {
  db.prepare("UPDATE fund_entries SET status = 'voided', void_reason = ?, updated_at = ?, operator = ? WHERE id = ?").run(reason, nowIso(), operator, id);
}

