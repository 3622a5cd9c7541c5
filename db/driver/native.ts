import Database from 'better-sqlite3';
import type { Db, OpenOptions } from './types';

/**
 * better-sqlite3, as it is. Its native file is loaded at the first connection (not at import), so a file that
 * cannot load on this system is an error the caller can catch. `STREETDESK_SQLITE_NATIVE_BINDING` names another
 * build of the same file (the tests run the suite against our glibc-2.28 Linux build with it).
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
  return `better-sqlite3${binding ? `（${binding}）` : ''}`;
};
