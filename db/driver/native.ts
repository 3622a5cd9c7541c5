import Database from 'better-sqlite3-multiple-ciphers';
import type { Db, OpenOptions } from './types';

/**
 * better-sqlite3-multiple-ciphers: better-sqlite3's own code over SQLite3 Multiple Ciphers, the one native SQLite
 * the app ships (it reads plain files as better-sqlite3 does, and encrypted ones after `PRAGMA key`; see
 * docs/electron.md, "One native driver"). Its native file is loaded at the first connection (not at import), so a
 * file that cannot load on this system is an error the caller can catch. `STREETDESK_SQLITE_NATIVE_BINDING` names
 * another build of the same file (the tests run the suite against our glibc-2.28 Linux build with it).
 */
export function openNative(file: string, options: OpenOptions = {}): Db {
  const binding = process.env.STREETDESK_SQLITE_NATIVE_BINDING;
  return new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.fileMustExist ?? false,
    timeout: options.timeout ?? 5000,
    ...(binding ? { nativeBinding: binding } : {}),
  });
}

export const nativeLabel = (): string => {
  const binding = process.env.STREETDESK_SQLITE_NATIVE_BINDING;
  return `better-sqlite3-multiple-ciphers${binding ? `（${binding}）` : ''}`;
};
