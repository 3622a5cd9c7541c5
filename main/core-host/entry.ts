import path from 'node:path';

/** The worker's script and the Node flags it needs: one way per way of running the app. */
export interface WorkerEntry {
  file: string | URL;
  execArgv: string[];
}

/** The bundle scripts/build.mjs writes beside out/main/electron.cjs. */
export const CORE_WORKER_BUNDLE = 'core-worker.cjs';

/**
 * Electron: the esbuild bundle in the app's out/main folder — inside app.asar when packaged, which Electron's
 * worker threads can read since electron/electron#33216 (2022). No flags: nothing of the main process's
 * command line applies to the core.
 */
export const bundledEntry = (mainDir: string): WorkerEntry => ({ file: path.join(mainDir, CORE_WORKER_BUNDLE), execArgv: [] });
