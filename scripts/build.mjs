// Builds what the app runs from `out/`:
//   out/renderer/        the UI (Vite), loaded by Electron from file:// and served by browser mode
//   out/main/electron.cjs, out/preload/preload.cjs   the Electron main and preload bundles (esbuild)
// `node scripts/build.mjs renderer` builds the UI only (browser mode and e2e tests need nothing else).
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

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
  const common = { bundle: true, platform: 'node', target: 'node22', format: 'cjs', sourcemap: true, minify: true, logLevel: 'warning' };
  // Runtime dependencies stay outside the bundle and ship in node_modules: better-sqlite3 has a native .node file
  // (unpacked from the asar), pdfkit and the bundled font read data files from their package folders.
  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
  const external = ['electron', ...Object.keys(pkg.dependencies)];
  await esbuild({ ...common, entryPoints: [path.join(root, 'main/electron/app.ts')], outfile: path.join(root, 'out/main/electron.cjs'), external });
  await esbuild({ ...common, entryPoints: [path.join(root, 'preload/index.ts')], outfile: path.join(root, 'out/preload/preload.cjs'), external: ['electron'] });
}

if (only === 'renderer') await renderer();
else await Promise.all([renderer(), electron()]);
