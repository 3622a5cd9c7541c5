import type { WorkerEntry } from './entry';

/**
 * From source — `npm run web` (under tsx) and the tests: the TypeScript entry, loaded through tsx's loader.
 * The flag is given explicitly and resolved to tsx's own file, so the worker does not depend on how the parent
 * was started or from which folder. (Kept out of entry.ts: the Electron bundle is CommonJS, without import.meta.)
 */
export const sourceEntry = (): WorkerEntry => ({
  file: new URL('./worker.ts', import.meta.url),
  execArgv: ['--import', import.meta.resolve('tsx')],
});
