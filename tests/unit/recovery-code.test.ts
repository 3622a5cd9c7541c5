import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, testCore } from './helpers';

// The recovery code (issue 13): kept by the core until an administrator confirms having written it down, so a
// reload shows it again; made anew by an administrator with the password, after which the old code opens nothing.
const NEW_PASSWORD = 'neue-pass-2027';

async function restarted(t: Awaited<ReturnType<typeof testCore>>) {
  t.core.close();
  return testCore({ dataDir: t.dir, setUp: false, encrypted: true });
}

describe('the recovery code', () => {
  it('is shown to administrators by the status until confirmed written down, never to other roles', async () => {
    const t = await testCore({ encrypted: true });
    const code = t.recoveryCode()!;
    expect((await t.call('system.getStatus', {})).recoveryCode).toBe(code);
    expect((await t.call('system.getStatus', {})).recoveryCode).toBe(code); // a reload asks again
    const clerk = await t.signInAs('entry', '李强');
    expect((await t.callAs(clerk, 'system.getStatus', {})).recoveryCode).toBeNull();
    expect(await t.core.dispatch('system.confirmRecoveryCode', {}, clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    await t.call('system.confirmRecoveryCode', {});
    expect((await t.call('system.getStatus', {})).recoveryCode).toBeNull();
    const audit = await t.call('system.listAudit', { action: 'recovery_code_written' });
    expect(audit.rows.map((r) => r.operator)).toEqual(['王芳']);
  });

  it('is made anew only with the administrator’s password; the old code stops opening the data, the new one opens it', async () => {
    const t = await testCore({ encrypted: true });
    const old = t.recoveryCode()!;
    await t.call('system.confirmRecoveryCode', {});
    expect(await t.attempt('system.renewRecoveryCode', { password: 'not-my-password' })).toMatchObject({
      ok: false, error: { reason: 'WRONG_PASSWORD', fields: [{ path: 'password', message: '密码不正确' }] },
    });
    const clerk = await t.signInAs('entry', '李强');
    expect(await t.core.dispatch('system.renewRecoveryCode', { password: TEST_PASSWORD }, clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const { recoveryCode } = await t.call('system.renewRecoveryCode', { password: TEST_PASSWORD });
    expect(recoveryCode).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);
    expect(recoveryCode).not.toBe(old);
    expect((await t.call('system.getStatus', {})).recoveryCode).toBe(recoveryCode);
    expect((await t.call('system.listAudit', { action: 'renew_recovery_code' })).rows.map((r) => r.operator)).toEqual(['王芳']);

    const again = await restarted(t);
    const recover = (code: string) => again.attempt('system.recover', { code, name: '王芳', password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(await recover(old)).toMatchObject({ ok: false, error: { reason: 'RECOVERY_CODE_WRONG' } });
    expect(await recover(recoveryCode)).toMatchObject({ ok: true });
  });

  it('is not kept once the lock closed the data (it opens the data as the key does)', async () => {
    const t = await testCore({ encrypted: true });
    await t.call('system.signOut', { reason: 'lock' });
    await t.call('system.signIn', { name: '王芳', password: TEST_PASSWORD });
    expect((await t.call('system.getStatus', {})).recoveryCode).toBeNull();
  });
});
