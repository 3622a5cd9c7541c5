import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newId } from '../../db/ids';
import { defaultFloorCoefficient, householdShares, maskName, schemeWeight, splitByWeight, type Scheme } from '../../main/api/fund/split';
import { parseHouseholds } from '../../renderer/src/fund/crowd/households';
import { fundFixture } from './fund-fixture';
import { pdfFlatText } from './pdf-text';

describe('shares of the owners’ part, in integers', () => {
  it('split equally or by area, the fen left over to the largest remainders, ties to the earlier household', () => {
    const rooms = (areas: (number | null)[]) => areas.map((areaHundredths, i) => ({ room: `1-${i + 1}01`, areaHundredths }));
    expect(householdShares(100, 'equal', rooms([null, null, null]))).toEqual([34, 33, 33]);
    expect(householdShares(200, 'equal', rooms([null, null, null]))).toEqual([67, 67, 66]);
    // 100 fen by 1 : 1 : 2 m² → 25, 25, 50 exactly; by 1 : 2 : 4 → 14.28…, 28.57…, 57.14… → 14, 29, 57.
    expect(householdShares(100, 'area', rooms([100, 100, 200]))).toEqual([25, 25, 50]);
    expect(householdShares(100, 'area', rooms([100, 200, 400]))).toEqual([14, 29, 57]);
    expect(splitByWeight(5, [0, 1, 1])).toEqual([0, 3, 2]);
    // A tie goes to the smaller 房号, wherever it stands in the list.
    expect(householdShares(100, 'equal', [{ room: '3', areaHundredths: null }, { room: '1', areaHundredths: null }, { room: '2', areaHundredths: null }])).toEqual([33, 34, 33]);
  });

  it('by floor coefficient × area, and by a custom table of 份额 in proportion', () => {
    const coefficients = [{ floor: 1, coefficientHundredths: 40 }, { floor: 6, coefficientHundredths: 115 }];
    // 88.50 m² × 0.40 : 88.50 m² × 1.15 : 102.75 m² × 1.15 = 35.40 : 101.775 : 118.1625 of ¥1,000.00: quotas
    // 13,864.004 / 39,859.010 / 46,276.986 fen; the one fen left goes to the largest remainder, 3-602's.
    const hs = [
      { room: '3-101', areaHundredths: 8_850, floor: 1 },
      { room: '3-601', areaHundredths: 8_850, floor: 6 },
      { room: '3-602', areaHundredths: 10_275, floor: 6 },
    ];
    const shares = householdShares(100_000, 'floor_area', hs, coefficients);
    expect(shares).toEqual([13_864, 39_859, 46_277]);
    expect(shares.reduce((s, x) => s + x, 0)).toBe(100_000);
    // A floor the table does not name weighs nothing (the schema refuses such a campaign first).
    expect(householdShares(100, 'floor_area', [...hs, { room: '3-901', areaHundredths: 8_850, floor: 9 }], coefficients)[3]).toBe(0);
    // Custom: the 份额 typed as yuan that already add up to the owners' part come back exactly; 1 : 1 : 2 share 25/25/50.
    const custom = (w: number[]) => w.map((weightHundredths, i) => ({ room: String(i), areaHundredths: null, weightHundredths }));
    expect(householdShares(100_000, 'custom', custom([30_000, 50_000, 20_000]))).toEqual([30_000, 50_000, 20_000]);
    expect(householdShares(100, 'custom', custom([100, 100, 200]))).toEqual([25, 25, 50]);
    expect(householdShares(100, 'custom', custom([0, 100, 0]))).toEqual([0, 100, 0]);
  });

  it('the default floor coefficients: 0.40, 0.70, then 1.00 from the third floor up 0.05 a floor, at most 2.00', () => {
    expect([1, 2, 3, 4, 10, 23, 30].map(defaultFloorCoefficient)).toEqual([40, 70, 100, 105, 135, 200, 200]);
  });

  it('under every scheme: Σ shares = the owners’ part, none negative, whatever order the households come in (fast-check)', () => {
    const householdsArb = fc.uniqueArray(
      fc.record({
        room: fc.string({ minLength: 1, maxLength: 6 }),
        areaHundredths: fc.integer({ min: 1, max: 10_000_000 }),
        floor: fc.integer({ min: 1, max: 40 }),
        weightHundredths: fc.integer({ min: 0, max: 100_000_000 }),
      }),
      { selector: (h) => h.room, minLength: 1, maxLength: 60 },
    );
    const caseArb = householdsArb.chain((hs) =>
      fc.record({
        hs: fc.constant(hs),
        order: fc.shuffledSubarray(hs.map((_, i) => i), { minLength: hs.length, maxLength: hs.length }),
        scheme: fc.constantFrom('equal', 'area', 'floor_area', 'custom') as fc.Arbitrary<Scheme>,
        total: fc.integer({ min: 0, max: 10_000_000_000 }),
        coefficients: fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 40, maxLength: 40 }),
      }),
    );
    fc.assert(
      fc.property(caseArb, ({ hs, order, scheme, total, coefficients }) => {
        const table = coefficients.map((coefficientHundredths, i) => ({ floor: i + 1, coefficientHundredths }));
        fc.pre(hs.some((h) => schemeWeight(scheme, h, new Map(table.map((c) => [c.floor, c.coefficientHundredths]))) > 0));
        const shares = householdShares(total, scheme, hs, table);
        expect(shares.reduce((s, x) => s + x, 0)).toBe(total);
        expect(shares.every((x) => Number.isSafeInteger(x) && x >= 0)).toBe(true);
        const byRoom = new Map(hs.map((h, i) => [h.room, shares[i]]));
        const shuffled = order.map((i) => hs[i]!);
        const again = householdShares(total, scheme, shuffled, [...table].reverse());
        shuffled.forEach((h, i) => expect(again[i]).toBe(byRoom.get(h.room)));
      }),
      { numRuns: 400 },
    );
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

  it('reads the pasted households by the scheme’s columns (tabs from a sheet as spaces), naming the lines that do not fit', () => {
    expect(parseHouseholds('3-101\t张三\t88.5\t1\n\n3-1201 李四 102.75 12\n3-1202 王五 90\n3-1203 赵六 90 十二', 'floor_area')).toEqual({
      households: [
        { room: '3-101', ownerName: '张三', areaHundredths: 8_850, floor: 1, weightHundredths: null },
        { room: '3-1201', ownerName: '李四', areaHundredths: 10_275, floor: 12, weightHundredths: null },
      ],
      badLines: [4, 5],
    });
    expect(parseHouseholds('1 张三 3000\n2 李四 25.5\n3 王五', 'custom')).toEqual({
      households: [
        { room: '1', ownerName: '张三', areaHundredths: null, floor: null, weightHundredths: 300_000 },
        { room: '2', ownerName: '李四', areaHundredths: null, floor: null, weightHundredths: 2_550 },
      ],
      badLines: [3],
    });
    expect(parseHouseholds('1 张三\n2 李四 80', 'equal').badLines).toEqual([]);
    expect(parseHouseholds('1 张三\n2 李四 80', 'area').badLines).toEqual([1]);
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

  it('prints its public list for the lobby with 房号 and 姓氏 only, the totals and the progress', async () => {
    const { call, made } = await campaign();
    const [first] = made.households;
    await call('fund.recordPayment', { id: newId(), householdId: first!.id, amount: '500.00', receiptNo: 'ZC-0009', onDate: '2026-11-20' });
    const file = await call('fund.printCampaignList', { campaignId: made.campaign.id });
    expect(file).toMatchObject({ fileName: '电梯大修众筹缴款公示-3号楼电梯大修.pdf', mime: 'application/pdf' });
    const flat = pdfFlatText(file.contentBase64);
    for (const s of ['电梯大修众筹缴款公示', '3-101', '张*', '部分缴纳', '¥500.00', '合计', '3户', '名单只显示房号和姓氏', '业主委员会（盖章）']) expect(flat, s).toContain(s);
    expect(flat).not.toMatch(/张三|李四|王五/);
    expect((await call('system.listAudit', { limit: 5 })).rows[0]).toMatchObject({ action: 'print', entity: 'fund_campaign' });
  });

  it('ends when closed, saying why: nothing more is pledged, paid or granted, and what was recorded stays', async () => {
    const { call, attempt, made } = await campaign();
    const [first, second] = made.households;
    await call('fund.recordPledge', { householdId: second!.id, amount: '100.00', onDate: '2026-11-01' });
    const closed = await call('fund.closeCampaign', { campaignId: made.campaign.id, reason: '大修方案改由维修资金全额支付' });
    expect(closed).toMatchObject({ status: 'closed', pledgedUnpaid: 10_000 });
    for (const refused of [
      await attempt('fund.recordPayment', { id: newId(), householdId: first!.id, amount: '1.00', receiptNo: 'ZC-0100', onDate: '2026-12-01' }),
      await attempt('fund.recordPledge', { householdId: first!.id, amount: '1.00', onDate: '2026-12-01' }),
      await attempt('fund.closeCampaign', { campaignId: made.campaign.id, reason: '再次' }),
    ]) expect(refused).toMatchObject({ ok: false, error: { reason: 'CAMPAIGN_CLOSED' } });
    const audit = (await call('system.listAudit', { limit: 5 })).rows.find((r) => r.action === 'close_campaign')!;
    expect(JSON.parse(audit.after!)).toMatchObject({ reason: '大修方案改由维修资金全额支付', pledgedUnpaid: '¥100.00' });
  });

  it('by floor coefficient × area keeps each floor’s coefficient and each household’s floor; a custom table keeps the 份额 typed', async () => {
    const { call, rawDb, account } = await fundFixture();
    const base = { accountId: account.id, title: '5号楼电梯大修', purpose: '更换主板', target: '1,000.00', subsidyPart: '0', grantPart: '0', balancePart: '0' };
    const floors = await call('fund.createCampaign', {
      ...base, scheme: 'floor_area',
      // Typed in another order than the rooms sort: the shares are the same as in the pure test above.
      households: [
        { room: '3-602', ownerName: '王五', areaHundredths: 10_275, floor: 6 },
        { room: '3-101', ownerName: '张三', areaHundredths: 8_850, floor: 1 },
        { room: '3-601', ownerName: '李四', areaHundredths: 8_850, floor: 6 },
      ],
      floorCoefficients: [{ floor: 6, coefficientHundredths: 115 }, { floor: 1, coefficientHundredths: 40 }, { floor: 9, coefficientHundredths: 130 }],
    });
    expect(floors.households.map((h) => [h.room, h.floor, h.share])).toEqual([['3-602', 6, 46_277], ['3-101', 1, 13_864], ['3-601', 6, 39_859]]);
    // Only the floors the households are on are kept.
    expect(floors.floorCoefficients).toEqual([{ floor: 1, coefficientHundredths: 40 }, { floor: 6, coefficientHundredths: 115 }]);
    const custom = await call('fund.createCampaign', {
      ...base, title: '6号楼电梯大修', scheme: 'custom',
      households: [{ room: '6-101', ownerName: '赵六', weightHundredths: 30_000 }, { room: '6-201', ownerName: '钱七', weightHundredths: 70_000 }],
    });
    expect(custom.households.map((h) => [h.weightHundredths, h.share])).toEqual([[30_000, 30_000], [70_000, 70_000]]);
    expect(custom.floorCoefficients).toEqual([]);
    const db = rawDb();
    expect(() => db.prepare('UPDATE fund_campaign_floor_coefficients SET coefficient_hundredths = 100').run()).toThrow('众筹的楼层系数确定后不能修改');
    expect(() => db.prepare('UPDATE fund_campaign_households SET floor = 2').run()).toThrow('众筹分摊份额确定后不能修改');
    expect(() => db.prepare('UPDATE fund_campaign_households SET weight_hundredths = 1').run()).toThrow('众筹分摊份额确定后不能修改');
  });

  it('refuses a floor scheme without floors or a coefficient for a floor, a custom table without 份额 or all of them 0', async () => {
    const { attempt, account } = await fundFixture();
    const base = { accountId: account.id, title: '大修', purpose: '更换', target: '1,000.00', subsidyPart: '0', grantPart: '0', balancePart: '0' };
    const field = (path: string, message: string) => ({ ok: false, error: { fields: [{ path, message }] } });
    expect(await attempt('fund.createCampaign', { ...base, scheme: 'floor_area', households: [{ room: '1', ownerName: '张三', areaHundredths: 8_000 }] }))
      .toMatchObject(field('households', '按楼层系数 × 建筑面积分摊时每户都要填写建筑面积和楼层'));
    expect(await attempt('fund.createCampaign', {
      ...base, scheme: 'floor_area', floorCoefficients: [{ floor: 2, coefficientHundredths: 70 }],
      households: [{ room: '101', ownerName: '张三', areaHundredths: 8_000, floor: 1 }, { room: '301', ownerName: '李四', areaHundredths: 8_000, floor: 3 }, { room: '201', ownerName: '王五', areaHundredths: 8_000, floor: 2 }],
    })).toMatchObject(field('floorCoefficients', '楼层系数表缺少第 1、3 层'));
    expect(await attempt('fund.createCampaign', { ...base, scheme: 'custom', households: [{ room: '1', ownerName: '张三' }] }))
      .toMatchObject(field('households', '自定义份额时每户都要填写份额'));
    expect(await attempt('fund.createCampaign', { ...base, scheme: 'custom', households: [{ room: '1', ownerName: '张三', weightHundredths: 0 }] }))
      .toMatchObject(field('households', '各户的分摊份额不能全为 0'));
  });

  it('refuses a mix over the target, repeated rooms and missing areas', async () => {
    const { attempt, account } = await fundFixture();
    const base = { accountId: account.id, title: '大修', purpose: '更换', target: '1,000.00', subsidyPart: '0', grantPart: '0', balancePart: '0', scheme: 'equal', households: [{ room: '1', ownerName: '张三' }] };
    expect(await attempt('fund.createCampaign', { ...base, subsidyPart: '600', grantPart: '500' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'target', message: '补贴、拨付和基金余额之和不能超过目标金额' }] } });
    expect(await attempt('fund.createCampaign', { ...base, households: [{ room: '1', ownerName: '张三' }, { room: '1', ownerName: '李四' }] }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'households', message: '房号有重复' }] } });
    expect(await attempt('fund.createCampaign', { ...base, scheme: 'area' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'households', message: '按建筑面积分摊时每户都要填写建筑面积' }] } });
  });
});
