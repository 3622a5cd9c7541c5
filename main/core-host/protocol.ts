import type { Envelope } from '../api/common/errors';
import { clockStartingAt, systemClock, type Clock } from '../clock';
import type { EntrySpec } from './integrity-thread';
import type { SerializedError } from './startup-errors';

/**
 * The messages between the app's main thread and the core's worker (main/core-host/worker.ts). Everything here
 * is structured-cloned, so it holds data only: a Clock or a Logger cannot cross a thread, hence their descriptions.
 */

/** Which clock the core runs on, as data; each thread builds it with `clockOf`. */
export type ClockSpec = { kind: 'system' } | { kind: 'startingAt'; iso: string };

export const clockOf = (spec: ClockSpec): Clock => (spec.kind === 'system' ? systemClock : clockStartingAt(spec.iso));

/** What the worker is started with (its workerData). */
export interface WorkerInit {
  dataDir: string;
  clock: ClockSpec;
  autoBackup: boolean;
  /** Whether setup (or an upgraded administrator's sign-in) encrypts the data file (createCore's `encrypt`). */
  encrypt: boolean;
  /** `file`: `<data>/logs/streetdesk.log`, as in production; `quiet`: nothing (tests). */
  log: 'file' | 'quiet';
  /** The worker's own script, which the core starts again for its background integrity check. */
  checkIn: EntrySpec;
}

/** The facts about the opened data folder that the shell and the transports use. */
export interface CoreFacts {
  dataDir: string;
  dbFile: string;
  backupDir: string;
}

export type ToWorker = { type: 'request'; id: number; channel: string; input: unknown; session?: string } | { type: 'close' };

export type FromWorker =
  | { type: 'ready'; facts: CoreFacts; channels: string[] }
  | { type: 'failed'; error: SerializedError }
  | { type: 'answer'; id: number; envelope: Envelope<unknown> }
  | { type: 'answer'; id: number; error: SerializedError };
