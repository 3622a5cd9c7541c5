import { describe, expect, it } from 'vitest';
import { partyFixture } from './party-fixture';
import { TEST_PASSWORD, testCore, today } from './helpers';

// The lock (issue 13): a locked or signed-out core closes its encrypted data file and wipes the key from memory, so
// nothing of the data can be read until a password is given again; a window opened afresh shows the lock.
async function lockedEncrypted() {
  const t = await partyFixture({ encrypted: true });
  await t.member('阮烨华');
  return t;
}

async function lastAudit(t: Awaited<ReturnType<typeof testCore>>, action: string) {
  const row = (await t.call('system.listAudit', { entity: 'account', action })).rows[0]!;
  return { operator: row.operator, after: row.after ? (JSON.parse(row.after) as unknown) : null };
}

describe('the lock of an encrypted installation', () => {
  it('closes the data file and wipes the key: data channels are refused until the password is given, which reopens it', async () => {
    const t = await lockedEncrypted();
    expect(t.core.services.keys.key()).not.toBeNull();
    const locked = t.session();
    await t.call('system.signOut', { reason: 'lock' });

    expect(t.core.services.keys.key()).toBeNull();
    expect(await t.core.dispatch('party.listMembers', {}, locked)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', reason: 'LOCKED' } });
    expect(await t.core.dispatch('party.listMembers', {}, undefined)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('数据文件已加密') as unknown } });
    expect(await t.callAs(undefined, 'system.getStatus', {})).toMatchObject({ installation: null, sealed: { unitName: '西里街道' }, locked: { name: '王芳' } });
    expect(await t.attempt('system.signIn', { name: '王芳', password: 'wrong-password' })).toMatchObject({ ok: false, error: { reason: 'SIGN_IN_FAILED' } });
    expect(t.core.services.keys.key()).toBeNull();

    await t.call('system.signIn', { name: '王芳', password: TEST_PASSWORD });
    expect(t.core.services.keys.key()).not.toBeNull();
    expect((await t.call('party.listMembers', {})).rows.map((r) => r.name)).toEqual(['阮烨华']);
    expect(await t.core.dispatch('party.listMembers', {}, locked)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await t.call('system.getStatus', {})).toMatchObject({ sealed: null, locked: null });
    expect(await lastAudit(t, 'unlock')).toMatchObject({ operator: '王芳' });
    expect(await lastAudit(t, 'lock')).toMatchObject({ operator: '王芳' });
  });

  it('closes the data at the last sign-out, not while another account is still signed in', async () => {
    const t = await lockedEncrypted();
    const clerk = await t.signInAs('entry', '李强');
    await t.call('system.signOut', { reason: 'logout' });
    expect(t.core.services.keys.key()).not.toBeNull();
    expect((await t.callAs(clerk, 'party.listMembers', {})).total).toBe(1);
    await t.callAs(clerk, 'system.signOut', { reason: 'logout' });
    expect(t.core.services.keys.key()).toBeNull();
    expect(await t.core.dispatch('party.listMembers', {}, clerk)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect((await t.callAs(undefined, 'system.getStatus', {})).locked).toBeNull();
  });

  it('lets a job already under way finish before closing: an export started before the lock is written and recorded', async () => {
    const t = await lockedEncrypted();
    // The export lets the event loop through between its phases, so the lock arrives while it runs.
    const exported = t.attempt('submission.exportRegister', { register: 'party.members', level: 'street', period: today().slice(0, 7) });
    const lock = t.attempt('system.signOut', { reason: 'lock' });
    expect(await exported).toMatchObject({ ok: true, data: { rows: 1 } });
    expect(await lock).toMatchObject({ ok: true });
    expect(t.core.services.keys.key()).toBeNull();
    await t.call('system.signIn', { name: '王芳', password: TEST_PASSWORD });
    expect((await t.call('submission.listLog', {})).rows).toHaveLength(1);
  });
});

describe('a locked session', () => {
  it('is shown to a window opened afresh, and ended by another account signing in (audited as switching account)', async () => {
    const t = await testCore();
    const clerk = await t.signInAs('entry', '李强');
    await t.callAs(clerk, 'system.signOut', { reason: 'lock' });
    await t.call('system.signOut', { reason: 'logout' });
    expect(await t.callAs(undefined, 'system.getStatus', {})).toMatchObject({ account: null, locked: { name: '李强' } });
    expect(await t.core.dispatch('party.listMembers', {}, clerk)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', reason: 'LOCKED' } });

    await t.call('system.signIn', { name: '王芳', password: TEST_PASSWORD });
    expect((await t.callAs(undefined, 'system.getStatus', {})).locked).toBeNull();
    expect(await t.core.dispatch('party.listMembers', {}, clerk)).toMatchObject({ ok: false, error: { reason: 'SIGN_IN' } });
    expect(await lastAudit(t, 'sign_out')).toMatchObject({ operator: '李强', after: { reason: '切换账号', nextAccount: '王芳' } });
  });
});
