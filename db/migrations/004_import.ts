import type { Migration } from './types';

/**
 * Excel import: the column mapping a clerk confirmed for a file layout (so next month's file of the same shape
 * maps itself), and a history of imports (what, from which file — by checksum — and what it changed).
 */
export const importTables: Migration = {
  version: 4,
  name: 'import',
  up(db) {
    db.exec(`
      CREATE TABLE import_mappings (
        register    TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        header_row  INTEGER NOT NULL CHECK (header_row >= 1),
        mapping     TEXT NOT NULL,
        used_count  INTEGER NOT NULL DEFAULT 1,
        updated_at  TEXT NOT NULL,
        operator    TEXT NOT NULL,
        PRIMARY KEY (register, fingerprint)
      ) STRICT;

      CREATE TABLE import_history (
        id          TEXT PRIMARY KEY,
        register    TEXT NOT NULL,
        file_name   TEXT NOT NULL,
        sheet       TEXT NOT NULL,
        sha256      TEXT NOT NULL,
        rows        INTEGER NOT NULL,
        created     INTEGER NOT NULL,
        updated     INTEGER NOT NULL,
        skipped     INTEGER NOT NULL,
        excluded    INTEGER NOT NULL,
        options     TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        operator    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX import_history_sha ON import_history (sha256, created_at);
      CREATE INDEX import_history_register ON import_history (register, created_at);
    `);
  },
};
