import type { ChainHead } from '../ledger/types';
import { newId } from '../ids';
import { nowIso } from '../moment';
import type { Db } from '../open';
import type { DisclosureRow } from './types';
export type { DisclosureRow } from './types';

export type DisclosureFields = Omit<DisclosureRow, 'id' | 'createdAt' | 'operator'>;

const SELECT = `
  SELECT id, account_id AS accountId, period_from AS periodFrom, period_to AS periodTo, notice_from AS noticeFrom,
         notice_to AS noticeTo, made_on AS madeOn, opening, income, expense, closing, head_seq AS headSeq,
         head_hash AS headHash, file_name AS fileName, file_sha256 AS fileSha256, created_at AS createdAt, operator
  FROM fund_disclosures`;

export function insertDisclosure(db: Db, f: DisclosureFields, operator: string): string {
  const id = newId();
  db.prepare(
    `INSERT INTO fund_disclosures (id, account_id, period_from, period_to, notice_from, notice_to, made_on, opening, income, expense,
       closing, head_seq, head_hash, file_name, file_sha256, created_at, operator) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, f.accountId, f.periodFrom, f.periodTo, f.noticeFrom, f.noticeTo, f.madeOn, f.opening, f.income, f.expense, f.closing,
    f.headSeq, f.headHash, f.fileName, f.fileSha256, nowIso(), operator);
  return id;
}

export const getDisclosure = (db: Db, id: string): DisclosureRow | undefined =>
  db.prepare(`${SELECT} WHERE id = ?`).get(id) as DisclosureRow | undefined;

/** An account's disclosures, the latest period first. */
export const listDisclosures = (db: Db, accountId: string): DisclosureRow[] =>
  db.prepare(`${SELECT} WHERE account_id = ? ORDER BY period_to DESC, created_at DESC`).all(accountId) as DisclosureRow[];

/**
 * The disclosure with the latest period end on or after a day, if any: a day is "disclosed" once a statement covers
 * it or a later period (whose opening balance it is part of), so changing that day changes a statement on the wall.
 */
export const disclosureReaching = (db: Db, accountId: string, day: string): DisclosureRow | undefined =>
  db.prepare(`${SELECT} WHERE account_id = ? AND period_to >= ? ORDER BY period_to DESC LIMIT 1`).get(accountId, day) as DisclosureRow | undefined;

/** The latest period end disclosed (null: never disclosed). */
export const disclosedThrough = (db: Db, accountId: string): string | null =>
  (db.prepare('SELECT MAX(period_to) AS d FROM fund_disclosures WHERE account_id = ?').get(accountId) as { d: string | null }).d;

/** The chain heads the account's disclosures printed: witnesses the chain is held to (db/ledger/verify.ts). */
export const disclosedHeads = (db: Db, accountId: string): ChainHead[] =>
  db.prepare('SELECT DISTINCT head_seq AS seq, head_hash AS hash FROM fund_disclosures WHERE account_id = ? AND head_seq > 0 ORDER BY head_seq')
    .all(accountId) as ChainHead[];
