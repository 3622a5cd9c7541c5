import { parentPort, workerData } from 'node:worker_threads';
import { seedDataset } from '../seed';

/**
 * The benchmark's seed, in a worker thread: generating millions of rows leaves a heap that the measuring process
 * would otherwise be collecting during the timed calls. The app's own process never carries that.
 */
const { dataDir, members } = workerData as { dataDir: string; members: number };
parentPort!.postMessage(await seedDataset(dataDir, 'district', { members }));
