import Database from 'better-sqlite3';
import { assertNotTooNew, migrate, pendingMigrations } from './migrate';

export type Db = Database.Database;

/**
 * The one place a database file is opened (so encryption at rest can be adopted here alone).
 * synchronous=FULL because the file holds money ledgers: a power cut must not lose a committed entry.
 */
export function openFile(file: string, options: { readonly?: boolean } = {}): Db {
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  db.pragma('busy_timeout = 5000');
  if (!options.readonly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  return db;
}

/**
 * Opens (or creates) the data file, refuses one newer than the app, and brings it up to date.
 * `beforeMigrate` runs only when migrations are pending on a file that already has data (to back it up).
 */
export async function openDatabase(
  file: string,
  beforeMigrate?: (db: Db, pending: number[]) => Promise<void>,
): Promise<Db> {
  const db = openFile(file);
  try {
    const version = assertNotTooNew(db);
    const pending = pendingMigrations(db).map((m) => m.version);
    if (pending.length > 0 && version > 0 && beforeMigrate) await beforeMigrate(db, pending);
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
