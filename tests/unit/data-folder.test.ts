import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../main/core';
import { defaultDataDir } from '../../main/data-folder';
import { tempDir } from './helpers';

const root = path.resolve(import.meta.dirname, '../..');
const running: { kill(): void }[] = [];
afterEach(() => running.splice(0).forEach((c) => c.kill()));

/** Starts a script under tsx and resolves with its console once it prints the browser URL. */
function untilUrl(script: string, env: NodeJS.ProcessEnv): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env: { ...env, PATH: process.env.PATH },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (/http:\/\/127\.0\.0\.1:\d+\/#token=/.test(out)) resolve(out);
    });
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.on('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
  });
}

describe('the data folder when none is named', () => {
  it("is the desktop app's userData folder on each platform", () => {
    expect(defaultDataDir('linux', {}, '/home/li')).toBe('/home/li/.config/StreetDesk');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/data/cfg' }, '/home/li')).toBe('/data/cfg/StreetDesk');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\li\\AppData\\Roaming' }, 'C:\\Users\\li')).toBe(
      'C:\\Users\\li\\AppData\\Roaming\\StreetDesk',
    );
    expect(defaultDataDir('win32', {}, 'C:\\Users\\li')).toBe('C:\\Users\\li\\AppData\\Roaming\\StreetDesk');
    expect(defaultDataDir('darwin', {}, '/Users/li')).toBe('/Users/li/Library/Application Support/StreetDesk');
  });

  it('`npm run web` without --data-dir opens it and says where it is', async () => {
    const home = tempDir();
    const out = await untilUrl('main/web.ts', { HOME: home, XDG_CONFIG_HOME: path.join(home, 'cfg') });
    const folder = path.join(home, 'cfg', 'StreetDesk');
    expect(out).toContain(`数据文件夹：${folder}`);
    expect(fs.existsSync(path.join(folder, DB_FILE_NAME))).toBe(true);
  }, 60_000);

  it('`npm run demo` seeds a street into a new temporary folder and serves it', async () => {
    const tmp = tempDir();
    const out = await untilUrl('scripts/demo.ts', { HOME: tmp, TMPDIR: tmp });
    const folder = /数据文件夹：(\S+)/.exec(out)?.[1] ?? '';
    expect(path.dirname(folder)).toBe(tmp);
    expect(out).toContain('演示数据');
    expect(fs.statSync(path.join(folder, DB_FILE_NAME)).size).toBeGreaterThan(1_000_000);
  }, 120_000);
});
