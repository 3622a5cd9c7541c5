import type { Db } from '../open';
import { newId } from '../ids';
import { nowIso } from '../moment';
import { FigureChanges, recountFigures } from './figures';

/** A lower unit whose packages were imported, with the newest package seen. */
export interface ConsolidatedUnit {
  code: string;
  level: string;
  name: string;
  /**
   * The unit above it as the packages named it (migration 031): a community inside a street's package, that street;
   * a package's source, the unit it named (this installation); null when never named.
   */
  parentCode: string | null;
  period: string;
  packageId: string;
  packageCreatedAt: string;
  importedAt: string;
}

/** The package a change came from: its id and time order every copy (packages arrive in any order). */
export interface PackageStamp {
  packageId: string;
  createdAt: string;
}

export interface StoredRow {
  record: string;
  localRecord: string | null;
  sourceUpdatedAt: string;
  packageCreatedAt: string;
  removedAt: string | null;
}

const UNIT = `SELECT code, level, name, parent_code AS parentCode, period, package_id AS packageId, package_created_at AS packageCreatedAt,
  imported_at AS importedAt FROM consolidated_units`;

export function listUnits(db: Db): ConsolidatedUnit[] {
  return db.prepare(`${UNIT} ORDER BY name`).all() as ConsolidatedUnit[];
}

export function getUnit(db: Db, code: string): ConsolidatedUnit | undefined {
  return db.prepare(`${UNIT} WHERE code = ?`).get(code) as ConsolidatedUnit | undefined;
}

/**
 * Records the unit. Its name follows the newest package; its period is the latest one any package was for
 * (a re-sent October package does not make November's data look missing). A package already seen, or an old
 * one arriving late, changes nothing — but names the parent of a unit held without one (as the warehouse does).
 */
export function saveUnit(db: Db, incoming: Omit<ConsolidatedUnit, 'importedAt'>): void {
  const existing = getUnit(db, incoming.code);
  const newer = !existing || incoming.packageCreatedAt > existing.packageCreatedAt;
  const laterPeriod = !existing || incoming.period > existing.period;
  if (existing && existing.parentCode === null && incoming.parentCode !== null) {
    db.prepare('UPDATE consolidated_units SET parent_code = ? WHERE code = ?').run(incoming.parentCode, incoming.code);
  }
  if (!newer && !laterPeriod) return;
  const u = newer ? { ...incoming, period: laterPeriod ? incoming.period : existing!.period } : { ...existing!, period: incoming.period };
  db.prepare(
    `INSERT INTO consolidated_units (code, level, name, parent_code, period, package_id, package_created_at, imported_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (code) DO UPDATE SET level = excluded.level, name = excluded.name, period = excluded.period,
       parent_code = COALESCE(consolidated_units.parent_code, excluded.parent_code),
       package_id = excluded.package_id, package_created_at = excluded.package_created_at, imported_at = excluded.imported_at`,
  ).run(u.code, u.level, u.name, incoming.parentCode, u.period, u.packageId, u.packageCreatedAt, nowIso());
}

/** Every copy of one unit's table, for comparing with a package (a few thousand rows per community). */
export function storedRows(db: Db, unit: string, table: string): Map<string, StoredRow> {
  const rows = db
    .prepare(
      `SELECT record_id AS id, record, local_record AS localRecord, source_updated_at AS sourceUpdatedAt,
              package_created_at AS packageCreatedAt, removed_at AS removedAt
       FROM consolidated_rows WHERE unit_code = ? AND table_name = ?`,
    )
    .all(unit, table) as (StoredRow & { id: string })[];
  return new Map(rows.map(({ id, ...r }) => [id, r]));
}

const PUT_COLUMNS = '(unit_code, table_name, record_id, record, source_updated_at, package_id, package_created_at, imported_at)';
const PUT_ROW = '(?, ?, ?, ?, ?, ?, ?, ?)';
const PUT_CONFLICT = `ON CONFLICT (unit_code, table_name, record_id) DO UPDATE SET record = excluded.record,
  source_updated_at = excluded.source_updated_at, package_id = excluded.package_id,
  package_created_at = excluded.package_created_at, imported_at = excluded.imported_at, removed_at = NULL`;
