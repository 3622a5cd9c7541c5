import type { Db } from '../open';
import { nowIso } from '../moment';

/** A remembered mapping: register field key → 0-based column index (null: not imported). */
export type ColumnMapping = Record<string, number | null>;

/** Values of a column mapped once to records of the tree: field key → value as written → target id (or "new"). */
export type ValueMap = Record<string, Record<string, string>>;

export interface RememberedMapping {
  headerRow: number;
  mapping: ColumnMapping;
  values: ValueMap;
}

export function findMapping(db: Db, register: string, fingerprint: string): RememberedMapping | undefined {
  const row = db
    .prepare('SELECT header_row AS headerRow, mapping, value_map AS valueMap FROM import_mappings WHERE register = ? AND fingerprint = ?')
    .get(register, fingerprint) as { headerRow: number; mapping: string; valueMap: string } | undefined;
  return row && { headerRow: row.headerRow, mapping: JSON.parse(row.mapping) as ColumnMapping, values: JSON.parse(row.valueMap) as ValueMap };
}

/** Remembers a layout's mapping; without `values`, the values mapped before are kept. */
export function saveMapping(db: Db, register: string, fingerprint: string, m: Omit<RememberedMapping, 'values'> & { values?: ValueMap }, operator: string): void {
  db.prepare(
    `INSERT INTO import_mappings (register, fingerprint, header_row, mapping, value_map, updated_at, operator)
     VALUES (?, ?, ?, ?, coalesce(?, '{}'), ?, ?)
     ON CONFLICT (register, fingerprint) DO UPDATE SET header_row = excluded.header_row, mapping = excluded.mapping,
       value_map = coalesce(?, import_mappings.value_map),
       used_count = used_count + 1, updated_at = excluded.updated_at, operator = excluded.operator`,
  ).run(register, fingerprint, m.headerRow, JSON.stringify(m.mapping), m.values ? JSON.stringify(m.values) : null, nowIso(), operator,
    m.values ? JSON.stringify(m.values) : null);
}

export interface ImportCounts {
  rows: number;
  created: number;
  updated: number;
  skipped: number;
  excluded: number;
}

export interface ImportHistoryRow extends ImportCounts {
  id: string;
  register: string;
  fileName: string;
  sheet: string;
  sha256: string;
  createdAt: string;
  operator: string;
}

/** Records an import under the id its records' audit entries already carry. */
export function recordImport(
  db: Db,
  e: { id: string; register: string; fileName: string; sheet: string; sha256: string; options: unknown } & ImportCounts,
  operator: string,
): void {
  db.prepare(
    `INSERT INTO import_history (id, register, file_name, sheet, sha256, rows, created, updated, skipped, excluded,
                                 options, created_at, operator)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(e.id, e.register, e.fileName, e.sheet, e.sha256, e.rows, e.created, e.updated, e.skipped, e.excluded,
    JSON.stringify(e.options), nowIso(), operator);
}

/** Earlier imports of the same file (same checksum), newest first: importing a file twice is usually a mistake. */
export function importsOfFile(db: Db, sha256: string): ImportHistoryRow[] {
  return db
    .prepare(
      `SELECT id, register, file_name AS fileName, sheet, sha256, rows, created, updated, skipped, excluded,
              created_at AS createdAt, operator
       FROM import_history WHERE sha256 = ? ORDER BY created_at DESC LIMIT 5`,
    )
    .all(sha256) as ImportHistoryRow[];
}
