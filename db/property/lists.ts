import { createHash } from 'node:crypto';
import type { Db } from '../open';
import { newId } from '../ids';
import { nowIso } from '../moment';

/** A published red and black list as stored: the rule and entries as the exact JSON text that was published. */
export interface ListSnapshotRow {
  id: string;
  period: string;
  revision: number;
  /** Null on the first publication; a 更正 says why. */
  reason: string | null;
  ruleJson: string;
  entriesJson: string;
  entriesSha256: string;
  publishedAt: string;
  operator: string;
}

const SELECT = `SELECT id, period, revision, reason, rule_json AS ruleJson, entries_json AS entriesJson,
  entries_sha256 AS entriesSha256, published_at AS publishedAt, operator FROM assessment_lists`;

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export function listSnapshots(db: Db, period: string): ListSnapshotRow[] {
  return db.prepare(`${SELECT} WHERE period = ? ORDER BY revision`).all(period) as ListSnapshotRow[];
}

/** The newest period's latest revision: the list the street has out now. Periods are `YYYY-Qn`, so text order is time order. */
export function latestSnapshot(db: Db): ListSnapshotRow | undefined {
  return db.prepare(`${SELECT} ORDER BY period DESC, revision DESC LIMIT 1`).get() as ListSnapshotRow | undefined;
}

export function getSnapshot(db: Db, id: string): ListSnapshotRow | undefined {
  return db.prepare(`${SELECT} WHERE id = ?`).get(id) as ListSnapshotRow | undefined;
}

/** Appended, never changed (the table's triggers refuse UPDATE and DELETE). */
export function insertSnapshot(db: Db, f: { period: string; revision: number; reason: string | null; ruleJson: string; entriesJson: string }, operator: string): string {
  const id = newId();
  db.prepare(
    `INSERT INTO assessment_lists (id, period, revision, reason, rule_json, entries_json, entries_sha256, published_at, operator)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, f.period, f.revision, f.reason, f.ruleJson, f.entriesJson, sha256(f.entriesJson), nowIso(), operator);
  return id;
}
