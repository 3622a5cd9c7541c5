import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { checkWholeFile } from '../../db/health';
import { openFile } from '../../db/open';
import type { WorkerEntry } from './entry';

/**
 * The whole-file `integrity_check` on a thread and a read-only connection of its own. On the core's own
 * connection it held every request for as long as one table took: at district scale `points_entries` alone is an
 * 11 s PRAGMA, so a clerk's first clicks after starting waited that long (docs/benchmarks.md). Here it costs the
 * core nothing but the second CPU core it runs on.
 *
 * The thread is the core's own worker script started with `kind: 'integrity'` (main/core-host/worker.ts), so the
 * Electron bundle needs no second file.
 */

/** A worker script as data: what can cross into the core's thread (a URL object cannot be cloned). */
export interface EntrySpec {
  file: string;
  execArgv: string[];
}

export const entrySpecOf = (entry: WorkerEntry): EntrySpec => ({
  file: entry.file instanceof URL ? fileURLToPath(entry.file) : entry.file,
  execArgv: entry.execArgv,
});

/** What the check thread is started with. The data key crosses as a copy and is dropped with the thread. */
export interface CheckInit {
  kind: 'integrity';
  dbFile: string;
  key?: Uint8Array;
}

/** `opened`: the SQLite driver is loaded and the file open (stopping the thread is safe from here); then the findings. */
export type CheckMessage = { opened: true } | { problems: string[] };

/** The check thread's whole work: open, check, answer. A file it cannot open is a finding, as in the core. */
export function runCheck(init: CheckInit, answer: (message: CheckMessage) => void): void {
  let problems: string[];
  try {
    const db = openFile(init.dbFile, { readonly: true, key: init.key ? Buffer.from(init.key) : undefined });
    answer({ opened: true });
    try {
      problems = checkWholeFile(db, 'integrity_check');
    } finally {
      db.close();
    }
  } catch (err) {
    problems = [err instanceof Error ? err.message : String(err)];
  }
  answer({ problems });
}

export interface BackgroundCheck {
  /** SQLite's findings, [] for an intact file; never rejects with a finding, only with a thread that failed. */
  done: Promise<string[]>;
  /** Ends the thread (lock, restore, close); `done` then never settles. */
  stop(): void;
}

export function checkInThread(entry: EntrySpec, dbFile: string, key: Buffer | undefined): BackgroundCheck {
  const init: CheckInit = { kind: 'integrity', dbFile, key: key ? new Uint8Array(key) : undefined };
  const worker = new Worker(entry.file, { workerData: init, execArgv: entry.execArgv });
  let stopped = false;
  let opened = false;
  const done = new Promise<string[]>((resolve, reject) => {
    worker.on('message', (message: CheckMessage) => {
      // Either message means the addon is loaded: from here the thread may be ended.
      opened = true;
      if (stopped) void worker.terminate();
      else if ('problems' in message) resolve(message.problems);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!stopped) reject(new Error(`integrity check thread stopped (exit code ${code})`));
    });
  });
  // The thread must not keep a closing app (or a test's process) alive.
  worker.unref();
  return {
    done,
    // A thread ended while it loads the SQLite addon aborts the whole process (node-addon-api's fatal
    // "Error::New napi_get_last_error_info", seen when a sign-in's encryption stopped a check just started):
    // until the thread says it has opened the file, stopping only marks it, and it is ended when it does.
    stop: () => {
      stopped = true;
      if (opened) void worker.terminate();
    },
  };
}
