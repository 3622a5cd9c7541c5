import type { Migration } from './types';

/** Settings, the audit log: what every module relies on. */
export const foundation: Migration = {
  version: 1,
  name: 'foundation',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key        TEXT PRIMARY KEY,
        value      TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        id        TEXT PRIMARY KEY,
        at        TEXT NOT NULL,
        operator  TEXT NOT NULL,
        action    TEXT NOT NULL,
        entity    TEXT NOT NULL,
        entity_id TEXT,
        before    TEXT,
        after     TEXT
      ) STRICT;
      CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, at);
      CREATE INDEX audit_log_at ON audit_log (at);
    `);
  },
};
