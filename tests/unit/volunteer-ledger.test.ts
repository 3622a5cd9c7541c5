import { describe, expect, it } from 'vitest';
import { rebuildTotals } from '../../db/volunteer/ledger';
import { earlierThisYear, lastYear, thisYear, today, volunteerFixture } from './volunteer-fixture';

type Db = import('../../db/open').Db;
const totals = (db: Db) => ({
  people: db.prepare('SELECT * FROM points_totals ORDER BY volunteer_id, year, quarter').all(),
  units: db.prepare('SELECT * FROM points_org_totals ORDER BY org_id, year, month').all(),
  months: db.prepare('SELECT * FROM points_month_totals ORDER BY year, month').all(),
});

describe('the points ledger', () => {
  it('reverses a wrong entry once, with its twin; never edits or deletes', async () => {
    const { call, attempt, db: connect, resident, award, balance } = await volunteerFixture();
    const a = await resident('周杰');
    const wrong = await award(a.id, 20);
    const reversal = await call('volunteer.reverseEntry', { entryId: wrong.id, reason: '录错了人' });
    expect(reversal).toMatchObject({ amount: -200, reversesId: wrong.id, category: 'contribution', onDate: wrong.onDate });
    expect(reversal.reason).toBe('冲正：录错了人');
    expect(await balance(a.id)).toBe(0);
    expect(await attempt('volunteer.reverseEntry', { entryId: wrong.id, reason: '再来一次' })).toMatchObject({ ok: false, error: { reason: 'ALREADY_REVERSED' } });
    expect(await attempt('volunteer.reverseEntry', { entryId: reversal.id, reason: '冲正的冲正' })).toMatchObject({ ok: false, error: { reason: 'IS_REVERSAL' } });
    const rows = (await call('volunteer.listEntries', { volunteerId: a.id })).rows;
    expect(rows.find((r) => r.id === wrong.id)?.reversedBy).toBe(reversal.id);
    // The table itself refuses changes, whoever asks.
    const db = connect();
    expect(() => db.prepare('UPDATE points_entries SET amount = 1').run()).toThrow(/只能追加/);
    expect(() => db.prepare('DELETE FROM points_entries').run()).toThrow(/只能追加/);
  });

  it('never lets a balance go negative: a deduction or a reversal of points already spent is refused', async () => {
    const { call, attempt, resident, award, balance } = await volunteerFixture();
    const a = await resident('吴芳');
    const gift = await award(a.id, 10);
    const deduct = await attempt('volunteer.addEntry', { person: { volunteerId: a.id }, onDate: today, category: 'base', amount: -150, reason: '未履行岗位职责' });
    expect(deduct).toMatchObject({ ok: false, error: { reason: 'BALANCE_NEGATIVE' } });
    expect(await balance(a.id)).toBe(100);
    const item = await call('volunteer.createItem', { name: '洗衣液', price: 80, stock: 5, unit: '瓶' });
    await call('volunteer.redeem', { person: { volunteerId: a.id }, itemId: item.id, quantity: 1, onDate: today });
    expect(await attempt('volunteer.reverseEntry', { entryId: gift.id, reason: '误记' })).toMatchObject({ ok: false, error: { reason: 'BALANCE_NEGATIVE' } });
    expect(await balance(a.id)).toBe(20);
    expect((await call('volunteer.listEntries', { volunteerId: a.id })).total).toBe(2);
  });

  it('keeps the maintained totals equal to the ledger recomputed', async () => {
    const { call, db: connect, resident, award, activity, branch, committee } = await volunteerFixture();
    const a = await resident('郑伟');
    const b = await resident('冯静');
    await award(a.id, 3, lastYear('11-30'));
    const e = await award(b.id, 7);
    await call('volunteer.reverseEntry', { entryId: e.id, reason: '重复' });
    const act = await activity(earlierThisYear, { [a.id]: 2.5, [b.id]: 1 });
    await call('volunteer.applyActivity', { activityId: act.id });
    const db = connect();
    const maintained = totals(db);
    db.transaction(() => rebuildTotals(db))();
    expect(totals(db)).toEqual(maintained);
    const unit = await call('volunteer.unitTotals', { orgId: branch.id, year: thisYear, quarter: 0 });
    expect(unit).toMatchObject({ service: 0, contribution: 0 });
    // Residents belong to the community committee: its subtree holds everything.
    const community = await call('volunteer.unitTotals', { orgId: committee.id, year: thisYear, quarter: 0 });
    expect(community).toMatchObject({ service: 35, contribution: 0, hours: 35, earned: 35 });
  });

  it('reverses all of an activity\'s points and reopens it for correction', async () => {
    const { call, resident, activity, balance } = await volunteerFixture();
    const a = await resident('褚红');
    const act = await activity(earlierThisYear, { [a.id]: 4 });
    await call('volunteer.applyActivity', { activityId: act.id });
    expect(await call('volunteer.reverseActivity', { activityId: act.id, reason: '工时登记有误' })).toEqual({ reversed: 1 });
    expect(await balance(a.id)).toBe(0);
    await call('volunteer.recordHours', { activityId: act.id, recorderOrgId: act.organiserOrgId, rows: [{ person: { volunteerId: a.id }, attendance: 'present', hours: 20 }] });
    expect(await call('volunteer.applyActivity', { activityId: act.id })).toMatchObject({ points: 20 });
    expect(await balance(a.id)).toBe(20);
  });
  it('pages the whole ledger by keyset, newest first, ties on a date kept in id order, none twice or missed', async () => {
    const { call, resident, award } = await volunteerFixture();
    const a = await resident('韩梅');
    const b = await resident('卫东');
    // Several entries on each of three dates, written in no particular order.
    for (const [who, n, on] of [[a, 1, lastYear('11-30')], [b, 2, today], [a, 3, earlierThisYear], [b, 4, today], [a, 5, lastYear('11-30')], [b, 6, earlierThisYear], [a, 7, today]] as const) {
      await award(who.id, n, on);
    }
    const all = (await call('volunteer.listEntries', { limit: 100 })).rows;
    expect(all).toHaveLength(7);
    const order = all.map((r) => [r.onDate, r.id]);
    expect(order).toEqual([...order].sort((x, y) => (x[0] === y[0] ? (x[1]! < y[1]! ? 1 : -1) : x[0]! < y[0]! ? 1 : -1)));
    // Three rows a page, each asking for the rows after the last one shown: every row once, in the same order.
    const paged: string[] = [];
    let before: { onDate: string; id: string } | null = null;
    for (let guard = 0; guard < 5; guard++) {
      const page: { total: number; rows: { id: string; onDate: string }[] } = await call('volunteer.listEntries', { limit: 3, before });
      expect(page.total, 'the cursor narrows the page, not the count').toBe(7);
      paged.push(...page.rows.map((r) => r.id));
      if (page.rows.length < 3) break;
      const last: { id: string; onDate: string } = page.rows.at(-1)!;
      before = { onDate: last.onDate, id: last.id };
    }
    expect(paged).toEqual(all.map((r) => r.id));
    // A filter and the cursor together: one person's rows after a row of theirs.
    const mine = (await call('volunteer.listEntries', { volunteerId: a.id, limit: 100 })).rows;
    const after = await call('volunteer.listEntries', { volunteerId: a.id, limit: 100, before: { onDate: mine[0]!.onDate, id: mine[0]!.id } });
    expect(after.rows.map((r) => r.id)).toEqual(mine.slice(1).map((r) => r.id));
  });
});

