import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../db/backup';
import { DatabaseDamagedError } from '../../db/errors';
import { quickCheckWithin } from '../../db/health';
import { openFile } from '../../db/open';
import { createCore, DB_FILE_NAME } from '../../main/core';
import { PAGE, scribblePages, somePages } from './damage';
import { quietLog, tempDir, testClock, testCore } from './helpers';

/** A data folder with registers in it and a good manual backup, closed: what a clerk has after some weeks. */
async function folderWithData() {
  const { core, call, dir } = await testCore();
  for (let i = 0; i < 40; i++) await call('party.createPlace', { kind: 'community', name: `第${i}社区` });
  const good = await call('system.backupNow', {});
  core.close();
  const file = path.join(dir, DB_FILE_NAME);
  return { dir, file, good, backupsBefore: fs.readdirSync(path.join(dir, 'backups')).sort() };
}

async function refusal(dir: string): Promise<DatabaseDamagedError> {
  const err = await createCore({ dataDir: dir, log: quietLog, clock: testClock }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(DatabaseDamagedError);
  return err as DatabaseDamagedError;
}

describe('opening the data file', () => {
  it('refuses a file with random bytes over 8 pages, names the newest good backup, and backs nothing up', async () => {
    const { dir, file, good, backupsBefore } = await folderWithData();
    const pages = fs.statSync(file).size / PAGE;
    scribblePages(file, somePages(pages, 8));
    const damaged = fs.readFileSync(file);

    const err = await refusal(dir);
    expect(err.message).toContain('已损坏');
    expect(err.message).toContain(good.file);
    expect(fs.readFileSync(file).equals(damaged)).toBe(true);
    // The automatic backup did not copy the damage over the good one.
    expect(fs.readdirSync(path.join(dir, 'backups')).sort()).toEqual(backupsBefore);
  });

  it('refuses a truncated file', async () => {
    const { dir, file, good } = await folderWithData();
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / PAGE / 2) * PAGE);
    expect((await refusal(dir)).message).toContain(good.name);
  });

  it('refuses a 0-byte file instead of starting a fresh installation in it', async () => {
    const { dir, file, good } = await folderWithData();
    fs.writeFileSync(file, '');
    const err = await refusal(dir);
    expect(err.message).toContain('0 字节');
    expect(err.message).toContain(good.name);
    expect(fs.statSync(file).size).toBe(0);
  });

  it('refuses a file that is not a database, and says when no backup can help', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, DB_FILE_NAME), '这不是数据库文件'.repeat(200));
    const err = await refusal(dir);
    expect(err.message).toContain('不是数据库');
    expect(err.message).toContain('没有完好的备份');
  });

  it('names a backup with data, not the newer 空库 one or a damaged one', async () => {
    const { dir, file, good } = await folderWithData();
    const backupDir = path.join(dir, 'backups');
    // Newer than the good one: a 空库 backup and a backup whose pages were overwritten.
    const newer = (suffix: string) => path.join(backupDir, good.name.replace(/\d{3}Z-manual/, `999Z-${suffix}`));
    fs.copyFileSync(good.file, newer('manual'));
    scribblePages(newer('manual'), [2, 3]);
    fs.copyFileSync(good.file, newer('auto-empty'));
    expect(listBackups(backupDir)[0]!.empty).toBe(true);
    fs.writeFileSync(file, '');
    expect((await refusal(dir)).newestBackup).toBe(good.file);
  });

  it('opens a missing file as a fresh installation', async () => {
    const { call } = await testCore({ setUp: false });
    expect((await call('system.getStatus', {})).installation).toBeNull();
  });

  it('checks table by table within a time box, leaving the rest to the background check', async () => {
    const { file } = await folderWithData();
    const db = openFile(file);
    expect(quickCheckWithin(db, Infinity)).toEqual({ problems: [], complete: true });
    expect(quickCheckWithin(db, 0)).toEqual({ problems: [], complete: false });
    db.close();
  });
});
