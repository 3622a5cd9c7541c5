import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY_FILE_NAME } from '../../db/keys/key-file';
import { DB_FILE_NAME } from '../../main/core';
import { partyFixture } from './party-fixture';
import { TEST_PASSWORD, testCore, today } from './helpers';

// Encryption at rest (issue 13), through the core as the transports call it: setup encrypts, a restarted core is
// sealed until a sign-in (or the recovery code) unwraps the data key, and every password set rewraps it.
const holds = (file: string, text: string) => fs.readFileSync(file).includes(Buffer.from(text));
const NEW_PASSWORD = 'neue-pass-2027';

async function encryptedWithMember() {
  const t = await partyFixture({ encrypted: true });
  const m = await t.member('阮烨华');
  const full = await t.call('party.revealMember', { id: m.id, field: 'idNumber', reason: '核对身份' });
  return { ...t, idNumber: full.value };
}

/** The same folder started again (the first core closed): what a restart of the app does. */
async function restart(t: { core: { close(): void }; dir: string }) {
  t.core.close();
  return testCore({ dataDir: t.dir, setUp: false, encrypted: true });
}

describe('an encrypted installation', () => {
  it('keeps no member name or ID number in the data file, its WAL, a backup or the key file; setup shows a recovery code', async () => {
    const t = await encryptedWithMember();
    expect(t.recoveryCode()).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);
    expect((await t.call('system.getStatus', {})).encrypted).toBe(true);
    const backup = await t.call('system.backupNow', {});
    const dbFile = path.join(t.dir, DB_FILE_NAME);
    const files = [dbFile, `${dbFile}-wal`, backup.file, path.join(t.dir, KEY_FILE_NAME)];
    for (const f of files) expect(fs.existsSync(f)).toBe(true);
    for (const f of files) expect({ f, name: holds(f, '阮烨华'), id: holds(f, t.idNumber) }).toEqual({ f, name: false, id: false });
    expect(holds(path.join(t.dir, KEY_FILE_NAME), t.recoveryCode()!)).toBe(false);
    // Nor who keeps it: the administrator's name is not in the key file, only a tag of it.
    expect(holds(path.join(t.dir, KEY_FILE_NAME), '王芳')).toBe(false);
    expect((await t.call('system.listBackups', {})).map((b) => b.name)).toContain(backup.name);
  });

  it('rewrites a key file of the first format, which named the accounts, without the names; the same password still opens it', async () => {
    const t = await encryptedWithMember();
    t.core.close();
    const keyFile = path.join(t.dir, KEY_FILE_NAME);
    const current = JSON.parse(fs.readFileSync(keyFile, 'utf8')) as { nameSalt?: string; accounts: Record<string, { nameTag?: string; name?: string }> };
    // The first format, as installations encrypted before it wrote it: the name in clear beside each wrap.
    delete current.nameSalt;
    for (const wrap of Object.values(current.accounts)) {
      delete wrap.nameTag;
      wrap.name = '王芳';
    }
    fs.writeFileSync(keyFile, JSON.stringify({ ...current, format: 1 }));
    const again = await testCore({ dataDir: t.dir, setUp: false, encrypted: true });
    expect(JSON.parse(fs.readFileSync(keyFile, 'utf8'))).toMatchObject({ format: 2, nameSalt: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown });
    expect(holds(keyFile, '王芳')).toBe(false);
    await again.call('system.signIn', { name: '王芳', password: TEST_PASSWORD });
    expect((await again.call('party.listMembers', {})).rows.map((r) => r.name)).toContain('阮烨华');
  });

  it('starts sealed: only the status and sign-in answer; a wrong password is refused and delayed, the right one opens the data', async () => {
    const t = await encryptedWithMember();
    const again = await restart(t);
    const status = await again.callAs(undefined, 'system.getStatus', {});
    expect(status).toMatchObject({ installation: null, sealed: { unitName: '西里街道' }, encrypted: true });
    expect(await again.attempt('party.listMembers', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('请先登录') as unknown } });
    for (let i = 0; i < 3; i++) {
      expect(await again.attempt('system.signIn', { name: '王芳', password: 'wrong-password' })).toMatchObject({
        ok: false, error: { reason: 'SIGN_IN_FAILED', fields: [{ path: 'password', message: '账号或密码不正确' }] },
      });
    }
    expect(await again.attempt('system.signIn', { name: '王芳', password: TEST_PASSWORD })).toMatchObject({ ok: false, error: { reason: 'SIGN_IN_DELAYED' } });
    expect(await again.attempt('system.signIn', { name: '没有这个人', password: TEST_PASSWORD })).toMatchObject({ ok: false, error: { reason: 'SIGN_IN_FAILED' } });
    expect((await again.callAs(undefined, 'system.getStatus', {})).sealed).not.toBeNull();
  });

  it('opens for the right password after a restart, with every record there', async () => {
    const t = await encryptedWithMember();
    const again = await restart(t);
    await again.call('system.signIn', { name: '王芳', password: TEST_PASSWORD });
    expect((await again.call('party.listMembers', {})).rows.map((r) => r.name)).toEqual(['阮烨华']);
    expect((await again.call('system.getStatus', {})).sealed).toBeNull();
  });

  it('rewraps for a new account, a reset and a disabled one: each password opens the data after a restart, or no longer does', async () => {
    const t = await encryptedWithMember();
    await t.signInAs('entry', '李强');
    const reviewer = await t.call('system.createAccount', { name: '张敏', role: 'reviewer', password: 'first-pass-1', confirm: 'first-pass-1' });
    await t.call('system.resetPassword', { id: reviewer.id, password: 'reset-pass-2', confirm: 'reset-pass-2' });
    const readonly = await t.call('system.createAccount', { name: '赵六', role: 'readonly', password: 'first-pass-1', confirm: 'first-pass-1' });
    await t.call('system.setAccountDisabled', { id: readonly.id, disabled: true });
    for (const [name, password, opens] of [['李强', TEST_PASSWORD, true], ['张敏', 'reset-pass-2', true], ['张敏', 'first-pass-1', false], ['赵六', 'first-pass-1', false]] as const) {
      const again = await restart(t);
      const answer = await again.attempt('system.signIn', { name, password });
      expect({ name, password, opened: (await again.callAs(undefined, 'system.getStatus', {})).sealed === null }).toEqual({ name, password, opened: opens });
      if (opens) expect(answer.ok).toBe(true);
      Object.assign(t, { core: again.core });
    }
  });

  it('recovers with the code when every password is lost: the data opens and the administrator chooses a new password', async () => {
    const t = await encryptedWithMember();
    const code = t.recoveryCode()!;
    const again = await restart(t);
    expect(await again.attempt('system.recover', { code: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE', name: '王芳', password: NEW_PASSWORD, confirm: NEW_PASSWORD })).toMatchObject({
      ok: false, error: { reason: 'RECOVERY_CODE_WRONG', fields: [{ path: 'code' }] },
    });
    // Typed back from the paper: lower case, without the dashes.
    await again.call('system.recover', { code: code.toLowerCase().replace(/-/g, ''), name: '王芳', password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect((await again.call('party.listMembers', {})).rows.map((r) => r.name)).toEqual(['阮烨华']);
    const audit = await again.call('system.listAudit', { entity: 'account' });
    expect(audit.rows.map((r) => r.action)).toContain('recover');
    const third = await restart(again);
    expect(await third.attempt('system.signIn', { name: '王芳', password: TEST_PASSWORD })).toMatchObject({ ok: false });
    await third.call('system.signIn', { name: '王芳', password: NEW_PASSWORD });
    expect((await third.call('party.listMembers', {})).total).toBe(1);
  });

  it('exports from a snapshot of the encrypted file (an export reads it through a connection of its own)', async () => {
    const t = await encryptedWithMember();
    const out = await t.call('submission.exportRegister', { register: 'party.members', level: 'street', period: today().slice(0, 7) });
    expect(out.rows).toBe(1);
  });

  it('restores an encrypted backup: the data as it was, still encrypted', async () => {
    const t = await encryptedWithMember();
    const backup = await t.call('system.backupNow', {});
    await t.member('祁懿');
    expect((await t.call('party.listMembers', {})).total).toBe(2);
    await t.call('system.restoreBackup', { name: backup.name });
    expect((await t.call('party.listMembers', {})).rows.map((r) => r.name)).toEqual(['阮烨华']);
    expect(holds(path.join(t.dir, DB_FILE_NAME), '阮烨华')).toBe(false);
  });

  it('refuses, in Chinese, a data key that does not open the file (another installation’s key file), changing nothing', async () => {
    const a = await encryptedWithMember();
    const b = await testCore({ encrypted: true });
    b.core.close();
    a.core.close();
    fs.copyFileSync(path.join(b.dir, KEY_FILE_NAME), path.join(a.dir, KEY_FILE_NAME));
    const before = fs.readFileSync(path.join(a.dir, DB_FILE_NAME));
    const again = await testCore({ dataDir: a.dir, setUp: false, encrypted: true });
    expect(await again.attempt('system.signIn', { name: '王芳', password: TEST_PASSWORD })).toMatchObject({
      ok: false, error: { code: 'DOMAIN', message: expect.stringContaining('无法用本机保存的数据密钥解密') as unknown },
    });
    expect(fs.readFileSync(path.join(a.dir, DB_FILE_NAME)).equals(before)).toBe(true);
  });
});
