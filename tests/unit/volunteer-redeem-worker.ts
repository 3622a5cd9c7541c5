import { parentPort, workerData } from 'node:worker_threads';
import { createCore } from '../../main/core';

/**
 * One of two processes-alike racing for the last item: its own core and SQLite connection on the shared file.
 * Both wait at a barrier (a shared counter) and then redeem at the same moment.
 */
const { dataDir, input, barrier, password } = workerData as { dataDir: string; input: unknown; barrier: SharedArrayBuffer; password: string };
// Plain, as testCore made it: an administrator's sign-in would otherwise encrypt the installation, replacing the
// linked data file with an encrypted copy of its own, and each racer would have a shelf of its own.
const core = await createCore({ dataDir, autoBackup: false, encrypt: false, log: { info: () => undefined, error: () => undefined } });
// Signed in before the barrier: the slow password check must not stagger the race.
const signIn = await core.dispatch('system.signIn', { name: '王芳', password });
const session = signIn.ok ? (signIn.data as { token: string }).token : undefined;
const counter = new Int32Array(barrier);
Atomics.add(counter, 0, 1);
Atomics.notify(counter, 0);
while (Atomics.load(counter, 0) < 2) Atomics.wait(counter, 0, 1, 50);
const result = await core.dispatch('volunteer.redeem', input, session);
core.close();
parentPort!.postMessage(result);
