import { extractAll } from '@electron/asar';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { electronBundles } from '../../scripts/lib/electron-bundles.mjs';
import { tempDir } from './helpers';

/**
 * What electron-builder really ships, without the Electron binary we cannot download: its own file selection,
 * asar and hooks from electron-builder.yml, run against a stand-in Electron folder (docs/electron.md). Linux `dir`
 * targets only (no fpm, no appimagetool); the file selection is the same for every platform but the `${os}` parts.
 */
export const root = path.resolve(import.meta.dirname, '../..');

export type LinuxArch = 'x64' | 'arm64';

/** The unpacked app folder electron-builder leaves for each arch (under `release/`). */
export const unpackedDir = (release: string, arch: LinuxArch) => path.join(release, arch === 'x64' ? 'linux-unpacked' : 'linux-arm64-unpacked');

/** Packages `--linux dir` for these archs into a new temporary folder; returns its `release/` folder. */
export async function packageLinux(archs: readonly LinuxArch[]): Promise<string> {
  const out = tempDir();
  await buildElectronBundles();
  const fake = path.join(out, 'electron');
  fs.mkdirSync(path.join(fake, 'locales'), { recursive: true });
  for (const f of ['electron', 'locales/zh-CN.pak', 'locales/en-US.pak']) fs.writeFileSync(path.join(fake, f), '#!/bin/sh\n', { mode: 0o755 });
  const project = projectToPackage(out);
  const config = path.join(out, 'eb.yml');
  fs.writeFileSync(config, `extends: ${project}/electron-builder.yml\nelectronDist: ${fake}\nelectronFuses: null\ndirectories: {output: ${out}/release}\n`);
  const args = ['--config', config, '--projectDir', project, '--linux', 'dir', ...archs.map((a) => `--${a}`)];
  execFileSync(path.join(root, 'node_modules/.bin/electron-builder'), args, { cwd: project, stdio: 'pipe' });
  return path.join(out, 'release');
}

/**
 * The three Electron bundles, built afresh from this checkout's sources (a stale out/ would package old code), with
 * the build's own options. Each file is written beside its place and renamed over it: another packaging test may
 * be reading out/ at that moment. (The renderer is not built: the file selection takes `out/**` whatever is there.)
 */
async function buildElectronBundles(): Promise<void> {
  const results = await Promise.all(Object.values(await electronBundles(root)).map((options) => build({ ...options, write: false })));
  for (const file of results.flatMap((r) => r.outputFiles)) {
    fs.mkdirSync(path.dirname(file.path), { recursive: true });
    const part = `${file.path}.${process.pid}.part`;
    fs.writeFileSync(part, file.contents);
    fs.renameSync(part, file.path);
  }
}

/**
 * The checkout itself, unless its node_modules is a symlink (a git worktree sharing the main checkout's): then
 * `npm ls`, which electron-builder asks for the production dependency tree, reports every package whose real path
 * is outside the project as missing, and the package silently lacks pdfkit's own dependencies (fontkit,
 * @noble/hashes…). So the packaged files are laid out in a staging folder with hard-linked copies (fast, same disk).
 * `scripts/` stays a link: the afterPack hook finds its cache of native builds from its real path.
 */
function projectToPackage(out: string): string {
  if (!fs.lstatSync(path.join(root, 'node_modules')).isSymbolicLink()) return root;
  const project = path.join(out, 'project');
  fs.mkdirSync(project);
  for (const f of ['package.json', 'package-lock.json', 'electron-builder.yml']) fs.copyFileSync(path.join(root, f), path.join(project, f));
  fs.symlinkSync(path.join(root, 'scripts'), path.join(project, 'scripts'));
  for (const dir of ['out', 'build']) execFileSync('cp', ['-al', path.join(root, dir), path.join(project, dir)]);
  execFileSync('cp', ['-al', fs.realpathSync(path.join(root, 'node_modules')), path.join(project, 'node_modules')]);
  return project;
}

/**
 * The app as it runs from the package: app.asar extracted, with app.asar.unpacked's files in place, so Node can
 * require from it as Electron would from inside the archive.
 */
export function extractApp(unpacked: string): string {
  const app = path.join(tempDir(), 'app');
  extractAll(path.join(unpacked, 'resources/app.asar'), app);
  return app;
}

/** Every file of the extracted app, relative and with forward slashes. */
export function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}
