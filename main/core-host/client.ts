import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Dispatch } from '../api/router';
import { fileLogger, noLogger, type Logger } from '../log';
import type { WorkerEntry } from './entry';
import { entrySpecOf } from './integrity-thread';
import { clockOf, type ClockSpec, type CoreFacts, type FromWorker, type ToWorker, type WorkerInit } from './protocol';
import { rebuildError } from './startup-errors';

/** The core as the transports see it when it runs in a worker: the same dispatch, the folder's facts, a log. */
export interface HostedCore {
  dispatch: Dispatch;
  /** The API's channel names, as the worker's contract has them: the main thread does not load the contract. */
  channels: readonly string[];
  services: CoreFacts & { log: Logger };
  /** Resolves once the worker has closed the database and released the data folder. */
  close(): Promise<void>;
}

/** The worker stopped without being asked to (it could not load, ran out of memory, or was killed). */
export class CoreStoppedError extends Error {
  constructor(
    readonly exitCode: number,
    cause: Error | null,
  ) {
    super(`core worker stopped (exit code ${exitCode})${cause ? `: ${cause.message}` : ''}`, { cause });
    this.name = 'CoreStoppedError';
  }
}

export interface CoreWorkerOptions {
  dataDir: string;
  clock: ClockSpec;
  entry: WorkerEntry;
  autoBackup?: boolean;
  /** False: new installations stay plain (tests that read the data file beside the core). Default true. */
  encrypt?: boolean;
  /** This thread's log (the transports' errors); default the data folder's log file, which the worker writes too. */
  log?: Logger;
  /** Tests: the worker logs nothing. */
  quiet?: boolean;
  /** Called once if the worker stops without being asked to; requests then fail, so the app should stop. */
  onExit?: (err: Error) => void;
}

/**
 * Starts the core (SQLite, handlers, exports) on a thread of its own, so that a long import or submission keeps
 * neither Electron's window nor the web server waiting. Resolves when the data folder is open, or rejects with
 * the error createCore threw there — the same class and message (DataFolderInUseError…), since users see it.
 */
export function startCoreWorker(options: CoreWorkerOptions): Promise<HostedCore> {
  const init: WorkerInit = {
    dataDir: path.resolve(options.dataDir),
    clock: options.clock,
    autoBackup: options.autoBackup ?? true,
    encrypt: options.encrypt ?? true,
    log: options.quiet ? 'quiet' : 'file',
    checkIn: entrySpecOf(options.entry),
  };
  const worker = new Worker(options.entry.file, { workerData: init, execArgv: options.entry.execArgv });
  const pending = new Map<number, { resolve: (e: Awaited<ReturnType<Dispatch>>) => void; reject: (err: Error) => void }>();
  let nextId = 0;
  let stopped: Error | null = null; // once set, the worker is gone or going
  let closing = false;
  let ready = false;
  let lastError: Error | null = null;

  const exited = new Promise<void>((done) => worker.once('exit', () => done()));

  const hosted = (facts: CoreFacts, channels: string[]): HostedCore => ({
    channels,
    services: { ...facts, log: options.log ?? (options.quiet ? noLogger : fileLogger(path.join(facts.dataDir, 'logs'), clockOf(options.clock))) },
    dispatch: (channel, input, session) =>
      new Promise((resolve, reject) => {
        if (stopped) return reject(stopped);
        const id = nextId++;
        worker.postMessage({ type: 'request', id, channel, input, session } satisfies ToWorker); // throws on an input that cannot be cloned
        pending.set(id, { resolve, reject });
      }),
    close: async () => {
      if (!stopped) {
        closing = true;
        stopped = new Error('core worker closed');
        worker.postMessage({ type: 'close' } satisfies ToWorker);
      }
      await exited;
    },
  });

  return new Promise((resolve, reject) => {
    worker.on('error', (err) => (lastError = err));
    worker.once('exit', (code) => {
      stopped ??= new CoreStoppedError(code, lastError);
      for (const request of pending.values()) request.reject(stopped);
      pending.clear();
      if (closing) return;
      if (ready) options.onExit?.(stopped);
      else reject(stopped); // a worker that could not load its script, or died while opening the folder

    });

    worker.on('message', (message: FromWorker) => {
      if (message.type === 'failed') {
        closing = true; // the worker ends by itself after a refusal: not a crash
        reject(rebuildError(message.error));
      } else if (message.type === 'answer') {
        const request = pending.get(message.id);
        pending.delete(message.id);
        if ('envelope' in message) request?.resolve(message.envelope);
        else request?.reject(rebuildError(message.error));
      } else {
        ready = true;
        resolve(hosted(message.facts, message.channels));
      }
    });
  });
}
