import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startCoreWorker } from '../../main/core-host/client';
import { bundledEntry, CORE_WORKER_BUNDLE } from '../../main/core-host/entry';
import { sourceEntry } from '../../main/core-host/source-entry';
import { electronBundles } from '../../scripts/lib/electron-bundles.mjs';
import { quietLog, tempDir } from './helpers';

const root = path.resolve(import.meta.dirname, '../..');

/** Where the worker's script is, per way of running the app, and that each one really starts the core. */
describe('the core worker, from source and from the Electron bundle', () => {
  it('from source: the TypeScript entry, loaded through tsx', () => {
    const entry = sourceEntry();
    expect(entry.file).toEqual(new URL('../../main/core-host/worker.ts', import.meta.url));
    expect(fs.existsSync(entry.file)).toBe(true);
    expect(entry.execArgv).toEqual(['--import', import.meta.resolve('tsx')]);
  });

  it('bundled: build.mjs writes the file the shell starts, and it opens a data folder', async () => {
    // Inside the repository, so that the bundle finds node_modules as it does in out/main.
    const outDir = fs.mkdtempSync(path.join(root, 'node_modules', '.cache-core-worker-'));
    const dataDir = tempDir();
    onTestFinished(() => {
      for (const dir of [outDir, dataDir]) fs.rmSync(dir, { recursive: true, force: true });
    });
    const { coreWorker } = await electronBundles(root, outDir);
    await build(coreWorker);
    const mainDir = path.join(outDir, 'main');
    expect(bundledEntry(mainDir)).toEqual({ file: path.join(mainDir, CORE_WORKER_BUNDLE), execArgv: [] });
    expect(path.basename(coreWorker.outfile!)).toBe(CORE_WORKER_BUNDLE);

    const core = await startCoreWorker({ dataDir, clock: { kind: 'system' }, entry: bundledEntry(mainDir), autoBackup: false, log: quietLog, quiet: true });
    try {
      expect(await core.dispatch('system.getStatus', {})).toMatchObject({ ok: true, data: { installation: null } });
    } finally {
      await core.close();
    }
  }, 60_000);
});
