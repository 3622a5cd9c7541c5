import type { Db as Database } from './driver';
import { DatabaseTooNewError } from './errors';
import { migrations } from './migrations';
import { nowIso } from './moment';

export const latestVersion = (): number => migrations[migrations.length - 1]!.version;

export function currentVersion(db: Database): number {
  const table = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (!table) return 0;
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/** Throws DatabaseTooNewError before touching a file written by a newer app. */
export function assertNotTooNew(db: Database): number {
  const version = currentVersion(db);
  if (version > latestVersion()) throw new DatabaseTooNewError(version, latestVersion());
  return version;
}

export function pendingMigrations(db: Database) {
  const version = assertNotTooNew(db);
  return migrations.filter((m) => m.version > version);
}

/**
 * Runs each pending migration in its own transaction and records it; a failure rolls that one back.
 * `upTo` stops after that version (the upgrade tests build a file as an older app left it).
 */
export function migrate(db: Database, upTo = latestVersion()): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const applied: number[] = [];
  for (const m of pendingMigrations(db).filter((p) => p.version <= upTo)) {
    db.transaction(() => {
      m.up(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        nowIso(),
      );
    })();
    applied.push(m.version);
  }
  return applied;
}