describe('rankings', () => {
  it('ranks people by points earned, ties sharing a rank, redemptions not lowering a standing', async () => {
    const { call, resident, award, committee } = await volunteerFixture();
    const [a, b, c] = [await resident('甲一'), await resident('乙二'), await resident('丙三')];
    await award(a.id, 30);
    await award(b.id, 50);
    await award(c.id, 30);
    const item = await call('volunteer.createItem', { name: '大米', price: 400, stock: 3, unit: '袋' });
    await call('volunteer.redeem', { person: { volunteerId: b.id }, itemId: item.id, quantity: 1, onDate: today });
    const district = await call('volunteer.ranking', { year: thisYear });
    expect(district.rows.map((r) => [r.rank, r.name, r.earned])).toEqual([[1, '乙二', 500], [2, '甲一', 300], [2, '丙三', 300]]);
    const page2 = await call('volunteer.ranking', { year: thisYear, offset: 2, limit: 1 });
    expect(page2.rows.map((r) => r.rank)).toEqual([2]);
    const community = await call('volunteer.ranking', { year: thisYear, orgId: committee.id });
    expect(community.total).toBe(3);
    const quarter = Math.floor((Number(earlierThisYear.slice(5, 7)) - 1) / 3) + 1;
    expect((await call('volunteer.ranking', { year: thisYear, quarter })).total).toBe(3);
    const units = await call('volunteer.unitRanking', { year: thisYear, quarter: 0, level: 'community_committee', orgId: null });
    expect(units[0]).toMatchObject({ name: '西里社区党委', earned: 1100, redeemed: -400 });
  });

  it('records honours for a period, 党员先锋 for members only, each once', async () => {
    const { call, attempt, resident, memberVolunteer, committee } = await volunteerFixture();
    const r = await resident('钱多');
    const { volunteer: m } = await memberVolunteer('孙先锋');
    const base = { year: thisYear, quarter: null, orgId: committee.id, awardedOn: today };
    expect(await attempt('volunteer.awardHonour', { ...base, volunteerId: r.id, title: 'vanguard' })).toMatchObject({ ok: false, error: { fields: [{ path: 'title' }] } });
    await call('volunteer.awardHonour', { ...base, volunteerId: m.id, title: 'vanguard' });
    await call('volunteer.awardHonour', { ...base, volunteerId: r.id, title: 'star', quarter: 1 });
    expect(await attempt('volunteer.awardHonour', { ...base, volunteerId: m.id, title: 'vanguard' })).toMatchObject({ ok: false, error: { reason: 'HONOUR_EXISTS' } });
    expect((await call('volunteer.listHonours', { year: thisYear })).map((h) => [h.name, h.title, h.quarter])).toEqual([
      ['钱多', 'star', 1], ['孙先锋', 'vanguard', null],
    ]);
  });
});
