import { DatabaseDamagedError, DatabaseTooNewError, DataFolderInUseError, EncryptionUnavailableError, WrongDataKeyError } from '../../db/errors';

/**
 * Why the core could not start, as data: an Error crosses a thread as a plain Error (structured clone keeps
 * neither its class nor its fields), but the shell tells the refusals apart by class (main/electron/dialogs.ts)
 * and shows their messages, which name the folder, the file or the backup to restore.
 */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  /** The error's own fields (DatabaseTooNewError's versions, a SQLite error's code…), if they are data. */
  fields: Record<string, unknown>;
}

const str = (v: unknown) => String(v ?? '');

const rebuilders: Record<string, (f: Record<string, unknown>) => Error> = {
  DatabaseTooNewError: (f) => new DatabaseTooNewError(Number(f.fileVersion), Number(f.appVersion)),
  DataFolderInUseError: (f) => new DataFolderInUseError(str(f.dataDir)),
  EncryptionUnavailableError: (f) => new EncryptionUnavailableError(f.driverReason == null ? null : str(f.driverReason)),
  WrongDataKeyError: (f) => new WrongDataKeyError(str(f.file)),
  DatabaseDamagedError: (f) => new DatabaseDamagedError(str(f.file), str(f.problem), f.newestBackup == null ? null : str(f.newestBackup)),
};

export function serializeError(err: unknown): SerializedError {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err), fields: {} };
  const fields = Object.fromEntries(Object.entries(err).filter(([, v]) => v === null || ['string', 'number', 'boolean'].includes(typeof v)));
  return { name: err.name, message: err.message, stack: err.stack, fields };
}

/** The same class and message as in the worker, with the worker's stack (what the log should show). */
export function rebuildError(s: SerializedError): Error {
  const rebuild = rebuilders[s.name];
  const err = rebuild ? rebuild(s.fields) : Object.assign(new Error(s.message), s.fields, { name: s.name });
  if (s.stack) err.stack = s.stack;
  return err;
}
