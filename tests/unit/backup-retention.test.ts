import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups, rotateBackups, type BackupPolicy } from '../../db/backup';
import { DEFAULT_BACKUP_POLICY } from '../../db/settings';
import { tempDir, testCore } from './helpers';

const GIB = 1024 ** 3;
const PAGE = 512;

/**
 * A backup as the app names it (streetdesk-<stamp>-<reason>[-empty].sqlite), `pages` pages of 512 bytes long: the
 * smallest file listBackups takes for a whole SQLite file (its header's page size × page count is its length).
 */
function touch(dir: string, iso: string, reason: string, pages = 1, empty = false): void {
  const file = Buffer.alloc(PAGE * pages);
  file.write('SQLite format 3\0', 'latin1');
  file.writeUInt16BE(PAGE, 16);
  file.writeUInt32BE(pages, 28);
  const stamp = iso.replace(/[-:]/g, '').replace('.', '');
  fs.writeFileSync(path.join(dir, `streetdesk-${stamp}-${reason}${empty ? '-empty' : ''}.sqlite`), file);
}

const at = (y: number, m: number, d: number, h = 1) => new Date(Date.UTC(y, m - 1, d, h)).toISOString();
const days = (dir: string) => listBackups(dir).map((b) => `${b.takenAt.slice(0, 10)} ${b.reason}`);
const unlimited: BackupPolicy = { ...DEFAULT_BACKUP_POLICY, maxGigabytes: null };

