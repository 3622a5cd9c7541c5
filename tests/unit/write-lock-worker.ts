import { connect } from '../../db/driver';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * Another program writing to the same data file (router-busy.test.ts): takes the write lock, says so, holds it for
 * `holdMs` while writing, commits and says so.
 */
const { file, holdMs } = workerData as { file: string; holdMs: number };
const db = connect(file);
db.exec('BEGIN IMMEDIATE');
db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('other-program', '1', '2026-12-01T20:00:00.000Z')").run();
parentPort!.postMessage('locked');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, holdMs);
db.exec('COMMIT');
db.close();
parentPort!.postMessage('released');
