import fs from 'node:fs';
import { sqliteDriver } from './driver';
import { DatabaseDamagedError, EncryptionUnavailableError, WrongDataKeyError } from './errors';
import { quickCheckWithin } from './health';
import { connect, type Db } from './driver';
import { assertNotTooNew, migrate, pendingMigrations } from './migrate';

// better-sqlite3's API shape, whichever driver is under it (db/driver/).
export type { Db } from './driver';

export interface FileOptions {
  readonly?: boolean;
  /** The data key of an encrypted file (db/keys/): 32 bytes, given to SQLite3 Multiple Ciphers before any read. */
  key?: Buffer;
}

/** SQLite3 Multiple Ciphers' cipher, named rather than left to its default so a later default cannot lock us out. */
export const CIPHER = 'chacha20';

/**
 * Gives an encrypted file its key and proves it: a wrong key (or a plain file given one) reads as "not a
 * database", said here in words. node:sqlite has no cipher, so the fallback driver refuses before trying.
 */
function unlock(db: Db, key: Buffer): void {
  db.pragma(`cipher = '${CIPHER}'`);
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code === 'SQLITE_NOTADB') throw new WrongDataKeyError(db.name);
    throw err;
  }
}

/**
 * The one place a database file is opened, plain or encrypted (`key`).
 * synchronous=FULL because the file holds money ledgers: a power cut must not lose a committed entry.
 */
export function openFile(file: string, options: FileOptions = {}): Db {
  if (options.key && sqliteDriver().name !== 'native') throw new EncryptionUnavailableError(sqliteDriver().reason);
  const db = connect(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  if (options.key) unlock(db, options.key);
  db.pragma('busy_timeout = 5000');
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    // Every write that fires a trigger (the maintained counts and totals: members, points, meetings…) keeps a
    // statement journal, by default in a temp file: committing a 10,000-member import on the street seed took
    // 1.2–1.5 s so, 0.8–1.0 s with it in memory (docs/benchmarks.md). It holds the few pages one statement changes.
    // Read-only connections (exports, checks) keep temp files, so a large sort there still spills to disk, not RAM.
    db.pragma('temp_store = MEMORY');
  }
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`cache_size = -${CACHE_KIB}`);
  return db;
}

/** The page cache of every connection: better-sqlite3's compiled-in default (SQLITE_DEFAULT_CACHE_SIZE), set so that node:sqlite gets it too. */
const CACHE_KIB = 16_000;
/** A bulk write's page cache: 10,000 members touch ~60 MB of index pages at 100,000 members. */
const BULK_CACHE_KIB = 128_000;

/**
 * Runs a bulk write (an import's commit) with a larger page cache, then gives the connection its usual one back.
 * In the usual 16 MB a 10,000-row import into a district's register evicted index pages it needed again and
 * spilled changed ones to the WAL before the commit (1.32 → 1.11 s, docs/benchmarks.md). Only while it runs: a
 * connection keeps its cache filled, and the app's steady memory is budgeted. Changed pages stay held until the
 * commit whatever the size, so shrinking it before the caller commits loses nothing.
 */
export function withBulkCache<T>(db: Db, write: () => T): T {
  db.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  try {
    return write();
  } finally {
    db.pragma(`cache_size = -${CACHE_KIB}`);
  }
}

/** How long opening may spend on `quick_check` before leaving the rest to the background check. */
export const OPEN_CHECK_BUDGET_MS = 1500;

/**
 * Opens an existing data file only if it is intact; only a missing file is a fresh installation. A 0-byte file
 * (left by a full disk or a failed copy) would otherwise be silently re-created empty and start the first-start
 * form; a truncated or overwritten file would be served and copied into the day's backup.
 */
function openIntact(file: string, checkBudgetMs: number, key: Buffer | undefined): Db {
  if (!fs.existsSync(file)) return openFile(file, { key });
  // Checked before SQLite touches it: opening a 0-byte file in WAL mode would write a fresh header into it.
  if (fs.statSync(file).size === 0) throw new DatabaseDamagedError(file, '文件是空的（0 字节）');
  let db: Db;
  try {
    db = openFile(file, { key });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw new DatabaseDamagedError(file, '文件不是数据库，或文件头已损坏');
    throw err;
  }
  const { problems } = quickCheckWithin(db, checkBudgetMs);
  if (problems.length > 0) {
    db.close();
    throw new DatabaseDamagedError(file, `完整性检查未通过：${problems.slice(0, 3).join('；')}`);
  }
  return db;
}

/**
 * Opens (or creates) the data file, refuses a damaged one or one newer than the app, and brings it up to date.
 * `beforeMigrate` runs only when migrations are pending on a file that already has data (to back it up);
 * `checkBudgetMs` bounds the quick_check (a restore checks the whole file: Infinity); `key` opens an encrypted file.
 */
export async function openDatabase(
  file: string,
  beforeMigrate?: (db: Db, pending: number[]) => Promise<void>,
  options: { checkBudgetMs?: number; key?: Buffer } = {},
): Promise<Db> {
  const db = openIntact(file, options.checkBudgetMs ?? OPEN_CHECK_BUDGET_MS, options.key);
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
