import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newId } from '../../db/ids';
import { manualClock } from '../../main/clock';
import { feeAllocation, roundHalfUp } from '../../main/api/fund/split';
import { fundFixture } from './fund-fixture';

/** The seed's estate: ¥1.18/m²/month on 21,893 m², all of it to the fund — ¥25,833.74 a month, ≈ ¥310,000 a year. */
const SEED = { rateFen: 118, areaHundredths: 2_189_300, shareNum: 1, shareDen: 1 };

describe('the fee allocation in integers (half up, once per figure)', () => {
  it('rounds exactly half a fen up and just under half down', () => {
    expect([49n, 50n, 51n, 149n, 150n, 250n].map((n) => roundHalfUp(n, 100n))).toEqual([0n, 1n, 1n, 1n, 2n, 3n]);
    // ¥1.18 × 0.25 m² = 29.5 fen → 30; ¥0.01 × 0.49 m² = 0.49 fen → 0; ¥0.01 × 0.50 m² → 1.
    expect(feeAllocation({ rateFen: 118, areaHundredths: 25, shareNum: 1, shareDen: 1 })).toEqual({ feeFen: 30, amount: 30, companyFen: 0 });
    expect(feeAllocation({ rateFen: 1, areaHundredths: 49, shareNum: 1, shareDen: 1 })).toEqual({ feeFen: 0, amount: 0, companyFen: 0 });
    expect(feeAllocation({ rateFen: 1, areaHundredths: 50, shareNum: 1, shareDen: 1 })).toEqual({ feeFen: 1, amount: 1, companyFen: 0 });
    // A ¥1.00 fee: 1/8 is 12.5 fen → 13 (the company keeps 87); 3/8 is 37.5 → 38; 1/3 is 33.33… → 33.
    expect(feeAllocation({ rateFen: 100, areaHundredths: 100, shareNum: 1, shareDen: 8 })).toEqual({ feeFen: 100, amount: 13, companyFen: 87 });
    expect(feeAllocation({ rateFen: 100, areaHundredths: 100, shareNum: 3, shareDen: 8 })).toEqual({ feeFen: 100, amount: 38, companyFen: 62 });
    expect(feeAllocation({ rateFen: 100, areaHundredths: 100, shareNum: 1, shareDen: 3 })).toEqual({ feeFen: 100, amount: 33, companyFen: 67 });
    // The fund's part comes from the exact product, not from the rounded fee: 2.5 fen × 1/2 = 1.25 → 1 (from 3 fen it would be 2).
    expect(feeAllocation({ rateFen: 5, areaHundredths: 50, shareNum: 1, shareDen: 2 })).toEqual({ feeFen: 3, amount: 1, companyFen: 2 });
    // 0.5 fen × 1/1 exactly at the boundary, and one hundredth of a m² either side.
    expect(feeAllocation({ rateFen: 2, areaHundredths: 25, shareNum: 1, shareDen: 1 }).amount).toBe(1);
    expect(feeAllocation({ rateFen: 2, areaHundredths: 24, shareNum: 1, shareDen: 1 }).amount).toBe(0);
  });

  it("gives the seed's estate about ¥310,000 a year", () => {
    const month = feeAllocation(SEED);
    expect(month).toEqual({ feeFen: 2_583_374, amount: 2_583_374, companyFen: 0 });
    expect(month.amount * 12).toBe(31_000_488);
  });

  it('never loses or invents a fen: fund + company = the fee, each within half a fen of the exact value (fast-check)', () => {
    const terms = fc.record({
      rateFen: fc.integer({ min: 1, max: 100_000 }),
      areaHundredths: fc.integer({ min: 1, max: 10_000_000_000 }),
      shareDen: fc.integer({ min: 1, max: 10_000 }),
      shareSeed: fc.integer({ min: 1, max: 10_000 }),
    }).map(({ shareSeed, ...t }) => ({ ...t, shareNum: 1 + (shareSeed % t.shareDen) }));
    fc.assert(
      fc.property(terms, (t) => {
        const a = feeAllocation(t);
        const product = BigInt(t.rateFen) * BigInt(t.areaHundredths);
        expect(a.amount + a.companyFen).toBe(a.feeFen);
        expect(a.amount).toBeGreaterThanOrEqual(0);
        expect(a.companyFen).toBeGreaterThanOrEqual(0);
        expect(Number.isSafeInteger(a.feeFen)).toBe(true);
        // |fee − exact| ≤ ½ fen, and a half goes up: 2·(100·fee − p) ∈ (−100, 100].
        const feeErr = 2n * (100n * BigInt(a.feeFen) - product);
        expect(feeErr > -100n && feeErr <= 100n).toBe(true);
        const den = 100n * BigInt(t.shareDen);
        const amountErr = 2n * (den * BigInt(a.amount) - product * BigInt(t.shareNum));
        expect(amountErr > -den && amountErr <= den).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('fund.allocateFee', () => {
  async function withSettings() {
    const t = await fundFixture();
    await t.call('property.createEstate', { placeId: t.estate.id, management: 'company', floorAreaHundredths: SEED.areaHundredths });
    await t.call('fund.saveFeeSettings', { accountId: t.account.id, rate: '1.18', shareNum: 1, shareDen: 1 });
    return t;
  }

  it('previews the month with its computation, posts the income entry once and records what it was computed from', async () => {
    const { call, account, rawDb } = await withSettings();
    const preview = await call('fund.previewAllocation', { accountId: account.id, month: '2026-11' });
    expect(preview).toMatchObject({ month: '2026-11', onDate: '2026-11-30', missing: [], existing: null, areaHundredths: 2_189_300, settings: { rateFen: 118, shareNum: 1, shareDen: 1 }, figures: { amount: 2_583_374 } });
    const input = { id: newId(), accountId: account.id, month: '2026-11' };
    const made = await call('fund.allocateFee', input);
    expect(made).toMatchObject({ entryId: input.id, month: '2026-11', feeFen: 2_583_374, amount: 2_583_374, rateFen: 118, areaHundredths: 2_189_300, seq: 1, reversed: false });
    const entry = (await call('fund.getEntry', { id: input.id })).entry;
    expect(entry).toMatchObject({ status: 'posted', direction: 'income', category: 'fee_allocation', amount: 2_583_374, onDate: '2026-11-30', purpose: '物业费提取 2026年11月：¥1.18/m² × 21,893.00 m² × 1/1' });
    // A retry of the same request returns the same allocation and posts nothing more.
    expect(await call('fund.allocateFee', input)).toEqual(made);
    expect((await call('fund.getAccount', { id: account.id })).account.balance).toBe(1_000_000 + 2_583_374);
    expect((await call('fund.previewAllocation', { accountId: account.id, month: '2026-11' })).existing).toEqual(made);
    const audit = rawDb().prepare("SELECT after FROM audit_log WHERE action = 'allocate_fee'").all() as { after: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after)).toMatchObject({ month: '2026-11', amount: '¥25,833.74', feeFen: '¥25,833.74' });
  });

  it('refuses the same month twice, a month to come or before the opening, and says what is missing', async () => {
    const t = await withSettings();
    const { call, attempt, account } = t;
    await call('fund.allocateFee', { id: newId(), accountId: account.id, month: '2026-10' });
    expect(await attempt('fund.allocateFee', { id: newId(), accountId: account.id, month: '2026-10' }))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'MONTH_ALLOCATED', message: expect.stringContaining('2026年10月的物业费已于') } });
    expect(await attempt('fund.allocateFee', { id: newId(), accountId: account.id, month: '2027-01' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'month', message: '不能提取还没到的月份' }] } });
    expect(await attempt('fund.allocateFee', { id: newId(), accountId: account.id, month: '2025-12' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'month', message: expect.stringContaining('开户') }] } });
    expect(await attempt('fund.allocateFee', { id: newId(), accountId: account.id, month: '2026-13' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'month' }] } });
    // The running month is dated today.
    expect((await call('fund.previewAllocation', { accountId: account.id, month: '2026-12' })).onDate).toBe('2026-12-02');
    expect((await call('fund.listAllocations', { accountId: account.id })).map((a) => a.month)).toEqual(['2026-10']);

    const bare = await fundFixture();
    expect(await bare.call('fund.previewAllocation', { accountId: bare.account.id, month: '2026-11' })).toMatchObject({ missing: ['settings', 'area'], figures: null });
    expect(await bare.attempt('fund.allocateFee', { id: newId(), accountId: bare.account.id, month: '2026-11' }))
      .toMatchObject({ ok: false, error: { reason: 'NO_FEE_SETTINGS' } });
    await bare.call('fund.saveFeeSettings', { accountId: bare.account.id, rate: '1.18', shareNum: 1, shareDen: 2 });
    expect(await bare.attempt('fund.allocateFee', { id: newId(), accountId: bare.account.id, month: '2026-11' }))
      .toMatchObject({ ok: false, error: { reason: 'NO_ESTATE_AREA' } });
  });

  it('owes the months ended without an allocation since the settings were saved, for the home page', async () => {
    const clock = manualClock('2026-09-15T02:00:00.000Z'); // 2026-09-15 10:00 in Beijing
    const t = await fundFixture({ clock });
    const owed = async () => (await t.call('fund.listAccounts', { status: 'active' }))[0]!.allocation;
    expect(await owed()).toBeNull(); // no fee settings: nothing is expected of the account
    await t.call('property.createEstate', { placeId: t.estate.id, management: 'company', floorAreaHundredths: SEED.areaHundredths });
    await t.call('fund.saveFeeSettings', { accountId: t.account.id, rate: '1.18', shareNum: 1, shareDen: 1 });
    expect(await owed()).toEqual({ missing: [] }); // September is still running
    clock.set('2026-12-01T20:00:00.000Z'); // 2026-12-02 04:00 in Beijing
    expect(await owed()).toEqual({ missing: ['2026-09', '2026-10', '2026-11'] });
    await t.call('fund.allocateFee', { id: newId(), accountId: t.account.id, month: '2026-10' });
    expect(await owed()).toEqual({ missing: ['2026-09', '2026-11'] });
  });

  it('validates the settings and keeps the allocations append-only', async () => {
    const { attempt, call, account, rawDb } = await withSettings();
    expect(await attempt('fund.saveFeeSettings', { accountId: account.id, rate: '1.18', shareNum: 3, shareDen: 2 }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'shareNum', message: '提取比例不能超过 1（分子不大于分母）' }] } });
    expect(await attempt('fund.saveFeeSettings', { accountId: account.id, rate: '1.185', shareNum: 1, shareDen: 1 }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'rate' }] } });
    await call('fund.allocateFee', { id: newId(), accountId: account.id, month: '2026-11' });
    const db = rawDb();
    expect(() => db.prepare('UPDATE fund_fee_allocations SET amount = 1').run()).toThrow('物业费提取记录只能追加');
    expect(() => db.prepare('DELETE FROM fund_fee_allocations').run()).toThrow('物业费提取记录只能追加');
  });
});
