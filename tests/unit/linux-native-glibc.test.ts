import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtFile } from '../../scripts/build-linux-sqlite.mjs';
import { newerThanFloor, versionsNeeded } from '../../scripts/lib/elf-needs.mjs';
import { tempDir } from './helpers';
import { packageLinux, root, unpackedDir } from './packaged-app';

// Issue 18: the Linux packages must start on glibc 2.28 (UOS 20; Kylin V10 SP1 has 2.31). Checked on what
// electron-builder really ships: its own file selection and hooks, run against a stand-in Electron folder
// (docs/electron.md), for x64 and arm64. The first run builds the native files (scripts/build-linux-sqlite.mjs,
// about 5 minutes on a shared machine); later runs reuse them.
const prebuilds = path.join(root, 'node_modules/better-sqlite3-multiple-ciphers/prebuilds');
const onLinuxX64 = process.platform === 'linux' && process.arch === 'x64';

function nativeFilesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.node'))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('the native files a Linux package ships', () => {
  it('are checked by reading what each needs from glibc and libstdc++ (the upstream prebuild fails the check)', () => {
    const needed = versionsNeeded(path.join(prebuilds, 'linux-x64.node'));
    expect(needed).toContain('GLIBC_2.2.5');
    expect(newerThanFloor(needed)).toEqual(expect.arrayContaining(['GLIBC_2.34', 'GLIBCXX_3.4.29']));
    expect(newerThanFloor(versionsNeeded(path.join(prebuilds, 'linux-arm64.node')))).toContain('GLIBC_2.34');
  });

  describe.runIf(onLinuxX64)("electron-builder's Linux package, x64 and arm64", () => {
    let release: string;
    beforeAll(async () => {
      release = await packageLinux(['x64', 'arm64']);
    }, 900_000);

    it('hold our glibc-2.28 build of the SQLite driver (better-sqlite3-multiple-ciphers) for each arch, and no native file needing newer than glibc 2.28', () => {
      for (const arch of ['x64', 'arm64'] as const) {
        const files = nativeFilesUnder(unpackedDir(release, arch));
        const shipped = path.join(unpackedDir(release, arch), 'resources/app.asar.unpacked/node_modules/better-sqlite3-multiple-ciphers/prebuilds', `linux-${arch}.node`);
        expect(files).toContain(shipped);
        expect(fs.readFileSync(shipped).equals(fs.readFileSync(builtFile(arch)))).toBe(true);
        for (const file of files) expect({ file, tooNew: newerThanFloor(versionsNeeded(file)) }).toEqual({ file, tooNew: [] });
      }
    });

    // The whole unit suite also runs on this file: STREETDESK_SQLITE_NATIVE_BINDING=<it> npm run test:unit.
    it('is a working driver, with the same SQLite (Multiple Ciphers) and compile options as the upstream prebuild', () => {
      const ours = new Database(':memory:', { nativeBinding: builtFile('x64') });
      const upstream = new Database(':memory:');
      const facts = (db: Database.Database) => ({
        version: db.prepare('SELECT sqlite_version()').pluck().get(),
        options: (db.pragma('compile_options') as { compile_options: string }[]).map((o) => o.compile_options).filter((o) => !o.startsWith('COMPILER=')),
      });
      expect(facts(ours)).toEqual(facts(upstream));
      ours.close();
      upstream.close();
    });

    it('creates, writes and reopens a data file (a build whose stat() left errno unset could not create one)', () => {
      const file = path.join(tempDir(), 'new.sqlite');
      const db = new Database(file, { nativeBinding: builtFile('x64') });
      db.pragma('journal_mode = WAL');
      db.exec("CREATE TABLE t (a TEXT); INSERT INTO t VALUES ('阮烨')");
      db.close();
      const again = new Database(file, { nativeBinding: builtFile('x64'), readonly: true, fileMustExist: true });
      expect(again.prepare('SELECT a FROM t').pluck().get()).toBe('阮烨');
      again.close();
      expect(() => new Database(path.join(tempDir(), 'missing.sqlite'), { nativeBinding: builtFile('x64'), fileMustExist: true })).toThrow();
    });

    it('encrypts (SQLite3 Multiple Ciphers is in our build): no plaintext in the file, opened only with its key', () => {
      const file = path.join(tempDir(), 'sealed.sqlite');
      const keyed = (key: string) => {
        const db = new Database(file, { nativeBinding: builtFile('x64') });
        db.pragma("cipher = 'chacha20'");
        db.pragma(`key = "x'${key}'"`);
        return db;
      };
      const key = randomBytes(32).toString('hex');
      const db = keyed(key);
      db.exec("CREATE TABLE t (a TEXT); INSERT INTO t VALUES ('阮烨 110101199003070011')");
      db.close();
      expect(fs.readFileSync(file).includes(Buffer.from('阮烨'))).toBe(false);
      const again = keyed(key);
      expect(again.prepare('SELECT a FROM t').pluck().get()).toBe('阮烨 110101199003070011');
      again.close();
      const wrong = keyed(randomBytes(32).toString('hex'));
      expect(() => wrong.prepare('SELECT a FROM t').get()).toThrow(expect.objectContaining({ code: 'SQLITE_NOTADB' }) as Error);
      wrong.close();
    });
  });
});
