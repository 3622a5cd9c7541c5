import type { Db } from './open';
import type { TotalsColumn, TotalsDifference } from './types';
export type { TotalsColumn, TotalsDifference } from './types';

/**
 * Maintained totals are caches of a ledger or a table (points_totals of points_entries, org_member_counts of
 * members…). Each is described once — its key and value columns and the SELECT that recomputes it from its
 * source — and this compares the cache with the recomputation row by row and rebuilds the rows that differ.
 */

export interface TotalsKey extends TotalsColumn {
  /** A query taking the key's value as its one parameter and returning `name`, to say which row in words. */
  nameSql?: string;
}

export interface MaintainedTotals {
  table: string;
  label: string;
  keys: readonly TotalsKey[];
  values: readonly TotalsColumn[];
  /** The table's rows recomputed from their source: the key columns, then the value columns, in order. */
  source: string;
  /** The table `source` reads, whose size says what the check costs (a time-boxed check skips the large ones). */
  sourceTable: string;
  /** Cached rows that mean nothing and need no counterpart in the source (counts kept at 0). */
  empty?: string;
  /**
   * The values are columns of the table's own rows (`elevators.last_routine_on`), the source has a row for each:
   * a rebuild sets them in place and never adds or removes a row.
   */
  inRow?: boolean;
}

interface DiffRow extends Record<string, string | number | null> {
  in_cache: number;
  in_source: number;
}

/**
 * The rows where cache and recomputation differ. The recomputation goes into a temporary table keyed like the
 * cache, so each side is matched by a primary-key lookup (a join against the bare SELECT is quadratic).
 */
function differences(db: Db, t: MaintainedTotals): DiffRow[] {
  const keys = t.keys.map((k) => k.column);
  const values = t.values.map((v) => v.column);
  const temp = `temp.reconcile_${t.table}`;
  const cached = `(SELECT * FROM ${t.table}${t.empty ? ` WHERE NOT (${t.empty})` : ''})`;
  const on = keys.map((k) => `c.${k} = s.${k}`).join(' AND ');
  db.exec(`DROP TABLE IF EXISTS ${temp}; CREATE TABLE ${temp} (${[...keys, ...values].join(', ')}, PRIMARY KEY (${keys.join(', ')}));
    INSERT INTO ${temp} ${t.source}`);
  try {
    return db
      .prepare(
        `SELECT ${keys.map((k) => `c.${k}`).join(', ')}, 1 AS in_cache, s.${keys[0]} IS NOT NULL AS in_source,
                ${values.map((v) => `c.${v} AS "cached.${v}", s.${v} AS "source.${v}"`).join(', ')}
         FROM ${cached} c LEFT JOIN ${temp} s ON ${on}
         WHERE s.${keys[0]} IS NULL OR ${values.map((v) => `c.${v} IS NOT s.${v}`).join(' OR ')}
         UNION ALL
         SELECT ${keys.map((k) => `s.${k}`).join(', ')}, 0, 1, ${values.map((v) => `NULL, s.${v}`).join(', ')}
         FROM ${temp} s WHERE NOT EXISTS (SELECT 1 FROM ${cached} c WHERE ${on})`,
      )
      .all() as DiffRow[];
  } finally {
    db.exec(`DROP TABLE ${temp}`);
  }
}

const side = (t: MaintainedTotals, row: DiffRow, prefix: string) =>
  Object.fromEntries(t.values.map((v) => [v.column, row[`${prefix}.${v.column}`] ?? null]));

/** How many rows differ, and the first `limit` of them described. */
export function compareTotals(db: Db, t: MaintainedTotals, limit: number): { differing: number; rows: TotalsDifference[] } {
  const found = differences(db, t);
  const rows = found.slice(0, limit).map((row) => ({
    key: t.keys.map((k) => ({
      label: k.label,
      value: row[k.column] as string | number,
      name: k.nameSql ? ((db.prepare(k.nameSql).get(row[k.column]) as { name: string } | undefined)?.name ?? null) : null,
    })),
    cached: row.in_cache ? side(t, row, 'cached') : null,
    recomputed: row.in_source ? side(t, row, 'source') : null,
  }));
  return { differing: found.length, rows };
}

/** Replaces every differing row by its recomputation (the caller's transaction holds them all); returns how many. */
export function rebuildDiffering(db: Db, t: MaintainedTotals): number {
  const rows = differences(db, t);
  const keys = t.keys.map((k) => k.column);
  if (t.inRow) {
    const set = db.prepare(`UPDATE ${t.table} SET ${t.values.map((v) => `${v.column} = ?`).join(', ')} WHERE ${keys.map((k) => `${k} = ?`).join(' AND ')}`);
    for (const row of rows) if (row.in_source) set.run(...t.values.map((v) => row[`source.${v.column}`]), ...keys.map((k) => row[k]));
    return rows.length;
  }
  const columns = [...keys, ...t.values.map((v) => v.column)];
  const remove = db.prepare(`DELETE FROM ${t.table} WHERE ${keys.map((k) => `${k} = ?`).join(' AND ')}`);
  const insert = db.prepare(`INSERT INTO ${t.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  for (const row of rows) {
    remove.run(...keys.map((k) => row[k]));
    if (row.in_source) insert.run(...keys.map((k) => row[k]), ...t.values.map((v) => row[`source.${v.column}`]));
  }
  return rows.length;
}

/** The source's size, roughly (the largest rowid: no scan). */
export const sourceRows = (db: Db, t: MaintainedTotals): number =>
  (db.prepare(`SELECT COALESCE(MAX(rowid), 0) AS n FROM ${t.sourceTable}`).get() as { n: number }).n;

/** Recomputes the whole table (after a bulk load, which skips the per-row maintenance). */
export function rebuildAll(db: Db, t: MaintainedTotals): void {
  if (t.inRow) {
    rebuildDiffering(db, t);
    return;
  }
  const columns = [...t.keys, ...t.values].map((c) => c.column).join(', ');
  db.exec(`DELETE FROM ${t.table}; INSERT INTO ${t.table} (${columns}) ${t.source}`);
}
