import { parentPort, workerData } from 'node:worker_threads';
import { channelNames } from '../api/contract';
import { createCore } from '../core';
import { noLogger } from '../log';
import { runCheck, type CheckInit } from './integrity-thread';
import { clockOf, type FromWorker, type ToWorker, type WorkerInit } from './protocol';
import { serializeError } from './startup-errors';

/**
 * The core's thread (started by main/core-host/client.ts): opens the data folder with createCore and answers
 * `request` messages with the router's envelopes, in the order its handlers finish. It takes each message as it
 * comes, so a task that yields between phases (a monthly submission) lets the requests sent after it through,
 * exactly as in one thread; what it no longer shares is the window's or the server's thread.
 */
const init = workerData as WorkerInit | CheckInit;
const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);

async function serve(init: WorkerInit) {
  const core = await createCore({
    dataDir: init.dataDir,
    clock: clockOf(init.clock),
    autoBackup: init.autoBackup,
    encrypt: init.encrypt,
    log: init.log === 'quiet' ? noLogger : undefined, // undefined: the core's own file logger
    checkIn: init.checkIn,
  });
  const { log } = core.services;
  // As in browser mode before: every write is one transaction, so a fault left over from one request leaves
  // the data consistent; log it and keep serving rather than end the user's session.
  process.on('unhandledRejection', (err) => log.error('core worker: unhandled rejection', err));
  process.on('uncaughtException', (err) => log.error('core worker: uncaught exception', err));

  port.on('message', (message: ToWorker) => {
    if (message.type === 'close') {
      core.close(); // the database, then the folder lock
      process.exit(0); // ends this thread only; the background integrity check must not keep it alive
    }
    const { id, channel, input, session } = message;
    core.dispatch(channel, input, session).then(
      (envelope) => post({ type: 'answer', id, envelope }),
      // The router answers every failure with an envelope; this is a fault outside it, for the caller to report.
      (err: unknown) => post({ type: 'answer', id, error: serializeError(err) }),
    );
  });
  post({ type: 'ready', facts: { dataDir: core.services.dataDir, dbFile: core.services.dbFile, backupDir: core.services.backupDir }, channels: channelNames });
}

// A refusal at start (folder in use, damaged or too-new file) goes back as data; nothing is left listening,
// so the thread then ends by itself.
// The same script is the core's background integrity check (main/core-host/integrity-thread.ts).
if ('kind' in init) runCheck(init, (message) => port.postMessage(message));
else serve(init).catch((err: unknown) => post({ type: 'failed', error: serializeError(err) }));
