// Builds what the app runs from `out/`:
//   out/renderer/        the UI (Vite), loaded by Electron from file:// and served by browser mode
//   out/main/electron.cjs, out/main/core-worker.cjs, out/preload/preload.cjs   the Electron bundles (esbuild):
//   the main process, the core's worker thread, the preload
// `node scripts/build.mjs renderer` builds the UI only (browser mode and e2e tests need nothing else).
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import path from 'node:path';
import { electronBundles } from './lib/electron-bundles.mjs';

const root = path.resolve(import.meta.dirname, '..');
const only = process.argv[2];

// STREETDESK_RENDERER_DIR lets parallel test runs build into folders of their own.
const rendererDir = process.env.STREETDESK_RENDERER_DIR ?? path.join(root, 'out/renderer');

async function renderer() {
  await viteBuild({
    configFile: path.join(root, 'renderer/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: rendererDir, emptyOutDir: true },
  });
}

async function electron() {
  await Promise.all(Object.values(await electronBundles(root)).map((options) => esbuild(options)));
}

if (only === 'renderer') await renderer();
else await Promise.all([renderer(), electron()]);
