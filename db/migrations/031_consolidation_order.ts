import type { Migration } from './types';

/**
 * The district (issue 14), consolidation in any order:
 * - `consolidated_units.parent_code`: a consolidated unit remembers the unit above it as the packages named it (at
 *   a district, each community inside a street's package is that street's), so registers group by street and a
 *   unit has one parent (docs/package-format.md, units). Null for units consolidated before: their parent was this
 *   installation or never named, and the next package names it.
 * - `consolidated_coverage`: which records each export of a unit held completely, per table (the manifest's
 *   coverage: "all" or { field, from, to } as JSON). A record first seen in an export older than one that
 *   covered it and lacked it was removed at the source, whichever arrived first. Empty for files consolidated
 *   before: the next exports fill it.
 */
export const consolidationOrder: Migration = {
  version: 31,
  name: 'consolidation_order',
  up(db) {
    const columns = db.prepare('PRAGMA table_info(consolidated_units)').all() as { name: string }[];
    if (!columns.some((c) => c.name === 'parent_code')) db.exec('ALTER TABLE consolidated_units ADD COLUMN parent_code TEXT');
    db.exec(`
      CREATE TABLE IF NOT EXISTS consolidated_coverage (
        unit_code          TEXT NOT NULL REFERENCES consolidated_units (code),
        table_name         TEXT NOT NULL,
        package_created_at TEXT NOT NULL,
        package_id         TEXT NOT NULL,
        coverage           TEXT NOT NULL,
        PRIMARY KEY (unit_code, table_name, package_created_at)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