const putStatement = (rows: number) => `INSERT INTO consolidated_rows ${PUT_COLUMNS} VALUES ${Array(rows).fill(PUT_ROW).join(', ')} ${PUT_CONFLICT}`;
const REMOVE = `UPDATE consolidated_rows SET removed_at = ?, package_id = ?, package_created_at = ?, imported_at = ?
  WHERE unit_code = ? AND table_name = ? AND record_id = ?`;

const CONFIRM = `UPDATE consolidated_rows SET package_id = ?, package_created_at = ?,
    removed_at = CASE WHEN removed_at IS NULL THEN NULL ELSE ? END
  WHERE unit_code = ? AND table_name = ? AND record_id IN (SELECT value FROM json_each(?))`;

/** Writes the source's version of a record (new, changed, or back after removal); a correction made here stays. */
export function putSourceRecord(db: Db, unit: string, table: string, id: string, record: string, updatedAt: string, pkg: PackageStamp): void {
  db.prepare(putStatement(1)).run(unit, table, id, record, updatedAt, pkg.packageId, pkg.createdAt, nowIso());
  recountFigures(db, unit, table);
}

export function markRemoved(db: Db, unit: string, table: string, id: string, pkg: PackageStamp): void {
  db.prepare(REMOVE).run(pkg.createdAt, pkg.packageId, pkg.createdAt, nowIso(), unit, table, id);
  recountFigures(db, unit, table);
}

/** Source records per INSERT when a whole package is written. */
const BATCH = 100;

/** A copy as it was seen before a write (null: absent or removed), as JSON or parsed: its figures are taken away. */
export type SeenBefore = object | string | null;

/**
 * The writes of one import, for a package's worth of records (a street's package holds hundreds of thousands):
 * the statements prepared once and records inserted `BATCH` to a statement — a statement prepared per record
 * was most of the time 12 packages took to consolidate. Call `flush()` before the transaction ends: it writes
 * what is pending and brings the 概览's figures of each unit's table it changed up to date by the change, each
 * write saying what it replaced (`before`).
 */
export function sourceRecordWriter(db: Db) {
  const importedAt = nowIso();
  const batch = db.prepare(putStatement(BATCH));
  const single = db.prepare(putStatement(1));
  const remove = db.prepare(REMOVE);
  const confirm = db.prepare(CONFIRM);
  let pending: unknown[][] = [];
  /** Per unit and table: the figures' change. */
  const changed = new Map<string, { unit: string; figures: FigureChanges }>();
  const write = () => {
    if (pending.length === BATCH) batch.run(pending.flat());
    else for (const row of pending) single.run(row);
    pending = [];
  };
  const touch = (unit: string, table: string, next: object | null, before: SeenBefore) => {
    const key = `${unit}\u0000${table}`;
    let c = changed.get(key);
    if (!c) changed.set(key, (c = { unit, figures: new FigureChanges(table) }));
    c.figures.replaced(next, before);
  };
  return {
    /** `record` as stored (JSON) and, in `seen`, as parsed with what it replaced: the figures follow from the two. */
    put(unit: string, table: string, id: string, record: string, updatedAt: string, pkg: PackageStamp,
      seen: { next: object; before: SeenBefore }): void {
      pending.push([unit, table, id, record, updatedAt, pkg.packageId, pkg.createdAt, importedAt]);
      touch(unit, table, seen.next, seen.before);
      if (pending.length === BATCH) write();
    },
    /** A removal is written in order after the records put before it. */
    remove(unit: string, table: string, id: string, pkg: PackageStamp, before: SeenBefore): void {
      write();
      remove.run(pkg.createdAt, pkg.packageId, pkg.createdAt, importedAt, unit, table, id);
      touch(unit, table, null, before);
    },
    /**
     * Copies a newer export confirms as they are (carried unchanged, or still absent once removed): they take its
     * stamp, one statement for all of them — so a copy's stamp is the newest export that spoke for it, whatever
     * order the exports arrived in. What is seen does not change, nor do the figures.
     */
    confirm(unit: string, table: string, ids: readonly string[], pkg: PackageStamp): void {
      if (ids.length === 0) return;
      write();
      confirm.run(pkg.packageId, pkg.createdAt, pkg.createdAt, unit, table, JSON.stringify(ids));
    },
    flush(): void {
      write();
      for (const { unit, figures } of changed.values()) figures.apply(db, unit);
      changed.clear();
    },
  };
}

