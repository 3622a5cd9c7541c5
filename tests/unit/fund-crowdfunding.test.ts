import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newId } from '../../db/ids';
import { householdShares, maskName, splitByWeight } from '../../main/api/fund/split';
import { fundFixture } from './fund-fixture';

describe('shares of the owners’ part, in integers', () => {
  it('split equally or by area, the fen left over to the largest remainders, ties to the earlier household', () => {
    expect(householdShares(100, 'equal', [null, null, null])).toEqual([34, 33, 33]);
    expect(householdShares(200, 'equal', [null, null, null])).toEqual([67, 67, 66]);
    // 100 fen by 1 : 1 : 2 m² → 25, 25, 50 exactly; by 1 : 2 : 4 → 14.28…, 28.57…, 57.14… → 14, 29, 57.
    expect(householdShares(100, 'area', [100, 100, 200])).toEqual([25, 25, 50]);
    expect(householdShares(100, 'area', [100, 200, 400])).toEqual([14, 29, 57]);
    expect(splitByWeight(5, [0, 1, 1])).toEqual([0, 3, 2]);
  });

  it('never loses or invents a fen: Σ shares = the owners’ part, each within a fen of its exact quota, the same every time (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), fc.array(fc.integer({ min: 1, max: 100_000_000 }), { minLength: 1, maxLength: 300 }), (total, weights) => {
        const shares = splitByWeight(total, weights);
        expect(shares.reduce((s, x) => s + x, 0)).toBe(total);
        const sum = weights.reduce((s, w) => s + BigInt(w), 0n);
        shares.forEach((share, i) => {
          const exact = BigInt(total) * BigInt(weights[i]!); // × 1/sum
          expect(BigInt(share) * sum >= exact - sum && BigInt(share) * sum <= exact + sum).toBe(true);
          expect(BigInt(share) * sum + sum > exact).toBe(true); // ⌊quota⌋ or ⌊quota⌋ + 1
        });
        expect(splitByWeight(total, weights)).toEqual(shares);
      }),
      { numRuns: 500 },
    );
  });

  it('masks names on public lists as the surname and a star', () => {
    expect(['张三', '欧阳娜娜', ' 李 ', '𠮷野家'].map(maskName)).toEqual(['张*', '欧*', '李*', '𠮷*']);
  });
});

