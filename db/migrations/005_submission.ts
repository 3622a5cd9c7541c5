import type { Migration } from './types';

/**
 * Submission (上报): the log of every export and import, and the consolidated copies of lower units' data.
 *
 * Copies are kept per record as JSON (`consolidated_rows`), keyed by the source unit, the package table and the
 * record's id (a ULID from the source): one table serves every module, today's and later ones, and the street's
 * registers read a copy through the same module code that reads its own tables (docs/export.md).
 * `record` is always the source's latest version; `local_record`, when set, is this installation's correction
 * of it, which a later change at the source does not overwrite: that becomes a conflict for the user.
 */
export const submission: Migration = {
  version: 5,
  name: 'submission',
  up(db) {
    db.exec(`
      CREATE TABLE submissions (
        id         TEXT PRIMARY KEY,
        direction  TEXT NOT NULL CHECK (direction IN ('export', 'import')),
        kind       TEXT NOT NULL CHECK (kind IN ('register', 'monthly', 'package')),
        title      TEXT NOT NULL,
        period     TEXT,
        unit_level TEXT NOT NULL,
        unit_name  TEXT NOT NULL,
        unit_code  TEXT NOT NULL,
        files      TEXT NOT NULL,
        row_counts TEXT NOT NULL,
        result     TEXT,
        unmasked   INTEGER NOT NULL DEFAULT 0 CHECK (unmasked IN (0, 1)),
        package_id TEXT,
        operator   TEXT NOT NULL,
        at         TEXT NOT NULL
      ) STRICT;
      CREATE INDEX submissions_at ON submissions (at);

      CREATE TABLE consolidated_units (
        code               TEXT PRIMARY KEY,
        level              TEXT NOT NULL,
        name               TEXT NOT NULL,
        period             TEXT NOT NULL,
        package_id         TEXT NOT NULL,
        package_created_at TEXT NOT NULL,
        imported_at        TEXT NOT NULL
      ) STRICT;

      CREATE TABLE consolidated_rows (
        unit_code          TEXT NOT NULL REFERENCES consolidated_units (code),
        table_name         TEXT NOT NULL,
        record_id          TEXT NOT NULL,
        record             TEXT NOT NULL,
        source_updated_at  TEXT NOT NULL,
        package_id         TEXT NOT NULL,
        package_created_at TEXT NOT NULL,
        imported_at        TEXT NOT NULL,
        local_record       TEXT,
        local_edited_at    TEXT,
        local_operator     TEXT,
        removed_at         TEXT,
        PRIMARY KEY (unit_code, table_name, record_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE consolidation_conflicts (
        id                 TEXT PRIMARY KEY,
        unit_code          TEXT NOT NULL,
        table_name         TEXT NOT NULL,
        record_id          TEXT NOT NULL,
        incoming_record    TEXT,
        incoming_updated_at TEXT,
        package_id         TEXT NOT NULL,
        package_created_at TEXT NOT NULL,
        detected_at        TEXT NOT NULL,
        status             TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'kept_mine', 'took_theirs')),
        resolved_at        TEXT,
        resolved_by        TEXT,
        FOREIGN KEY (unit_code, table_name, record_id) REFERENCES consolidated_rows (unit_code, table_name, record_id)
      ) STRICT;
      CREATE UNIQUE INDEX consolidation_conflicts_pending ON consolidation_conflicts (unit_code, table_name, record_id)
        WHERE status = 'pending';
      CREATE INDEX consolidation_conflicts_status ON consolidation_conflicts (status, detected_at);
    `);
  },
};
