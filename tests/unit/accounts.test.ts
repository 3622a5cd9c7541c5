import { describe, expect, it } from 'vitest';
import { connect } from '../../db/driver';
import { passwordMatches } from '../../db/accounts/password';
import { accounts as accountsMigration } from '../../db/migrations/021_accounts';
import { manualClock } from '../../main/clock';
import { setupInput, TEST_NOW, TEST_PASSWORD, testCore } from './helpers';
import { rewriteAsVersion } from './upgrade-fixture';

const reasonOf = (env: { ok: boolean; error?: { reason?: string; message: string } }) => (env.ok ? 'ok' : env.error!.reason);

describe('accounts', () => {
  it('first start creates the administrator, signed in at once; the password is kept only as a salted scrypt hash', async () => {
    const { core, call, session } = await testCore({ setUp: false });
    await expect(call('system.setup', { ...setupInput('street'), password: 'short', confirm: 'short' })).rejects.toThrow('密码至少 8 位');
    await expect(call('system.setup', { ...setupInput('street'), confirm: 'something-else' })).rejects.toThrow('两次输入的密码不一致');
    const done = await call('system.setup', setupInput('street'));
    expect(done.session.account).toMatchObject({ name: '王芳', role: 'admin', mustChangePassword: false });
    expect(session()).toBe(done.session.token);
    expect(await call('system.getStatus', {})).toMatchObject({ account: { name: '王芳', role: 'admin' }, firstPasswordFor: null, lockMinutes: 10 });
    // Neither the password nor the confirmation is stored with the unit.
    expect(JSON.stringify(done.installation)).not.toContain(TEST_PASSWORD);
    const db = connect(core.services.dbFile, { readonly: true });
    const row = db.prepare('SELECT password_hash AS h FROM accounts').get() as { h: string };
    const settings = db.prepare('SELECT group_concat(value) AS v FROM settings').get() as { v: string };
    db.close();
    expect(row.h).toMatch(/^scrypt\$32768\$8\$1\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect(passwordMatches(TEST_PASSWORD, row.h)).toBe(true);
    expect(settings.v).not.toContain(TEST_PASSWORD);
    expect(await core.dispatch('system.setup', setupInput('street'))).toMatchObject({ ok: false, error: { reason: 'ALREADY_SET_UP' } });
  });

  it('delays sign-in after wrong passwords, longer each time, on the request clock (no sleeping), and counts across the refusal', async () => {
    const clock = manualClock(TEST_NOW);
    const { core } = await testCore({ clock });
    const signIn = (password: string) => core.dispatch('system.signIn', { name: '王芳', password });
    expect(reasonOf(await signIn('wrong-1'))).toBe('SIGN_IN_FAILED');
    expect(reasonOf(await signIn('wrong-2'))).toBe('SIGN_IN_FAILED');
    const third = await signIn('wrong-3');
    expect(third).toMatchObject({ ok: false, error: { reason: 'SIGN_IN_FAILED', message: '账号或密码不正确。请在 5 秒后再试' } });
    // While it waits, even the right password is not checked.
    expect(await signIn(TEST_PASSWORD)).toMatchObject({ ok: false, error: { reason: 'SIGN_IN_DELAYED', message: expect.stringContaining('5 秒') } });
    clock.advance(5_000);
    expect(await signIn('wrong-4')).toMatchObject({ ok: false, error: { message: expect.stringContaining('10 秒') } });
    clock.advance(9_000);
    expect(reasonOf(await signIn(TEST_PASSWORD))).toBe('SIGN_IN_DELAYED');
    clock.advance(1_000);
    expect(await signIn(TEST_PASSWORD)).toMatchObject({ ok: true, data: { account: { name: '王芳' } } });
    // A success clears the count: the next wrong password costs nothing again.
    expect(await signIn('wrong-5')).toMatchObject({ ok: false, error: { message: '账号或密码不正确' } });
    // An unknown account is answered like a wrong password.
    expect(await core.dispatch('system.signIn', { name: '没有这个人', password: TEST_PASSWORD })).toMatchObject({ ok: false, error: { message: '账号或密码不正确' } });
  });

  it('lets an account change its own password, which ends its other sessions', async () => {
    const { core, call, callAs } = await testCore();
    const other = (await callAs(undefined, 'system.signIn', { name: '王芳', password: TEST_PASSWORD })).token;
    await expect(call('system.changePassword', { current: 'not-mine-1', password: 'new-password-1', confirm: 'new-password-1' })).rejects.toThrow('现在的密码不正确');
    await call('system.changePassword', { current: TEST_PASSWORD, password: 'new-password-1', confirm: 'new-password-1' });
    expect(await core.dispatch('party.orgChildren', {}, other)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await call('party.orgChildren', {})).toHaveLength(1);
    expect(reasonOf(await core.dispatch('system.signIn', { name: '王芳', password: TEST_PASSWORD }))).toBe('SIGN_IN_FAILED');
    expect(reasonOf(await core.dispatch('system.signIn', { name: '王芳', password: 'new-password-1' }))).toBe('ok');
  });

  it('an administrator creates accounts, resets a password (to be changed at sign-in) and disables an account', async () => {
    const { core, call, callAs } = await testCore();
    const li = await call('system.createAccount', { name: '李娜', role: 'entry', password: 'first-pass-1', confirm: 'first-pass-1' });
    expect(li).toMatchObject({ name: '李娜', role: 'entry', mustChangePassword: true, passwordSet: true });
    await expect(call('system.createAccount', { name: '李娜', role: 'readonly', password: 'first-pass-1', confirm: 'first-pass-1' })).rejects.toThrow('已有同名账号');
    const first = await callAs(undefined, 'system.signIn', { name: '李娜', password: 'first-pass-1' });
    expect(first.account.mustChangePassword).toBe(true);
    // Until she chooses her own password, only that is open to her.
    expect(await core.dispatch('party.orgChildren', {}, first.token)).toMatchObject({ ok: false, error: { reason: 'PASSWORD_CHANGE_REQUIRED' } });
    await callAs(first.token, 'system.changePassword', { current: 'first-pass-1', password: 'lina-own-pass', confirm: 'lina-own-pass' });
    expect(await callAs(first.token, 'party.orgChildren', {})).toHaveLength(1);

    await call('system.resetPassword', { id: li.id, password: 'reset-pass-1', confirm: 'reset-pass-1' });
    expect(await core.dispatch('party.orgChildren', {}, first.token)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const again = await callAs(undefined, 'system.signIn', { name: '李娜', password: 'reset-pass-1' });
    expect(again.account.mustChangePassword).toBe(true);

    await call('system.setAccountDisabled', { id: li.id, disabled: true });
    expect(await core.dispatch('party.orgChildren', {}, again.token)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(reasonOf(await core.dispatch('system.signIn', { name: '李娜', password: 'reset-pass-1' }))).toBe('SIGN_IN_FAILED');
    const me = (await call('system.listAccounts', {})).find((a) => a.name === '王芳')!;
    await expect(call('system.setAccountDisabled', { id: me.id, disabled: true })).rejects.toThrow('不能停用自己');
    await expect(call('system.setAccountRole', { id: me.id, role: 'entry' })).rejects.toThrow('唯一的管理员');
    const audit = await call('system.listAudit', { entity: 'account', entityId: li.id });
    expect(audit.rows.map((r) => [r.action, r.operator])).toEqual([
      ['disable', '王芳'], ['sign_in', '李娜'], ['reset_password', '王芳'], ['change_password', '李娜'], ['sign_in', '李娜'], ['create', '王芳'],
    ]);
    expect(JSON.stringify(audit.rows)).not.toMatch(/scrypt|pass-1/);
  });

  it('upgrades an installation from before accounts: its operator becomes the administrator, who sets a password at first open', async () => {
    const { core, dir } = await testCore();
    // As a file from before the accounts migration left it: an installation with an operator, no accounts.
    const db = connect(core.services.dbFile);
    db.exec(`UPDATE settings SET value = json_set(value, '$.operator', '张主任') WHERE key = 'installation'`);
    db.close();
    core.close();
    rewriteAsVersion(core.services.dbFile, accountsMigration.version - 1);
    const again = await testCore({ setUp: false, dataDir: dir });
    expect(await again.call('system.getStatus', {})).toMatchObject({ account: null, firstPasswordFor: '张主任' });
    expect(await again.core.dispatch('party.orgChildren', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await expect(again.call('system.setFirstPassword', { password: 'short', confirm: 'short' })).rejects.toThrow('密码至少 8 位');
    const session = await again.call('system.setFirstPassword', { password: 'zhang-pass-1', confirm: 'zhang-pass-1' });
    expect(session.account).toMatchObject({ name: '张主任', role: 'admin' });
    expect(await again.callAs(session.token, 'party.orgChildren', {})).toHaveLength(1);
    // Once set, the first password cannot be chosen again by whoever opens the app next.
    await expect(again.call('system.setFirstPassword', { password: 'someone-else', confirm: 'someone-else' })).rejects.toThrow('已设置密码');
  });
});
