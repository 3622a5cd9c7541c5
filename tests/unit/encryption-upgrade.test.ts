import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkBackup, listBackups } from '../../db/backup';
import { fileChecksums, isPlainSqlite } from '../../db/keys/encrypt-file';
import { KEY_FILE_NAME, readKeyFile, RECOVERY_PURPOSE, unwrapKey } from '../../db/keys/key-file';
import { DB_FILE_NAME } from '../../main/core';
import { partyFixture } from './party-fixture';
import { TEST_PASSWORD, testCore } from './helpers';

// Issue 13: an installation from before encryption is encrypted at its administrator's first sign-in after the
// upgrade, keeping every row (table checksums before and after), its old backups encrypted too, nothing plain left.
const holds = (file: string, text: string) => fs.readFileSync(file).includes(Buffer.from(text));
const modeOf = (f: string) => fs.statSync(f).mode & 0o777;

describe('upgrading a plain installation', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('is encrypted at the administrator’s first sign-in: every row kept, old backups encrypted, no plain copy left', async () => {
    const t = await partyFixture(); // plain, as every installation before this version
    for (const name of ['阮烨华', '祁懿', '牟巍']) await t.member(name);
    await t.signInAs('entry', '李强');
    await t.call('system.backupNow', {});
    const dbFile = path.join(t.dir, DB_FILE_NAME);
    t.core.close();
    expect(holds(dbFile, '阮烨华')).toBe(true); // the control: plain, the name is there to find
    const before = fileChecksums(dbFile);

    const upgraded = await testCore({ dataDir: t.dir, setUp: false, encrypted: true });
    expect(await upgraded.callAs(undefined, 'system.getStatus', {})).toMatchObject({ encrypted: false, sealed: null });
    // Not an administrator: nothing is encrypted, and no recovery code is shown to a clerk.
    expect((await upgraded.call('system.signIn', { name: '李强', password: TEST_PASSWORD })).recoveryCode).toBeUndefined();
    expect((await upgraded.callAs(undefined, 'system.getStatus', {})).encrypted).toBe(false);
    const signIn = await upgraded.call('system.signIn', { name: '王芳', password: TEST_PASSWORD });
    expect(signIn.recoveryCode).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);
    expect((await upgraded.call('system.getStatus', {})).encrypted).toBe(true);
    expect((await upgraded.call('party.listMembers', {})).total).toBe(3);
    upgraded.core.close();

    const key = unwrapKey(readKeyFile(t.dir)!.recovery, signIn.recoveryCode!, RECOVERY_PURPOSE)!;
    const after = fileChecksums(dbFile, key);
    // Every table as it was, but those the two sign-ins since wrote to: the accounts, the audit log, its chain head
    // and its search index (audit_search and the tables FTS5 keeps it in).
    const signIns = ['accounts', 'audit_log', 'ledger_heads'];
    const written = (table: string) => signIns.includes(table) || table.startsWith('audit_search');
    const unchanged = (sums: Record<string, string>) => Object.fromEntries(Object.entries(sums).filter(([table]) => !written(table)));
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    expect(unchanged(after)).toEqual(unchanged(before));
    expect(Number(after.audit_log!.split(':')[0])).toBeGreaterThan(Number(before.audit_log!.split(':')[0]));

    expect(isPlainSqlite(dbFile)).toBe(false);
    expect(holds(dbFile, '阮烨华')).toBe(false);
    expect(fs.readdirSync(t.dir).filter((f) => f.includes('plain') || f.endsWith('.encrypting'))).toEqual([]);
    const backups = listBackups(path.join(t.dir, 'backups'));
    expect(backups.length).toBeGreaterThanOrEqual(2); // the one from before, and the one checked after encrypting
    for (const b of backups) {
      expect({ b: b.name, plain: isPlainSqlite(b.file), name: holds(b.file, '阮烨华') }).toEqual({ b: b.name, plain: false, name: false });
      expect(() => checkBackup(b.file, key)).not.toThrow();
    }
  });

  it('reports each phase of the encryption while the sign-in runs, answered beside the request it reports on', async () => {
    const t = await partyFixture();
    await t.member('阮烨华');
    t.core.close();
    const upgraded = await testCore({ dataDir: t.dir, setUp: false, encrypted: true });
    expect(await upgraded.attempt('system.getEncryptionProgress', {})).toEqual({ ok: true, data: null });
    let settled = false;
    const signIn = upgraded.attempt('system.signIn', { name: '王芳', password: TEST_PASSWORD }).finally(() => (settled = true));
    const seen: string[] = [];
    while (!settled) {
      const env = await upgraded.attempt('system.getEncryptionProgress', {});
      const label = (env as { data: { label: string } | null }).data?.label;
      if (label && seen.at(-1) !== label) seen.push(label);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await signIn).toMatchObject({ ok: true });
    // Every phase was seen while it ran (each lets the event loop through), in order; then the end.
    expect(seen).toEqual(['复制数据文件', '加密副本并逐表核对', '换用加密的数据文件', '备份并检查加密的数据', '加密以前的备份']);
    expect(await upgraded.attempt('system.getEncryptionProgress', {})).toMatchObject({ data: { step: 5, total: 5, done: true } });
  });

  it.runIf(process.platform !== 'win32')('keeps the data folder, the data file, backups and the key file owner-only (0700 / 0600)', async () => {
    const t = await testCore({ encrypted: true });
    const backup = await t.call('system.backupNow', {});
    expect(modeOf(t.dir)).toBe(0o700);
    expect(modeOf(path.join(t.dir, 'backups'))).toBe(0o700);
    for (const f of [DB_FILE_NAME, `${DB_FILE_NAME}-wal`, KEY_FILE_NAME].map((n) => path.join(t.dir, n)).concat(backup.file)) {
      expect({ f, mode: modeOf(f).toString(8) }).toEqual({ f, mode: '600' });
    }
  });

  it('is refused in Chinese at start on the node:sqlite fallback, which cannot decrypt, without touching the file', async () => {
    const t = await testCore({ encrypted: true });
    t.core.close();
    const dbFile = path.join(t.dir, DB_FILE_NAME);
    const bytes = fs.readFileSync(dbFile);
    vi.stubEnv('STREETDESK_SQLITE_DRIVER', 'fallback');
    vi.resetModules();
    const onFallback = await import('../../main/core');
    await expect(onFallback.createCore({ dataDir: t.dir, autoBackup: false })).rejects.toThrow(/数据文件已加密，但本机的 StreetDesk 只能使用备用数据库引擎/);
    expect(fs.readFileSync(dbFile).equals(bytes)).toBe(true);
  });

  it('stays plain on the fallback driver, which cannot encrypt: setup works and says the data is not encrypted', async () => {
    vi.stubEnv('STREETDESK_SQLITE_DRIVER', 'fallback');
    vi.resetModules();
    const { createCore } = await import('../../main/core');
    const { tempDir, setupInput, quietLog } = await import('./helpers');
    const dir = tempDir();
    const core = await createCore({ dataDir: dir, autoBackup: false, log: quietLog });
    try {
      const setup = await core.dispatch('system.setup', setupInput('community'));
      expect(setup).toMatchObject({ ok: true });
      expect((setup as { data: { session: { recoveryCode?: string } } }).data.session.recoveryCode).toBeUndefined();
      expect(isPlainSqlite(path.join(dir, DB_FILE_NAME))).toBe(true);
    } finally {
      core.close();
    }
  });
});
