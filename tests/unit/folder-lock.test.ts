import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataFolderInUseError } from '../../db/errors';
import { createCore } from '../../main/core';
import { networkFileSystemOf } from '../../main/network-drive';
import { quietLog, tempDir, testClock, testCore } from './helpers';

const root = path.resolve(import.meta.dirname, '../..');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** Node with TypeScript, as `npm run web` runs: a real second process. */
function run(args: string[]): ChildProcess & { output: Promise<{ code: number | null; stderr: string }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const output = new Promise<{ code: number | null; stderr: string }>((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
  return Object.assign(child, { output });
}

const ready = (child: ChildProcess) =>
  new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`holder exited with ${code}`)));
  });

describe('one process per data folder', () => {
  it('a second `npm run web` on the same folder exits with a Chinese message naming the folder', async () => {
    const { dir } = await testCore();
    const web = run(['main/web.ts', '--data-dir', dir]);
    const { code, stderr } = await web.output;
    expect(code).not.toBe(0);
    expect(stderr).toContain('正在被另一个 StreetDesk');
    expect(stderr).toContain(dir);
  }, 30_000);

  it('refuses a folder another process holds, and takes it once that process was killed', async () => {
    const dir = tempDir();
    const holder = run(['tests/unit/folder-holder.ts', dir]);
    await ready(holder);
    const err = await createCore({ dataDir: dir, log: quietLog, autoBackup: false, clock: testClock }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataFolderInUseError);
    expect((err as Error).message).toContain(dir);

    // A crash must not leave the folder locked: the OS drops the lock with the process.
    holder.kill('SIGKILL');
    await holder.output;
    const core = await createCore({ dataDir: dir, log: quietLog, autoBackup: false, clock: testClock });
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('refuses a second core in the same process until the first is closed', async () => {
    const dir = tempDir();
    const first = await createCore({ dataDir: dir, log: quietLog, autoBackup: false, clock: testClock });
    await expect(createCore({ dataDir: dir, log: quietLog, autoBackup: false, clock: testClock })).rejects.toBeInstanceOf(DataFolderInUseError);
    first.close();
    (await createCore({ dataDir: dir, log: quietLog, autoBackup: false, clock: testClock })).close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('a data folder on a network drive', () => {
  const mounts = () =>
    [
      '/dev/sda1 / ext4 rw 0 0',
      '//nas/office /mnt/office cifs rw 0 0',
      '/dev/sdb1 /mnt/office/local\\040disk ext4 rw 0 0',
      'nas:/export /srv/data nfs4 rw 0 0',
    ].join('\n');

  it('is recognised from the mounts on Linux and from a UNC path on Windows', () => {
    expect(networkFileSystemOf('/mnt/office/街道数据', 'linux', mounts)).toBe('cifs');
    expect(networkFileSystemOf('/srv/data', 'linux', mounts)).toBe('nfs4');
    expect(networkFileSystemOf('/mnt/office/local disk/数据', 'linux', mounts)).toBeNull();
    expect(networkFileSystemOf('/mnt/officer', 'linux', mounts)).toBeNull();
    expect(networkFileSystemOf('\\\\server\\share\\数据', 'win32')).toBe('UNC');
    expect(networkFileSystemOf('C:\\StreetDesk', 'win32')).toBeNull();
  });

  it('gives no warning for a local folder', async () => {
    const { call } = await testCore();
    expect((await call('system.getStatus', {})).warnings).toEqual([]);
  });
});
