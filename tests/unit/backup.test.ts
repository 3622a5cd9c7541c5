import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backedUpToday, listBackups, rotateBackups } from '../../db/backup';
import { createCore } from '../../main/core';
import { quietLog, tempDir, testCore } from './helpers';

describe('backups', () => {
  it('takes the automatic backup once a day at start', async () => {
    const dir = tempDir();
    (await createCore({ dataDir: dir, log: quietLog })).close();
    (await createCore({ dataDir: dir, log: quietLog })).close();
    const backups = listBackups(path.join(dir, 'backups'));
    expect(backups.map((b) => b.reason)).toEqual(['auto']);
    expect(backedUpToday(path.join(dir, 'backups'))).toBe(true);
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

  it('refuses a damaged backup and changes nothing', async () => {
    const { call, core } = await testCore();
    await call('party.createPlace', { kind: 'community', name: '现有社区' });
    const backup = await call('system.backupNow', {});
    // Corrupt the middle of the file, as a bad USB stick would.
    const fd = fs.openSync(backup.file, 'r+');
    fs.writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, 4096);
    fs.closeSync(fd);
    const env = await core.dispatch('system.restoreBackup', { name: backup.name });
    expect(env).toMatchObject({ ok: false, error: { code: 'DOMAIN', reason: 'BACKUP_INVALID' } });
    if (!env.ok) expect(env.error.message).toMatch(/损坏|不是/);
    expect((await call('party.listPlaces', {})).map((p) => p.name)).toEqual(['现有社区']);
  });

  it('refuses a file that is not a StreetDesk backup', async () => {
    const { core } = await testCore();
    const dir = core.services.backupDir;
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'streetdesk-20260101T000000000Z-manual.sqlite'), '这不是数据库');
    const env = await core.dispatch('system.restoreBackup', { name: 'streetdesk-20260101T000000000Z-manual.sqlite' });
    expect(env).toMatchObject({ ok: false, error: { reason: 'BACKUP_INVALID' } });
  });

  it('rotates to 7 daily and 4 weekly routine backups, keeping safety copies apart', () => {
    const dir = tempDir();
    const touch = (iso: string, reason: string) =>
      fs.writeFileSync(path.join(dir, `streetdesk-${iso.replace(/[-:]/g, '').replace('.', '')}-${reason}.sqlite`), 'x');
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
