import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { backedUpToday, checkBackup, listBackups, rotateBackups } from '../../db/backup';
import { openFile } from '../../db/open';
import { calendarDay } from '../../main/api/common/calendar';
import { manualClock } from '../../main/clock';
import { createCore } from '../../main/core';
import { scribblePages } from './damage';
import { quietLog, setupInput, tempDir, testClock, testCore } from './helpers';

const beijingDay = (iso: string) => calendarDay(Date.parse(iso), 'Asia/Shanghai');

describe('backups', () => {
  it("counts a backup for the installation's day, not the machine's", async () => {
    const dir = tempDir();
    const backupDir = path.join(dir, 'backups');
    const { core } = await testCore({ dataDir: dir, clock: manualClock('2026-12-01T20:00:00Z') }); // 12-02 in Beijing
    const evening = await core.services.backupNow();
    expect(evening.takenAt.slice(0, 10)).toBe('2026-12-01');
    expect(backedUpToday(backupDir, '2026-12-02', beijingDay)).toBe(true);
    expect(backedUpToday(backupDir, '2026-12-01', beijingDay)).toBe(false);
  });

  it('takes the automatic backup once a day at start; the one before first start is a 空库 and does not count', async () => {
    const dir = tempDir();
    const backupDir = path.join(dir, 'backups');
    const first = await createCore({ dataDir: dir, log: quietLog, clock: testClock });
    const [emptyOne] = listBackups(backupDir);
    expect(emptyOne).toMatchObject({ reason: 'auto', empty: true });
    expect(backedUpToday(backupDir, beijingDay(emptyOne!.takenAt), beijingDay)).toBe(false);
    await first.dispatch('system.setup', setupInput('street'));
    first.close();

    // The registers typed in after first start get their backup on the next start, not tomorrow.
    (await createCore({ dataDir: dir, log: quietLog, clock: testClock })).close();
    (await createCore({ dataDir: dir, log: quietLog, clock: testClock })).close();
    const backups = listBackups(backupDir);
    expect(backups.map((b) => [b.reason, b.empty])).toEqual([['auto', false], ['auto', true]]);
    expect(backedUpToday(backupDir, beijingDay(backups[0]!.takenAt), beijingDay)).toBe(true);
  });

  it('retries a start-of-day backup that was killed, and never counts what it left', async () => {
    const dir = tempDir();
    const backupDir = path.join(dir, 'backups');
    const { core, call } = await testCore({ dataDir: dir });
    await call('party.createPlace', { kind: 'community', name: '备份社区' });
    const today = await call('system.backupNow', {});
    core.close(); // as the killed process would have (closing again after the test is harmless)
    // What a killed backup leaves: a half-written `.tmp`, and — from versions that wrote under the final name —
    // a 0-byte file named as today's backup.
    fs.writeFileSync(`${today.file}.tmp`, fs.readFileSync(today.file).subarray(0, 4096));
    fs.rmSync(today.file);
    const killed = path.join(backupDir, today.name.replace('-manual', '-auto'));
    fs.writeFileSync(killed, '');
    expect(listBackups(backupDir)).toEqual([]);
    expect(backedUpToday(backupDir, beijingDay(today.takenAt), beijingDay)).toBe(false);

    (await createCore({ dataDir: dir, log: quietLog, clock: testClock })).close();
    expect(fs.readdirSync(backupDir).filter((n) => n.endsWith('.tmp') || fs.statSync(path.join(backupDir, n)).size === 0)).toEqual([]);
    const [retried] = listBackups(backupDir);
    expect(retried).toMatchObject({ reason: 'auto', empty: false });
    expect(checkBackup(retried!.file).version).toBeGreaterThan(0);
  });

  it('restores a backup after checking it, keeping the replaced data as a backup of its own', async () => {
    const { call } = await testCore();
    await call('party.createPlace', { kind: 'community', name: '备份前社区' });
    const backup = await call('system.backupNow', {});
    await call('party.createPlace', { kind: 'community', name: '备份后社区' });

    const result = await call('system.restoreBackup', { name: backup.name });
    const names = (await call('party.listPlaces', {})).map((p) => p.name);
    expect(names).toEqual(['备份前社区']);
    expect(result.keptAs).toMatch(/pre-restore\.sqlite$/);

    // The restore itself can be undone from the kept copy.
    await call('system.restoreBackup', { name: result.keptAs });
    expect((await call('party.listPlaces', {})).map((p) => p.name).sort()).toEqual(['备份前社区', '备份后社区'].sort());
  });

  it("keeps writes that are still only in the WAL in the restore's safety copy", async () => {
    const { call, core } = await testCore();
    const backup = await call('system.backupNow', {});
    for (const name of ['一社区', '二社区', '三社区']) await call('party.createPlace', { kind: 'community', name });
    expect(fs.statSync(`${core.services.dbFile}-wal`).size).toBeGreaterThan(0);

    const { keptAs } = await call('system.restoreBackup', { name: backup.name });
    const kept = openFile(path.join(core.services.backupDir, keptAs), { readonly: true });
    expect(kept.prepare('SELECT name FROM places ORDER BY name').pluck().all()).toEqual(['一社区', '三社区', '二社区'].sort());
    kept.close();
  });

  it('refuses to restore while another connection has the data file open, and changes nothing', async () => {
    const { call, core, session } = await testCore();
    const backup = await call('system.backupNow', {});
    await call('party.createPlace', { kind: 'community', name: '另一连接看着的社区' });
    // A database tool or a script beside the app; it has read the file, as any of them would.
    const other = openFile(core.services.dbFile);
    onTestFinished(() => {
      other.close();
    });
    other.prepare('SELECT COUNT(*) FROM places').get();
    const before = fs.readdirSync(core.services.backupDir).sort();

    const env = await core.dispatch('system.restoreBackup', { name: backup.name }, session());
    expect(env).toMatchObject({ ok: false, error: { code: 'DOMAIN', reason: 'DATA_FILE_IN_USE' } });
    if (!env.ok) expect(env.error.message).toContain('其他程序');
    expect(fs.readdirSync(core.services.backupDir).sort()).toEqual(before);
    // Both connections still see the same, unreplaced data, and the app goes on working.
    expect((await call('party.listPlaces', {})).map((p) => p.name)).toEqual(['另一连接看着的社区']);
    expect(other.prepare('SELECT name FROM places').pluck().all()).toEqual(['另一连接看着的社区']);
    await call('party.createPlace', { kind: 'community', name: '之后的社区' });
    expect(other.prepare('SELECT COUNT(*) FROM places').pluck().get()).toBe(2);
  });

  it('lets a backup that is running finish before a restore closes the database', async () => {
    const { call, core, session } = await testCore();
    await call('party.createPlace', { kind: 'community', name: '社区' });
    const first = await call('system.backupNow', {});
    const [running, restored] = await Promise.all([
      core.dispatch('system.backupNow', {}, session()),
      core.dispatch('system.restoreBackup', { name: first.name }, session()),
    ]);
    expect(running).toMatchObject({ ok: true });
    expect(restored).toMatchObject({ ok: true });
    if (running.ok) expect(checkBackup((running.data as { file: string }).file).version).toBeGreaterThan(0);
  });

  it('puts the previous data back when the restored file fails its check after the copy', async () => {
    const { call, core, session } = await testCore();
    await call('party.createPlace', { kind: 'community', name: '旧社区' });
    const backup = await call('system.backupNow', {});
    await call('party.createPlace', { kind: 'community', name: '新社区' });
    // The copy into place goes wrong (a failing disk, a USB stick pulled out): the checked backup lands damaged.
    const copy = fs.copyFileSync;
    const spy = vi.spyOn(fs, 'copyFileSync').mockImplementation((from, to) => {
      copy(from, to);
      if (String(to).endsWith('.restoring') && from === backup.file) scribblePages(String(to), [2, 3, 4, 5]);
    });
    onTestFinished(() => spy.mockRestore());

    const env = await core.dispatch('system.restoreBackup', { name: backup.name }, session());
    expect(env).toMatchObject({ ok: false, error: { reason: 'RESTORE_ROLLED_BACK' } });
    if (!env.ok) expect(env.error.message).toContain('已换回恢复前的数据');
    expect((await call('party.listPlaces', {})).map((p) => p.name).sort()).toEqual(['新社区', '旧社区'].sort());
  });

  it('refuses a damaged backup and changes nothing', async () => {
    const { call, core, session } = await testCore();
    await call('party.createPlace', { kind: 'community', name: '现有社区' });
    const backup = await call('system.backupNow', {});
    // Corrupt the middle of the file, as a bad USB stick would.
    const fd = fs.openSync(backup.file, 'r+');
    fs.writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, 4096);
    fs.closeSync(fd);
    const env = await core.dispatch('system.restoreBackup', { name: backup.name }, session());
    expect(env).toMatchObject({ ok: false, error: { code: 'DOMAIN', reason: 'BACKUP_INVALID' } });
    if (!env.ok) expect(env.error.message).toMatch(/损坏|不是/);
    expect((await call('party.listPlaces', {})).map((p) => p.name)).toEqual(['现有社区']);
  });

  it('refuses a file that is not a StreetDesk backup', async () => {
    const { core, session } = await testCore();
    const dir = core.services.backupDir;
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'streetdesk-20260101T000000000Z-manual.sqlite'), '这不是数据库');
    const env = await core.dispatch('system.restoreBackup', { name: 'streetdesk-20260101T000000000Z-manual.sqlite' }, session());
    expect(env).toMatchObject({ ok: false, error: { reason: 'BACKUP_INVALID' } });
  });

  it('rotates to 7 daily and 4 weekly routine backups, keeping safety copies apart', () => {
    const dir = tempDir();
    // The smallest whole SQLite file: a header saying one page of 512 bytes.
    const page = Buffer.alloc(512);
    page.write('SQLite format 3\0', 'latin1');
    page.writeUInt16BE(512, 16);
    page.writeUInt32BE(1, 28);
    const touch = (iso: string, reason: string) =>
      fs.writeFileSync(path.join(dir, `streetdesk-${iso.replace(/[-:]/g, '').replace('.', '')}-${reason}.sqlite`), page);
    // 60 days of two backups a day, from 2026-09-01.
    for (let d = 0; d < 60; d++) {
      const day = new Date(Date.UTC(2026, 8, 1 + d, 1)).toISOString();
      touch(day, 'auto');
      touch(day.replace('T01', 'T09'), 'manual');
    }
    for (let i = 0; i < 8; i++) touch(new Date(Date.UTC(2026, 5, 1 + i)).toISOString(), 'pre-migration');
    rotateBackups(dir);
    const left = listBackups(dir);
    const routine = left.filter((b) => b.reason === 'auto' || b.reason === 'manual');
    expect(routine).toHaveLength(12);
    // Both of the newest day, then the newest of each of the 6 days before…
    expect(routine.slice(0, 8).map((b) => b.takenAt.slice(0, 13))).toEqual(
      ['2026-10-30T09', '2026-10-30T01', ...[29, 28, 27, 26, 25, 24].map((d) => `2026-10-${d}T09`)],
    );
    // …then one per week before those.
    const weeks = routine.slice(8).map((b) => b.takenAt.slice(0, 10));
    expect(new Set(weeks).size).toBe(4);
    expect(left.filter((b) => b.reason === 'pre-migration')).toHaveLength(5);
  });
});
