// electron-builder's afterPack hook (electron-builder.yml): a Linux package gets our own build of the SQLite driver's
// (better-sqlite3-multiple-ciphers) native file in place of the package's prebuild, which needs glibc 2.34 and would not start on UOS 20 / Kylin V10
// (scripts/build-linux-sqlite.mjs says how and why). Then every native file in the package is checked against the
// glibc 2.28 floor, so a package that would not start there is never produced.
import fs from 'node:fs';
import path from 'node:path';
import { buildLinuxSqlite, NATIVE_PACKAGE } from './build-linux-sqlite.mjs';
import { LINUX_FLOOR, newerThanFloor, versionsNeeded } from './lib/elf-needs.mjs';

const ARCH_NAMES = { 1: 'x64', 3: 'arm64' }; // electron-builder's Arch enum

function nativeFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.node'))
    .map((e) => path.join(e.parentPath ?? e.path, e.name));
}

export default async function afterPack(context) {
  if (context.electronPlatformName !== 'linux') return;
  const arch = ARCH_NAMES[context.arch];
  if (!arch) throw new Error(`no glibc-2.28 SQLite build for this architecture (${context.arch})`);
  const [built] = buildLinuxSqlite([arch]);
  const unpacked = path.join(context.appOutDir, 'resources', 'app.asar.unpacked');
  const prebuild = path.join(unpacked, 'node_modules', NATIVE_PACKAGE, 'prebuilds', `linux-${arch}.node`);
  // The package's lib/linux-<arch>.js and lib/binding.js load exactly this file: replace it, never add beside it.
  if (!fs.existsSync(prebuild)) throw new Error(`${prebuild} is not in the package: ${NATIVE_PACKAGE}'s layout changed`);
  fs.copyFileSync(built, prebuild);
  for (const file of nativeFiles(context.appOutDir)) {
    const tooNew = newerThanFloor(versionsNeeded(file));
    if (tooNew.length > 0) throw new Error(`${file} needs ${tooNew.join(', ')}: it would not start on glibc ${LINUX_FLOOR.GLIBC}`);
  }
}
