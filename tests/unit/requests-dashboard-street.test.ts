import { describe, expect, it } from 'vitest';
import { manualClock } from '../../main/clock';
import { communityInstall, packageOf, streetInstall } from './submission-fixture';

type Call = Awaited<ReturnType<typeof streetInstall>>['call'];

/** An installation on a clock of its own, moved to a day at 10:00 Beijing time, with the ledger's steps. */
function ledgerOn(t: { call: Call }, clock: ReturnType<typeof manualClock>) {
  const onDay = (day: string) => clock.set(new Date(Date.parse(`${day}T10:00:00+08:00`)).toISOString());
  const step = (id: string, to: string, extra: Record<string, unknown> = {}) => t.call('requests.step', { id, to, ...extra } as never);
  const report = async (day: string, placeId: string, extra: Record<string, unknown> = {}) => {
    onDay(day);
    return (await t.call('requests.report', { reportedOn: day, source: 'visit', reporterName: '张秀兰', reporterPhone: '13812345678', placeId, content: '楼道灯不亮', ...extra })).id;
  };
  const accept = async (id: string, category: string, handlerKind = 'community') => {
    await step(id, 'sorted', { category, urgency: 'normal' });
    await step(id, 'assigned', { handlerKind, handlerName: handlerKind === 'street' ? '西里街道城管科' : '社区居委会' });
  };
  const close = async (id: string, day: string, rating: string) => {
    onDay(day);
    await step(id, 'done', { doneOn: day, result: '已处理' });
    await step(id, 'publicised', { publicisedOn: day });
    await step(id, 'evaluated', { rating });
  };
  return { onDay, step, report, accept, close };
}

const noon = '2026-12-10T02:00:00Z';

/**
 * A street (西里街道) that imported the packages of 西里社区 and 东里社区 and keeps a small ledger of its own, all
 * seen on 2026-12-10 (community deadlines 2 days, the property company's 5, the street's 15):
 *
 * | | where | reported | category | what happened | in December |
 * |---|---|---|---|---|---|
 * | A1 | 西里社区 (package) | 12-02 | 设施 | due 12-04, 办结 12-03, 满意 | received, done on time, satisfied |
 * | A2 | 西里社区 (package) | 12-03 | 设施 | handed up to the street (due 12-18), answered there | received, in progress |
 * | A3 | 西里社区 (package) | 12-05 | 私人合同 | 不予受理 | received, not accepted |
 * | A4 | 西里社区 (package) | 11-20 | 环境 | due 11-22, left | in progress, overdue |
 * | A5 | 西里社区 (package) | 12-02 热线 | 环境 | due 12-04, 办结 12-04, 满意 | received, done on time, satisfied |
 * | B1 | 东里社区 (package) | 12-04 | 设施 | to the property company (due 12-09), 办结 12-10, 不满意 | received, done late, unsatisfied |
 * | B2 | 东里社区 (package) | 12-06 走访 | — | awaiting 梳理 | received, in progress |
 * | S1 | the street's own, at its place 东里社区 | 12-08 | 环境 | due 12-10 | received, in progress (met today) |
 * | S2 | the street's own, at its place 南里社区 | 12-09 | 设施 | due 12-11, 办结 12-09, 基本满意 | received, done on time, satisfied |
 * | S3 | the street's own, at its place 南里社区 | 12-01 热线 | 安全 | due 12-03, left | received, in progress, overdue |
 *
 * Street-wide: received 9 (1 not accepted), done 4 (3 on time: 750‰ — the communities' rates 100%, 0% and 100%
 * would average 667‰), in progress 5, rated 4 (3 satisfied: 750‰), overdue 2: A4 (西里社区's, followed up in its
 * ledger) and S3 (the street's own, in its 督办 list).
 */
async function streetWithTwoCommunities() {
  const westClock = manualClock(noon);
  const west = await communityInstall({ clock: westClock });
  const w = ledgerOn(west, westClock);
  const a4 = await w.report('2026-11-20', west.estate.id);
  await w.accept(a4, 'environment');
  const a1 = await w.report('2026-12-02', west.estate.id);
  await w.accept(a1, 'facilities');
  const a5 = await w.report('2026-12-02', west.estate.id, { source: 'hotline' });
  await w.accept(a5, 'environment');
  await w.close(a1, '2026-12-03', 'satisfied');
  const a2 = await w.report('2026-12-03', west.estate.id);
  await w.accept(a2, 'facilities', 'street');
  await w.close(a5, '2026-12-04', 'satisfied');
  const a3 = await w.report('2026-12-05', west.estate.id);
  await w.step(a3, 'not_accepted', { category: 'private_contract', answer: '建议申请人民调解', reason: '私人之间的经济合同纠纷' });
  w.onDay('2026-12-10');

  const eastClock = manualClock(noon);
  const east = await communityInstall({ name: '东里社区', code: '130104001002', clock: eastClock });
  const e = ledgerOn(east, eastClock);
  const b1 = await e.report('2026-12-04', east.estate.id);
  await e.accept(b1, 'facilities', 'property_company');
  await e.close(b1, '2026-12-10', 'unsatisfied');
  await e.report('2026-12-06', east.estate.id, { source: 'grid_round' });
  e.onDay('2026-12-10');

  const streetClock = manualClock(noon);
  const street = await streetInstall(undefined, { clock: streetClock });
  const s = ledgerOn(street, streetClock);
  const eastPlace = await street.call('party.createPlace', { kind: 'community', name: '东里社区' });
  const southPlace = await street.call('party.createPlace', { kind: 'community', name: '南里社区' });
  const s3 = await s.report('2026-12-01', southPlace.id, { source: 'hotline' });
  await s.accept(s3, 'safety');
  const s1 = await s.report('2026-12-08', eastPlace.id);
  await s.accept(s1, 'environment');
  const s2 = await s.report('2026-12-09', southPlace.id);
  await s.accept(s2, 'facilities');
  await s.close(s2, '2026-12-09', 'mostly_satisfied');
  s.onDay('2026-12-10');

  await street.call('submission.importPackage', await packageOf(west, '2026-12', ['requests']));
  await street.call('submission.importPackage', await packageOf(east, '2026-12', ['requests']));
  await street.call('requests.answerEscalated', { unitCode: '130104001001', requestId: a2, measures: '已协调市政所修复', answeredBy: '城管科 赵刚' });
  return { street, west, eastPlace, southPlace };
}

