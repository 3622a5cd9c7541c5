// The Electron bundles esbuild writes into out/ (scripts/build.mjs); the core worker's is also built by its test.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const common = { bundle: true, platform: 'node', target: 'node22', format: 'cjs', sourcemap: true, minify: true, logLevel: 'warning' };

/** esbuild options, one per bundle: the main process, the core's worker thread (beside it) and the preload. */
export async function electronBundles(root, outDir = path.join(root, 'out')) {
  // Runtime dependencies stay outside the bundles and ship in node_modules: better-sqlite3 has a native .node file
  // (unpacked from the asar), pdfkit and the bundled font read data files from their package folders.
  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
  const external = ['electron', ...Object.keys(pkg.dependencies)];
  return {
    main: { ...common, entryPoints: [path.join(root, 'main/electron/app.ts')], outfile: path.join(outDir, 'main/electron.cjs'), external },
    // The name is main/core-host/entry.ts's CORE_WORKER_BUNDLE: the shell starts the worker from that file.
    coreWorker: { ...common, entryPoints: [path.join(root, 'main/core-host/worker.ts')], outfile: path.join(outDir, 'main/core-worker.cjs'), external },
    preload: { ...common, entryPoints: [path.join(root, 'preload/index.ts')], outfile: path.join(outDir, 'preload/preload.cjs'), external: ['electron'] },
  };
}