/** Which records of a table one export of a unit held completely (the manifest's coverage, as JSON). */
export function saveCoverage(db: Db, unit: string, table: string, pkg: PackageStamp, coverage: string): void {
  db.prepare(`INSERT OR IGNORE INTO consolidated_coverage (unit_code, table_name, package_created_at, package_id, coverage) VALUES (?, ?, ?, ?, ?)`)
    .run(unit, table, pkg.createdAt, pkg.packageId, coverage);
}

/** The unit's exports of a table held here that are newer than `after`, newest first, with what each covered. */
export function coverageAfter(db: Db, unit: string, table: string, after: string): { stamp: PackageStamp; coverage: string }[] {
  const rows = db
    .prepare(`SELECT package_id AS packageId, package_created_at AS createdAt, coverage FROM consolidated_coverage
              WHERE unit_code = ? AND table_name = ? AND package_created_at > ? ORDER BY package_created_at DESC`)
    .all(unit, table, after) as (PackageStamp & { coverage: string })[];
  return rows.map(({ coverage, ...stamp }) => ({ stamp, coverage }));
}

/** This installation's correction of a copy (or null to drop it and show the source's version again). */
export function setLocalRecord(db: Db, unit: string, table: string, id: string, record: string | null, operator: string): void {
  db.prepare(
    `UPDATE consolidated_rows SET local_record = ?, local_edited_at = ?, local_operator = ?
     WHERE unit_code = ? AND table_name = ? AND record_id = ?`,
  ).run(record, record ? nowIso() : null, record ? operator : null, unit, table, id);
  recountFigures(db, unit, table);
}

const CHUNK = 2000;

/**
 * The copies as registers read them — corrections applied, removed records left out — in id order, a chunk at
 * a time so no statement stays open while an export pauses (writes would fail as "busy").
 */
export function* effectiveRecords(db: Db, unit: string, table: string): Iterable<string> {
  const page = db.prepare(
    `SELECT record_id AS id, COALESCE(local_record, record) AS json FROM consolidated_rows
     WHERE unit_code = ? AND table_name = ? AND removed_at IS NULL AND record_id > ? ORDER BY record_id LIMIT ?`,
  );
  let after = '';
  for (;;) {
    const rows = page.all(unit, table, after, CHUNK) as { id: string; json: string }[];
    for (const r of rows) yield r.json;
    if (rows.length < CHUNK) return;
    after = rows[rows.length - 1]!.id;
  }
}

export interface ConsolidatedRow {
  recordId: string;
  record: string;
  localRecord: string | null;
  localEditedAt: string | null;
  localOperator: string | null;
  removedAt: string | null;
  importedAt: string;
}

