import { describe, expect, it } from 'vitest';
import { requestsFixture } from './requests-fixture';

/**
 * 西里社区's ledger over a year, each step taken on its own day (the core's clock moved there), ending on 2026-12-10:
 *
 * | | reported | source | category | what happened | counts in December |
 * |---|---|---|---|---|---|
 * | H | 2025-12-15 | 来访 | 私人合同 | 不予受理 | outside the twelve months |
 * | A | 10-15 | 来访 | 设施 | to the property company (due 10-20), 办结 10-18, 满意 | October's |
 * | B | 11-20 | 热线 | 环境 | to the community (due 11-22), left | in progress, overdue |
 * | C | 11-28 | 来访 | 设施 | due 11-30, 办结 12-03 (late), 基本满意 | done, late, satisfied |
 * | D | 12-02 | 走访 | 设施 | due 12-04, 办结 12-04, 不满意, 重新交办 (due 12-20) | received, in progress again |
 * | E | 12-05 | 来访 | 环境 | due 12-07, 办结 12-06, 不满意 | received, done on time, unsatisfied |
 * | F | 12-08 | 热线 | 私人合同 | 不予受理 | received, not accepted |
 * | G | 12-10 | 来访 | — | awaiting 梳理 | received, in progress |
 *
 * and one request of 东里社区 on 12-09, which only the street-wide figures count.
 */
async function ledgerOfTheYear() {
  const t = await requestsFixture();
  const { report, step, onDay } = t;
  const close = async (id: string, day: string, rating: string) => {
    await step(id, 'done', { doneOn: day, result: '已处理' });
    await step(id, 'publicised', { publicisedOn: day });
    await step(id, 'evaluated', { rating });
  };
  const accept = async (id: string, category: string, handlerKind = 'community') => {
    await step(id, 'sorted', { category, urgency: 'normal' });
    await step(id, 'assigned', { handlerKind, handlerName: handlerKind === 'community' ? '西里社区' : '阳光物业' });
  };
  const refuse = (id: string) =>
    step(id, 'not_accepted', { category: 'private_contract', answer: '建议申请人民调解', reason: '私人之间的经济合同纠纷' });

  onDay('2025-12-15');
  await refuse((await report({ reportedOn: '2025-12-15' })).id);
  onDay('2026-10-15');
  const a = await report({ reportedOn: '2026-10-15' });
  await accept(a.id, 'facilities', 'property_company');
  onDay('2026-10-18');
  await close(a.id, '2026-10-18', 'satisfied');
  onDay('2026-11-20');
  await accept((await report({ reportedOn: '2026-11-20', source: 'hotline' })).id, 'environment');
  onDay('2026-11-28');
  const c = await report({ reportedOn: '2026-11-28' });
  await accept(c.id, 'facilities');
  onDay('2026-12-02');
  const d = await report({ reportedOn: '2026-12-02', source: 'grid_round' });
  await accept(d.id, 'facilities');
  onDay('2026-12-03');
  await close(c.id, '2026-12-03', 'mostly_satisfied');
  onDay('2026-12-04');
  await close(d.id, '2026-12-04', 'unsatisfied');
  await step(d.id, 'assigned', { handlerKind: 'community', handlerName: '西里社区', dueOn: '2026-12-20', note: '重新交办' });
  onDay('2026-12-05');
  const e = await report({ reportedOn: '2026-12-05' });
  await accept(e.id, 'environment');
  onDay('2026-12-06');
  await close(e.id, '2026-12-06', 'unsatisfied');
  onDay('2026-12-08');
  await refuse((await report({ reportedOn: '2026-12-08', source: 'hotline' })).id);
  onDay('2026-12-09');
  const east = await t.call('party.createPlace', { kind: 'community', name: '东里社区' });
  await report({ reportedOn: '2026-12-09', placeId: east.id });
  onDay('2026-12-10');
  await report({ reportedOn: '2026-12-10' });
  return t;
}

describe('民呼必应概览', () => {
  it('counts this month, the twelve months, the categories and sources and the overdue in SQL, as computed by hand', async () => {
    const t = await ledgerOfTheYear();
    const d = await t.call('requests.getDashboard', { communityId: t.community.id });
    expect(d.today).toBe('2026-12-10');
    expect(d.month).toEqual({ received: 4, notAccepted: 1, done: 2, doneOnTime: 1, inProgress: 3, rated: 2, satisfied: 1 });
    // Σ/Σ in tenths of a percent: 1 of 2 on time, 1 of 2 evaluated satisfied (基本满意 counts).
    expect([d.onTimeRate, d.satisfactionRate]).toEqual([500, 500]);
    expect([d.overdue, d.overdueHere]).toEqual([1, 1]);

    expect(d.months.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
    const trend = Object.fromEntries(d.months.filter((m) => m.received || m.done).map((m) => [m.month, [m.received, m.done]]));
    expect(trend).toEqual({ '2026-10': [1, 1], '2026-11': [2, 0], '2026-12': [4, 2] });

    expect(d.byCategory.map((g) => [g.label, g.count])).toEqual([
      ['公共设施维修', 3], ['环境卫生与绿化', 2], ['未分类（待梳理）', 1], ['私人之间的经济合同纠纷', 1],
    ]);
    expect(d.bySource.map((g) => [g.key, g.label, g.count])).toEqual([['visit', '居民来访', 4], ['hotline', '热线电话', 2], ['grid_round', '网格员走访', 1]]);
  });

  it('agrees with the month’s tally of 日登记/周汇总, and the street-wide figures add the other community', async () => {
    const t = await ledgerOfTheYear();
    const mine = await t.call('requests.getDashboard', { communityId: t.community.id });
    const summary = await t.call('requests.getSummary', { communityId: t.community.id, from: '2026-12-01', to: '2026-12-10' });
    expect(mine.month).toEqual(summary.total);
    const all = await t.call('requests.getDashboard', { communityId: null });
    expect(all.month).toEqual({ ...mine.month, received: 5, inProgress: 4 });
    expect(all.months.at(-1)).toEqual({ month: '2026-12', received: 5, done: 2 });
    expect(await t.attempt('requests.getDashboard', { communityId: t.estate.id }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'communityId', message: '请选择社区' }] } });
  });
});
