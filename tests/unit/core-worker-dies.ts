import { parentPort } from 'node:worker_threads';
import type { FromWorker } from '../../main/core-host/protocol';

/** A core worker that opens and then dies on its first request, as a crashed or killed thread would. */
const port = parentPort!;
port.on('message', () => process.exit(3));
port.postMessage({ type: 'ready', facts: { dataDir: '/nowhere', dbFile: '/nowhere/streetdesk.sqlite', backupDir: '/nowhere/backups' }, channels: ['system.getStatus'] } satisfies FromWorker);