/** A page of one unit's table for the read-only view (removed records included, marked). */
export function listRows(db: Db, unit: string, table: string, offset: number, limit: number): { rows: ConsolidatedRow[]; total: number } {
  const total = (db.prepare('SELECT COUNT(*) AS n FROM consolidated_rows WHERE unit_code = ? AND table_name = ?').get(unit, table) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT record_id AS recordId, record, local_record AS localRecord, local_edited_at AS localEditedAt,
              local_operator AS localOperator, removed_at AS removedAt, imported_at AS importedAt
       FROM consolidated_rows WHERE unit_code = ? AND table_name = ? ORDER BY record_id LIMIT ? OFFSET ?`,
    )
    .all(unit, table, limit, offset) as ConsolidatedRow[];
  return { rows, total };
}

export function getRow(db: Db, unit: string, table: string, id: string): ConsolidatedRow | undefined {
  return db
    .prepare(
      `SELECT record_id AS recordId, record, local_record AS localRecord, local_edited_at AS localEditedAt,
              local_operator AS localOperator, removed_at AS removedAt, imported_at AS importedAt
       FROM consolidated_rows WHERE unit_code = ? AND table_name = ? AND record_id = ?`,
    )
    .get(unit, table, id) as ConsolidatedRow | undefined;
}

/** Per unit and table: copies, corrections, removals. */
export function rowCounts(db: Db): { unitCode: string; tableName: string; rows: number; corrected: number; removed: number }[] {
  return db
    .prepare(
      `SELECT unit_code AS unitCode, table_name AS tableName, COUNT(*) AS rows,
              COUNT(local_record) AS corrected, COUNT(removed_at) AS removed
       FROM consolidated_rows GROUP BY unit_code, table_name ORDER BY unit_code, table_name`,
    )
    .all() as { unitCode: string; tableName: string; rows: number; corrected: number; removed: number }[];
}

// ---------------------------------------------------------------- conflicts

export interface Conflict {
  id: string;
  unitCode: string;
  tableName: string;
  recordId: string;
  /** The source's new version; null when the source removed the record. */
  incomingRecord: string | null;
  incomingUpdatedAt: string | null;
  packageId: string;
  packageCreatedAt: string;
  detectedAt: string;
  status: 'pending' | 'kept_mine' | 'took_theirs';
  resolvedAt: string | null;
  resolvedBy: string | null;
}

const CONFLICT = `SELECT id, unit_code AS unitCode, table_name AS tableName, record_id AS recordId,
  incoming_record AS incomingRecord, incoming_updated_at AS incomingUpdatedAt, package_id AS packageId,
  package_created_at AS packageCreatedAt, detected_at AS detectedAt, status, resolved_at AS resolvedAt,
  resolved_by AS resolvedBy FROM consolidation_conflicts`;

export function pendingConflict(db: Db, unit: string, table: string, id: string): Conflict | undefined {
  return db.prepare(`${CONFLICT} WHERE unit_code = ? AND table_name = ? AND record_id = ? AND status = 'pending'`).get(unit, table, id) as
    | Conflict
    | undefined;
}

/** One pending conflict per record: a newer source version replaces the one still waiting for a decision. */
export function savePendingConflict(db: Db, unit: string, table: string, id: string, incoming: string | null, updatedAt: string | null, pkg: PackageStamp): void {
  const existing = pendingConflict(db, unit, table, id);
  if (existing) {
    db.prepare(
      `UPDATE consolidation_conflicts SET incoming_record = ?, incoming_updated_at = ?, package_id = ?, package_created_at = ?,
         detected_at = ? WHERE id = ?`,
    ).run(incoming, updatedAt, pkg.packageId, pkg.createdAt, nowIso(), existing.id);
    return;
  }
  db.prepare(
    `INSERT INTO consolidation_conflicts (id, unit_code, table_name, record_id, incoming_record, incoming_updated_at,
                                          package_id, package_created_at, detected_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(newId(), unit, table, id, incoming, updatedAt, pkg.packageId, pkg.createdAt, nowIso());
}

export function listConflicts(db: Db, status: Conflict['status'] | null): Conflict[] {
  return (status
    ? db.prepare(`${CONFLICT} WHERE status = ? ORDER BY detected_at DESC, id DESC LIMIT 500`).all(status)
    : db.prepare(`${CONFLICT} ORDER BY detected_at DESC, id DESC LIMIT 500`).all()) as Conflict[];
}

export function getConflict(db: Db, id: string): Conflict | undefined {
  return db.prepare(`${CONFLICT} WHERE id = ?`).get(id) as Conflict | undefined;
}

export function closeConflict(db: Db, id: string, status: 'kept_mine' | 'took_theirs', operator: string): void {
  db.prepare(`UPDATE consolidation_conflicts SET status = ?, resolved_at = ?, resolved_by = ? WHERE id = ?`).run(status, nowIso(), operator, id);
}
