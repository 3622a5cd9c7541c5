import { describe, expect, it } from 'vitest';
import { manualClock } from '../../main/clock';
import { COMMITTEE_PIN, COMPANY_PIN, fundFixture } from './fund-fixture';
import { FIXED_NOW } from './helpers';

/**
 * The limit on wrong signing PINs (main/api/fund/handlers/pin-limit.ts): counted although each refusal rolls its
 * request back, a lock that grows, shown in the installation's time, reset by the right PIN; on the injected clock.
 */

const MINUTE = 60_000;

async function setUp() {
  const clock = manualClock(FIXED_NOW); // 2026-12-01T20:00Z: 2026-12-02 04:00 in Beijing
  const t = await fundFixture({ clock });
  const d = await t.draft('80.00', '2026-04-01');
  const sign = (pin: string) => t.attempt('fund.signOff', { entryId: d.entry.id, signatoryId: t.company.id, pin });
  const signer = async () => (await t.call('fund.getAccount', { id: t.account.id })).signatories.find((s) => s.id === t.company.id)!;
  return { ...t, clock, d, sign, signer };
}

describe('wrong signing PINs', () => {
  it('lock the signer after five in a row, until a time shown in Beijing time; the right PIN then waits too', async () => {
    const { sign, signer, call, d } = await setUp();
    for (let left = 4; left >= 1; left--) {
      expect(await sign('000000')).toMatchObject({ ok: false, error: { reason: 'WRONG_PIN', fields: [{ path: 'pin', message: `签字密码不正确，还可再试 ${left} 次` }] } });
    }
    expect(await signer()).toMatchObject({ wrongPins: 4, lockedUntil: null });
    expect(await sign('000000')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', reason: 'SIGNER_LOCKED', message: '刘经理连续输错签字密码 5 次以上，已锁定至 2026-12-02 04:05，请到时再试' },
    });
    expect(await signer()).toMatchObject({ wrongPins: 5, lockedUntil: '2026-12-01T20:05:00.000Z' });
    // Locked: not even the right PIN is tried, and nothing more is counted.
    expect(await sign(COMPANY_PIN)).toMatchObject({ ok: false, error: { reason: 'SIGNER_LOCKED' } });
    expect((await signer()).wrongPins).toBe(5);
    expect((await call('fund.getEntry', { id: d.entry.id })).signoffs).toEqual([]);
  });

  it('lock longer each time after the first lock ends, and the right PIN resets the count', async () => {
    const { sign, signer, clock } = await setUp();
    for (let i = 0; i < 5; i++) await sign('000000');
    clock.advance(5 * MINUTE);
    expect(await sign('111111')).toMatchObject({ ok: false, error: { reason: 'SIGNER_LOCKED', message: expect.stringContaining('已锁定至 2026-12-02 04:15') } });
    clock.advance(10 * MINUTE);
    expect(await sign('222222')).toMatchObject({ ok: false, error: { reason: 'SIGNER_LOCKED', message: expect.stringContaining('已锁定至 2026-12-02 04:35') } });
    clock.advance(20 * MINUTE);
    expect(await sign(COMPANY_PIN)).toMatchObject({ ok: true });
    expect(await signer()).toMatchObject({ wrongPins: 0, lockedUntil: null });
  });

  it('count a wrong current PIN when changing a PIN too, and are audited without the PIN', async () => {
    const { attempt, call, committee, signer, sign } = await setUp();
    for (let i = 0; i < 4; i++) {
      expect(await attempt('fund.setSignatoryPin', { signatoryId: committee.id, pin: '246802', currentPin: '999999' })).toMatchObject({ ok: false, error: { reason: 'WRONG_PIN' } });
    }
    expect(await attempt('fund.setSignatoryPin', { signatoryId: committee.id, pin: '246802', currentPin: '999999' })).toMatchObject({ ok: false, error: { reason: 'SIGNER_LOCKED' } });
    expect(await attempt('fund.setSignatoryPin', { signatoryId: committee.id, pin: '246802', currentPin: COMMITTEE_PIN })).toMatchObject({ ok: false, error: { reason: 'SIGNER_LOCKED' } });
    await sign('000000');
    expect((await signer()).wrongPins).toBe(1);
    const audit = (await call('system.listAudit', { limit: 100 })).rows.filter((r) => r.action === 'wrong_pin');
    expect(audit).toHaveLength(6);
    expect(JSON.parse(audit[0]!.after!)).toEqual({ name: '刘经理', wrongPins: 1, lockedUntil: null });
    expect(JSON.stringify(audit)).not.toMatch(/999999|000000|246802/);
  });

  it('can be lifted by an administrator before the lock ends, with the reason audited; not by a clerk, not when not locked', async () => {
    const { sign, signer, call, attempt, core, signInAs, company, d } = await setUp();
    expect(await attempt('fund.unlockSignatory', { signatoryId: company.id, reason: '本人已想起密码' })).toMatchObject({ ok: false, error: { reason: 'NOT_LOCKED' } });
    for (let i = 0; i < 5; i++) await sign('000000');
    expect((await signer()).lockedUntil).not.toBeNull();

    const clerk = await signInAs('entry'); // 录入员
    expect(await core.dispatch('fund.unlockSignatory', { signatoryId: company.id, reason: '本人在场' }, clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await attempt('fund.unlockSignatory', { signatoryId: company.id, reason: ' ' })).toMatchObject({ ok: false, error: { fields: [{ path: 'reason' }] } });
    expect((await signer()).lockedUntil).not.toBeNull();

    expect(await call('fund.unlockSignatory', { signatoryId: company.id, reason: '本人在场，已想起密码' })).toMatchObject({ wrongPins: 0, lockedUntil: null });
    expect(await sign(COMPANY_PIN)).toMatchObject({ ok: true }); // at once, not after the lock's end
    expect((await call('fund.getEntry', { id: d.entry.id })).signoffs).toHaveLength(1);
    const [unlocked] = (await call('system.listAudit', { limit: 100 })).rows.filter((r) => r.action === 'unlock_signer');
    expect(JSON.parse(unlocked!.before!)).toMatchObject({ name: '刘经理', wrongPins: 5, lockedUntil: '2026-12-01T20:05:00.000Z' });
    expect(JSON.parse(unlocked!.after!)).toMatchObject({ wrongPins: 0, lockedUntil: null, reason: '本人在场，已想起密码' });
    expect(unlocked!.operator).toBe('王芳');
  });
});
