import { newId } from '../ids';
import { nowIso } from '../moment';
import type { Db } from '../open';
import type { Side, SignoffRow } from './types';
export type { SignoffRow } from './types';

export function insertSignoff(db: Db, s: { entryId: string; side: Side; signatoryId: string; draftHash: string }, operator: string): string {
  const id = newId();
  db.prepare('INSERT INTO fund_signoffs (id, entry_id, side, signatory_id, signed_at, draft_hash, operator) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(id, s.entryId, s.side, s.signatoryId, nowIso(), s.draftHash, operator);
  return id;
}

/** Every sign-off ever given on the entry, newest first (those of earlier versions of a draft included). */
export function signoffsOf(db: Db, entryId: string): SignoffRow[] {
  return db
    .prepare(
      `SELECT s.id, s.entry_id AS entryId, s.side, s.signatory_id AS signatoryId, g.name AS signerName, s.signed_at AS signedAt,
              s.draft_hash AS draftHash, s.operator
       FROM fund_signoffs s JOIN fund_signatories g ON g.id = s.signatory_id WHERE s.entry_id = ? ORDER BY s.rowid DESC`,
    )
    .all(entryId) as SignoffRow[];
}
