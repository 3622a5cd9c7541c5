import { fallbackLabel, nodeSqlite, openFallback } from './fallback';
import { nativeLabel, openNative } from './native';
import type { Db, DriverInfo, DriverName, OpenOptions } from './types';

export type { Db, DriverInfo, OpenOptions, Statement } from './types';

interface Chosen {
  info: DriverInfo;
  open: (file: string, options?: OpenOptions) => Db;
}

const firstLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0]!;

function describe(name: DriverName, open: Chosen['open'], reason: string | null): Chosen {
  const probe = open(':memory:');
  try {
    const sqliteVersion = probe.prepare('SELECT sqlite_version()').pluck().get() as string;
    return { info: { name, label: name === 'native' ? nativeLabel() : fallbackLabel(), sqliteVersion, reason }, open };
  } finally {
    probe.close();
  }
}

/**
 * better-sqlite3 if its native file loads here, else node:sqlite (db/driver/fallback.ts) — decided once per
 * thread, at the first connection. `STREETDESK_SQLITE_DRIVER=native|fallback` forces one (support, and the test
 * run of the whole suite on the fallback); forced, a driver that cannot load is an error, not a silent switch.
 */
function choose(): Chosen {
  const forced = process.env.STREETDESK_SQLITE_DRIVER;
  if (forced === 'fallback') return describe('fallback', openFallback, 'STREETDESK_SQLITE_DRIVER=fallback');
  if (forced === 'native') return describe('native', openNative, null);
  if (forced) throw new Error(`STREETDESK_SQLITE_DRIVER=${forced}: expected native or fallback`);
  try {
    return describe('native', openNative, null);
  } catch (err) {
    // e.g. "/lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.34' not found (required by …better_sqlite3.node)"
    if (!nodeSqlite()) throw err;
    return describe('fallback', openFallback, `better-sqlite3-multiple-ciphers 无法加载：${firstLine(err)}`);
  }
}

let chosen: Chosen | undefined;

/** The driver this thread opens its files with (chosen on first use). */
export function sqliteDriver(): DriverInfo {
  return (chosen ??= choose()).info;
}

/** Opens a SQLite file through the chosen driver. Only db/open.ts and db/folder-lock.ts call this. */
export function connect(file: string, options?: OpenOptions): Db {
  return (chosen ??= choose()).open(file, options);
}