describe('民呼必应概览 at a street', () => {
  it('counts its own ledger and its communities’ consolidated requests, each once, rates Σ/Σ', async () => {
    const { street, west, eastPlace, southPlace } = await streetWithTwoCommunities();
    const d = await street.call('requests.getDashboard', { communityId: null });
    expect(d.today).toBe('2026-12-10');
    expect(d.month).toEqual({ received: 9, notAccepted: 1, done: 4, doneOnTime: 3, inProgress: 5, rated: 4, satisfied: 3 });
    expect([d.onTimeRate, d.satisfactionRate]).toEqual([750, 750]);
    // The overdue: A4's copy and S3; only S3 is in this ledger's 督办 list, which the card opens.
    expect([d.overdue, d.overdueHere]).toEqual([2, 1]);
    expect((await street.call('requests.listRequests', { watch: 'overdue' })).rows.map((r) => r.placeName)).toEqual(['南里社区']);
    expect(d.months.filter((m) => m.received || m.done)).toEqual([
      { month: '2026-11', received: 1, done: 0 }, { month: '2026-12', received: 9, done: 4 },
    ]);
    expect(d.byCategory.map((g) => [g.label, g.count])).toEqual([
      ['公共设施维修', 4], ['环境卫生与绿化', 3], ['未分类（待梳理）', 1], ['私人之间的经济合同纠纷', 1], ['安全隐患', 1],
    ]);
    expect(d.bySource.map((g) => [g.key, g.count])).toEqual([['visit', 7], ['hotline', 2], ['grid_round', 1]]);
    // One choice per community: the street's place 东里社区 is the unit of that name; 西里社区 is a unit only.
    expect(d.communities).toEqual([
      { placeId: eastPlace.id, unitCode: '130104001002', name: '东里社区' },
      { placeId: southPlace.id, unitCode: null, name: '南里社区' },
      { placeId: null, unitCode: '130104001001', name: '西里社区' },
    ]);

    // A package sent again replaces its copies: nothing is counted twice.
    await street.call('submission.importPackage', await packageOf(west, '2026-12', ['requests']));
    expect((await street.call('requests.getDashboard', { communityId: null })).month).toEqual(d.month);
  });

  it('narrows to one community: its consolidated copies, and the street’s own requests at its place', async () => {
    const { street, eastPlace, southPlace } = await streetWithTwoCommunities();
    const westside = await street.call('requests.getDashboard', { communityId: null, unitCode: '130104001001' });
    expect(westside.month).toEqual({ received: 4, notAccepted: 1, done: 2, doneOnTime: 2, inProgress: 2, rated: 2, satisfied: 2 });
    expect([westside.onTimeRate, westside.satisfactionRate, westside.overdue, westside.overdueHere]).toEqual([1000, 1000, 1, 0]);

    const eastside = await street.call('requests.getDashboard', { communityId: eastPlace.id });
    expect(eastside.month).toEqual({ received: 3, notAccepted: 0, done: 1, doneOnTime: 0, inProgress: 2, rated: 1, satisfied: 0 });
    expect([eastside.onTimeRate, eastside.satisfactionRate, eastside.overdue]).toEqual([0, 0, 0]);
    expect(eastside.bySource.map((g) => [g.key, g.count])).toEqual([['visit', 2], ['grid_round', 1]]);

    const south = await street.call('requests.getDashboard', { communityId: southPlace.id });
    expect(south.month).toEqual({ received: 2, notAccepted: 0, done: 1, doneOnTime: 1, inProgress: 1, rated: 1, satisfied: 1 });
    // The card's 督办 link of one community: the ledger's overdue list narrowed to its place, in SQL.
    expect([south.overdue, south.overdueHere]).toEqual([1, 1]);
    const overdueOf = async (communityId: string) => (await street.call('requests.listRequests', { watch: 'overdue', communityId })).total;
    expect([await overdueOf(southPlace.id), await overdueOf(eastPlace.id)]).toEqual([1, 0]);

    expect(await street.attempt('requests.getDashboard', { communityId: null, unitCode: '130104009999' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'unitCode', message: '请选择社区' }] } });
  });
});