describe('a crowd-funding campaign', () => {
  async function campaign() {
    const t = await fundFixture();
    const made = await t.call('fund.createCampaign', {
      accountId: t.account.id, title: '3号楼电梯大修', purpose: '更换曳引机和控制柜', target: '100,000.00', subsidyPart: '20,000.00',
      grantPart: '30,000.00', balancePart: '0', scheme: 'area',
      households: [
        { room: '3-101', ownerName: '张三', areaHundredths: 8_850 },
        { room: '3-102', ownerName: '李四', areaHundredths: 10_275 },
        { room: '3-201', ownerName: '王五', areaHundredths: 8_850 },
      ],
    });
    return { ...t, made };
  }

  it('shares the owners’ part by area to the fen, and the mix adds up to the target', async () => {
    const { made } = await campaign();
    expect(made.campaign).toMatchObject({ target: 10_000_000, ownersPart: 5_000_000, subsidyPart: 2_000_000, grantPart: 3_000_000, balancePart: 0, households: 3, paid: 0, progressPermille: 0 });
    // ¥50,000.00 by 88.50 : 102.75 : 88.50 m²: quotas 1,581,769.44 / 1,836,461.13 / 1,581,769.44 fen; the one fen left
    // goes to the largest remainder, the tie between 3-101 and 3-201 to the earlier.
    expect(made.households.map((h) => h.share)).toEqual([1_581_770, 1_836_461, 1_581_769]);
    expect(made.households.reduce((s, h) => s + h.share, 0)).toBe(5_000_000);
  });

  it('keeps pledges apart: only a payment posts income, once, with its receipt number', async () => {
    const { call, attempt, made, account, rawDb } = await campaign();
    const [a, b] = made.households;
    await call('fund.recordPledge', { householdId: a!.id, amount: '15,817.70', onDate: '2026-11-20' });
    await call('fund.recordPledge', { householdId: b!.id, amount: '10,000.00', onDate: '2026-11-20' });
    let c = (await call('fund.getCampaign', { campaignId: made.campaign.id })).campaign;
    expect(c).toMatchObject({ pledged: 2_581_770, pledgedUnpaid: 2_581_770, paid: 0, progressPermille: 0 });
    expect((await call('fund.getAccount', { id: account.id })).account.balance).toBe(1_000_000);

    const pay = { id: newId(), householdId: a!.id, amount: '10,000.00', receiptNo: 'ZC-0001', onDate: '2026-11-25' };
    const payment = await call('fund.recordPayment', pay);
    expect(payment).toMatchObject({ entryId: pay.id, room: '3-101', receiptNo: 'ZC-0001', amount: 1_000_000, reversed: false });
    expect(await call('fund.recordPayment', pay)).toEqual(payment);
    expect(await attempt('fund.recordPayment', { ...pay, id: newId() }))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'RECEIPT_USED', fields: [{ path: 'receiptNo' }] } });
    const entry = (await call('fund.getEntry', { id: pay.id })).entry;
    expect(entry).toMatchObject({ status: 'posted', category: 'crowdfunding', amount: 1_000_000, voucherNo: 'ZC-0001', counterparty: '3-101 张*' });
    expect((await call('fund.getAccount', { id: account.id })).account.balance).toBe(2_000_000);

    await call('fund.recordGrant', { id: newId(), campaignId: made.campaign.id, kind: 'subsidy', amount: '20,000.00', onDate: '2026-11-26' });
    c = (await call('fund.getCampaign', { campaignId: made.campaign.id })).campaign;
    // (10,000 + 20,000) ÷ 100,000; pledged-unpaid: 5,817.70 of 张三's and 10,000 of 李四's.
    expect(c).toMatchObject({ paid: 1_000_000, grantsReceived: 2_000_000, progressPermille: 300, pledgedUnpaid: 581_770 + 1_000_000 });

    // A reversed payment no longer counts.
    await call('fund.reverseEntry', { id: newId(), entryId: pay.id, reason: '收据填错' });
    c = (await call('fund.getCampaign', { campaignId: made.campaign.id })).campaign;
    expect(c).toMatchObject({ paid: 0, progressPermille: 200, pledgedUnpaid: 2_581_770 });
    expect((await call('fund.getCampaign', { campaignId: made.campaign.id })).payments[0]).toMatchObject({ receiptNo: 'ZC-0001', reversed: true });

    const db = rawDb();
    expect(() => db.prepare('UPDATE fund_campaign_payments SET amount = 1').run()).toThrow('众筹缴款记录只能追加');
    expect(() => db.prepare('UPDATE fund_campaign_households SET share = 1').run()).toThrow('众筹分摊份额确定后不能修改');
  });

  it('masks the names on its public list', async () => {
    const { call, made } = await campaign();
    const list = await call('fund.campaignPublicList', { campaignId: made.campaign.id });
    expect(list.households.map((h) => `${h.room} ${h.maskedName}`)).toEqual(['3-101 张*', '3-102 李*', '3-201 王*']);
    expect(JSON.stringify(list)).not.toMatch(/张三|李四|王五/);
  });

  it('refuses a mix over the target, repeated rooms and missing areas', async () => {
    const { attempt, account } = await fundFixture();
    const base = { accountId: account.id, title: '大修', purpose: '更换', target: '1,000.00', subsidyPart: '0', grantPart: '0', balancePart: '0', scheme: 'equal', households: [{ room: '1', ownerName: '张三' }] };
    expect(await attempt('fund.createCampaign', { ...base, subsidyPart: '600', grantPart: '500' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'target', message: '补贴、拨付和基金余额之和不能超过目标金额' }] } });
    expect(await attempt('fund.createCampaign', { ...base, households: [{ room: '1', ownerName: '张三' }, { room: '1', ownerName: '李四' }] }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'households', message: '房号有重复' }] } });
    expect(await attempt('fund.createCampaign', { ...base, scheme: 'area' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'households', message: '按面积分摊时每户都要填写建筑面积' }] } });
  });
});
