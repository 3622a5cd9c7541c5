import type { Db } from '../open';
import { newId } from '../ids';
import { nowIso } from '../moment';
import { Where } from '../where';
import type { SubmissionEntry, SubmissionFile, SubmissionRow } from './types';
export type { SubmissionEntry, SubmissionFile, SubmissionRow } from './types';

interface Raw {
  id: string;
  direction: SubmissionEntry['direction'];
  kind: SubmissionEntry['kind'];
  title: string;
  period: string | null;
  unit_level: string;
  unit_name: string;
  unit_code: string;
  files: string;
  row_counts: string;
  result: string | null;
  unmasked: number;
  package_id: string | null;
  refusal: string | null;
  operator: string;
  at: string;
}

const fromRaw = (r: Raw): SubmissionRow => ({
  id: r.id,
  direction: r.direction,
  kind: r.kind,
  title: r.title,
  period: r.period,
  unit: { level: r.unit_level, name: r.unit_name, code: r.unit_code },
  files: JSON.parse(r.files) as SubmissionFile[],
  rowCounts: JSON.parse(r.row_counts) as Record<string, number>,
  result: r.result ? (JSON.parse(r.result) as Record<string, number>) : null,
  unmasked: r.unmasked === 1,
  packageId: r.package_id,
  refusal: r.refusal ? (JSON.parse(r.refusal) as { reason: string; message: string }) : null,
  operator: r.operator,
  at: r.at,
});

export function insertSubmission(db: Db, e: SubmissionEntry, operator: string): SubmissionRow {
  const id = newId();
  db.prepare(
    `INSERT INTO submissions (id, direction, kind, title, period, unit_level, unit_name, unit_code, files, row_counts,
                              result, unmasked, package_id, refusal, operator, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id, e.direction, e.kind, e.title, e.period, e.unit.level, e.unit.name, e.unit.code, JSON.stringify(e.files),
    JSON.stringify(e.rowCounts), e.result ? JSON.stringify(e.result) : null, e.unmasked ? 1 : 0, e.packageId,
    e.refusal ? JSON.stringify(e.refusal) : null, operator, nowIso(),
  );
  return fromRaw(db.prepare('SELECT * FROM submissions WHERE id = ?').get(id) as Raw);
}

export interface SubmissionFilter {
  q: string;
  direction: 'export' | 'import' | null;
  offset: number;
  limit: number;
}

/**
 * The log, newest first. The search matches what a clerk remembers of an entry — the register, the unit, the
 * period, who made it, a file name or the start of a checksum — anywhere in the text. The log grows by a few
 * entries a month, so a scan is cheaper than keeping an index for substrings.
 */
export function listSubmissions(db: Db, f: SubmissionFilter): { rows: SubmissionRow[]; total: number } {
  const where = new Where();
  if (f.direction) where.add('direction = ?', f.direction);
  const q = f.q.trim().toLowerCase();
  if (q) where.add(`instr(lower(title || ' ' || COALESCE(period, '') || ' ' || unit_name || ' ' || unit_code || ' ' || operator || ' ' || files || ' ' || COALESCE(refusal, '')), ?) > 0`, q);
  const { sql, args } = where;
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM submissions ${sql}`).get(...args) as { n: number }).n;
  const rows = db
    .prepare(`SELECT * FROM submissions ${sql} ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`)
    .all(...args, f.limit, f.offset) as Raw[];
  return { rows: rows.map(fromRaw), total };
}

/** Whether this installation wrote the package (its own, perhaps relabelled as another unit's). */
export function exportedHere(db: Db, packageId: string): boolean {
  return db.prepare(`SELECT 1 FROM submissions WHERE direction = 'export' AND package_id = ?`).get(packageId) !== undefined;
}

/** When a package (by its id) was first imported here, if it was (refused attempts do not count). */
export function firstImportOf(db: Db, packageId: string): string | null {
  const row = db
    .prepare(`SELECT MIN(at) AS at FROM submissions WHERE direction = 'import' AND package_id = ? AND refusal IS NULL`)
    .get(packageId) as { at: string | null };
  return row.at;
}

/**
 * How many packages have been imported here (refused attempts write nothing else, so they do not count): an
 * import that checked its package before its transaction sees from it whether another was imported meanwhile.
 */
export function importsLogged(db: Db): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM submissions WHERE direction = 'import' AND refusal IS NULL`).get() as { n: number }).n;
}
