import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUosDeb, builderSettings, uosVersion } from '../../scripts/uos-deb.mjs';
import { tempDir } from './helpers';
import { filesUnder, packageLinux, root, unpackedDir } from './packaged-app';

// Issue 18: the UOS app store's deb — named after the appid, everything under /opt/apps/<appid>/ with its `info`
// file, a four-part version, no maintainer scripts — made from electron-builder's own unpacked app (its file
// selection and hooks, with a stand-in Electron folder) and read back with dpkg-deb.
const onLinuxX64 = process.platform === 'linux' && process.arch === 'x64';
const hasDpkgDeb = spawnSync('dpkg-deb', ['--version']).status === 0;
const { appId } = builderSettings();
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string; productName: string };
const home = `opt/apps/${appId}`;

describe('the UOS version', () => {
  it("is package.json's version with the build number as a fourth part; a pre-release cannot be one", () => {
    expect(uosVersion('0.1.0')).toBe('0.1.0.0');
    expect(uosVersion('2.10.3', 17)).toBe('2.10.3.17');
    expect(() => uosVersion('1.0.0-beta.1')).toThrow('four numbers');
    expect(() => uosVersion('1.0.0', -1)).toThrow('whole number');
  });
});

describe.runIf(onLinuxX64 && hasDpkgDeb)("the UOS app-store package, from electron-builder's unpacked x64 app", () => {
  let unpacked: string;
  let deb: string;
  let tree: string;
  beforeAll(async () => {
    unpacked = unpackedDir(await packageLinux(['x64']), 'x64');
    deb = buildUosDeb({ unpacked, arch: 'x64', outDir: tempDir(), build: 7 });
    tree = tempDir();
    execFileSync('dpkg-deb', ['-R', deb, tree]); // the files and, in DEBIAN/, the control files
  }, 900_000);
  const field = (name: string) => execFileSync('dpkg-deb', ['--field', deb, name], { encoding: 'utf8' }).trim();

  it('is named after the appid, has a four-part version and no maintainer scripts', () => {
    expect(field('Package')).toBe(appId);
    expect(field('Version')).toBe(`${pkg.version}.7`);
    expect(field('Architecture')).toBe('amd64');
    expect(field('Depends')).toContain('libnss3');
    expect(path.basename(deb)).toBe(`${appId}_${pkg.version}.7_amd64.deb`);
    expect(fs.readdirSync(path.join(tree, 'DEBIAN')).sort()).toEqual(['control', 'md5sums']);
    execFileSync('md5sum', ['--check', '--quiet', 'DEBIAN/md5sums'], { cwd: tree });
  });

  it('installs everything, owned by root, under /opt/apps/<appid>/: its info, entries and the app in files/', () => {
    const listing = execFileSync('dpkg-deb', ['--contents', deb], { encoding: 'utf8' }).trim().split('\n');
    for (const line of listing) {
      const [, owner, , , , entry] = line.split(/\s+/);
      expect(owner).toBe('root/root');
      expect(['./', './opt/', './opt/apps/'].includes(entry!) || entry!.startsWith(`./${home}/`), entry).toBe(true);
    }
    const info = JSON.parse(fs.readFileSync(path.join(tree, home, 'info'), 'utf8')) as Record<string, unknown>;
    expect(info).toMatchObject({ appid: appId, name: pkg.productName, version: field('Version'), arch: ['amd64'] });
    expect(Object.values(info.permissions as Record<string, boolean>).every((p) => p === false)).toBe(true);

    // files/ is electron-builder's app as it unpacked it (app.asar, the glibc-2.28 native file…), plus the launcher.
    const shipped = filesUnder(path.join(tree, home, 'files'));
    expect(shipped.filter((f) => f !== 'bin/streetdesk').sort()).toEqual(filesUnder(unpacked).sort());
    const native = 'resources/app.asar.unpacked/node_modules/better-sqlite3-multiple-ciphers/prebuilds/linux-x64.node';
    expect(fs.readFileSync(path.join(tree, home, 'files', native)).equals(fs.readFileSync(path.join(unpacked, native)))).toBe(true);
  });

  it('has a desktop entry that starts the launcher in the package, with its icon beside it', () => {
    const entry = fs.readFileSync(path.join(tree, home, `entries/applications/${appId}.desktop`), 'utf8');
    expect(entry).toContain(`Name=${pkg.productName}`);
    expect(entry).toContain(`Icon=${appId}`);
    const exec = entry.match(/^Exec=(\S+)/m)![1]!;
    expect(exec).toBe(`/${home}/files/bin/streetdesk`);
    expect(fs.statSync(path.join(tree, exec)).mode & 0o111).toBe(0o111);
    const icon = path.join(tree, home, `entries/icons/hicolor/512x512/apps/${appId}.png`);
    expect(fs.readFileSync(icon).equals(fs.readFileSync(path.join(root, 'build/icon.png')))).toBe(true);
  });

  describe("the launcher keeps Chromium's sandbox wherever the machine allows it", () => {
    /** Runs the packaged launcher against a stand-in Electron that prints its arguments, with `unshare` faked. */
    function launch(userNamespaces: boolean, helper: 'none' | 'setuid-root' | 'plain') {
      const files = path.join(tempDir(), 'files');
      execFileSync('cp', ['-a', path.join(tree, home, 'files'), files]);
      fs.writeFileSync(path.join(files, 'streetdesk'), '#!/bin/sh\necho "$@"\n', { mode: 0o755 });
      if (helper !== 'none') fs.writeFileSync(path.join(files, 'chrome-sandbox'), '', { mode: helper === 'setuid-root' ? 0o4755 : 0o755 });
      if (helper === 'setuid-root') fs.chmodSync(path.join(files, 'chrome-sandbox'), 0o4755); // the umask may drop it
      const bin = tempDir();
      fs.writeFileSync(path.join(bin, 'unshare'), `#!/bin/sh\nexit ${userNamespaces ? 0 : 1}\n`, { mode: 0o755 });
      const run = spawnSync(path.join(files, 'bin/streetdesk'), ['--data-dir=/tmp/x'], { encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
      return { args: run.stdout.trim(), said: run.stderr };
    }

    it('on: where the kernel lets a user create user namespaces (Kylin V10, and UOS where enabled)', () => {
      expect(launch(true, 'none')).toEqual({ args: '--data-dir=/tmp/x', said: '' });
    });

    it.runIf(process.getuid?.() === 0)('on: through chrome-sandbox where an administrator made it setuid root', () => {
      expect(launch(false, 'setuid-root').args).toBe('--data-dir=/tmp/x');
    });

    it('off only where neither can work (Chromium would not start at all), and it says so', () => {
      for (const helper of ['none', 'plain'] as const) {
        const { args, said } = launch(false, helper);
        expect(args).toBe('--no-sandbox --data-dir=/tmp/x');
        expect(said).toContain('不带 Chromium 沙箱启动');
      }
    });
  });
});