describe('backup retention (设置 → 备份)', () => {
  it('keeps 7 days, 4 weeks and then the last backup of each of 12 months from two years of daily backups', () => {
    const dir = tempDir();
    for (let d = 0; d < 730; d++) touch(dir, new Date(Date.UTC(2024, 10, 1 + d, 1)).toISOString(), 'auto');
    const newest = listBackups(dir)[0]!;
    expect(newest.takenAt.slice(0, 10)).toBe('2026-10-31');

    const removed = rotateBackups(dir, unlimited);
    const left = listBackups(dir).map((b) => b.takenAt.slice(0, 10));
    expect(removed).toHaveLength(730 - 7 - 4 - 12);
    expect(left[0]).toBe('2026-10-31');
    expect(left.slice(0, 7)).toEqual([31, 30, 29, 28, 27, 26, 25].map((d) => `2026-10-${d}`));
    // The 4 weeks before are Sundays (a week's newest), Monday-based weeks: 10-18, 10-11, 10-04, 09-27.
    expect(left.slice(7, 11)).toEqual(['2026-10-18', '2026-10-11', '2026-10-04', '2026-09-27']);
    // Then one per month, each month's last day, starting with the first month no daily or weekly copy stands for.
    expect(left.slice(11)).toEqual([
      '2026-08-31', '2026-07-31', '2026-06-30', '2026-05-31', '2026-04-30', '2026-03-31',
      '2026-02-28', '2026-01-31', '2025-12-31', '2025-11-30', '2025-10-31', '2025-09-30',
    ]);
    // What it removed is gone from the disk, what it kept is there.
    expect(removed.every((b) => !fs.existsSync(b.file))).toBe(true);
    expect(fs.readdirSync(dir)).toHaveLength(23);
  });

  it('keeps the newest day whatever the counts, and never removes a safety copy by the routine rule', () => {
    const dir = tempDir();
    for (let d = 1; d <= 20; d++) touch(dir, at(2026, 11, d), 'auto');
    touch(dir, at(2026, 11, 20, 9), 'manual');
    for (let d = 1; d <= 8; d++) touch(dir, at(2026, 10, d), 'pre-migration');
    touch(dir, at(2026, 3, 1), 'pre-restore');

    rotateBackups(dir, { daily: 1, weekly: 0, monthly: 0, safety: 5, maxGigabytes: null });
    expect(days(dir)).toEqual([
      '2026-11-20 manual', '2026-11-20 auto', // both of the newest day
      '2026-10-08 pre-migration', '2026-10-07 pre-migration', '2026-10-06 pre-migration', '2026-10-05 pre-migration',
      '2026-10-04 pre-migration', // the newest 5 of its kind, older than every routine backup kept
      '2026-03-01 pre-restore', // its own kind's count: the only one
    ]);
  });

  it('over the size limit removes the oldest first, but never the newest backup with data nor the last safety copy', () => {
    const dir = tempDir();
    touch(dir, at(2026, 1, 1), 'pre-restore', 4);
    for (let d = 1; d <= 5; d++) touch(dir, at(2026, 11, d), 'auto', 4);
    touch(dir, at(2026, 11, 6), 'auto', 1, true); // a 空库: newest, but not the one to restore from
    // 25 pages in all; a limit of 13 pages keeps the newest (1), the newest with data (4), the safety copy (4), and one more.
    const removed = rotateBackups(dir, { ...DEFAULT_BACKUP_POLICY, maxGigabytes: (13 * PAGE) / GIB });
    expect(removed.map((b) => b.takenAt.slice(0, 10))).toEqual(['2026-11-03', '2026-11-02', '2026-11-01']);
    expect(days(dir)).toEqual(['2026-11-06 auto', '2026-11-05 auto', '2026-11-04 auto', '2026-01-01 pre-restore']);

    // A limit below what must stay removes everything else and keeps those three.
    rotateBackups(dir, { ...DEFAULT_BACKUP_POLICY, maxGigabytes: PAGE / GIB });
    expect(days(dir)).toEqual(['2026-11-06 auto', '2026-11-05 auto', '2026-01-01 pre-restore']);
  });

  it('saves the policy (administrators), previews and applies what it removes, and shows the folder', async () => {
    const { call, attempt, callAs, signInAs, core } = await testCore();
    const dir = core.services.backupDir;
    fs.mkdirSync(dir, { recursive: true });
    for (let d = 1; d <= 10; d++) touch(dir, at(2026, 11, d), 'auto', 2);

    const before = await call('system.getBackupSettings', {});
    expect(before.policy).toEqual(DEFAULT_BACKUP_POLICY);
    expect(before.folder).toMatchObject({ dir, count: 10, totalBytes: 10 * 2 * PAGE });
    expect(before.folder.newestWithData?.takenAt.slice(0, 10)).toBe('2026-11-10');

    const bad = await attempt('system.setBackupPolicy', { daily: 0, weekly: 1.5, monthly: 12, safety: 5, maxGigabytes: 0 });
    expect(bad).toMatchObject({ ok: false });
    if (!bad.ok) {
      expect(bad.error.fields).toEqual(expect.arrayContaining([
        expect.objectContaining({ path: 'daily', message: '按天保留至少 1' }),
        expect.objectContaining({ path: 'weekly', message: '按周保留请填写整数' }),
        expect.objectContaining({ path: 'maxGigabytes', message: '上限至少 1 GB' }),
      ]));
    }

    const policy = { daily: 3, weekly: 0, monthly: 0, safety: 5, maxGigabytes: null };
    const preview = await call('system.previewBackupPolicy', policy);
    expect(preview).toMatchObject({ count: 7, bytes: 7 * 2 * PAGE });
    expect(listBackups(dir)).toHaveLength(10); // a preview removes nothing

    const entry = await signInAs('entry');
    await expect(callAs(entry, 'system.setBackupPolicy', policy)).rejects.toThrow();
    const saved = await call('system.setBackupPolicy', policy);
    expect(saved.removed).toEqual(preview);
    expect(listBackups(dir)).toHaveLength(3);
    expect(await call('system.getBackupSettings', {})).toMatchObject({ policy, folder: { count: 3, totalBytes: 3 * 2 * PAGE } });

    // The next backup rotates by the saved policy.
    await core.services.backupNow();
    expect(listBackups(dir).filter((b) => b.reason === 'auto').map((b) => b.takenAt.slice(0, 10))).toEqual(['2026-11-10', '2026-11-09']);
  });
});
