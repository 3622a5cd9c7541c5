import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { openDatabase, type Db } from '../../db/open';
import { requestsAround } from '../../db/requests/export';
import { mondayOf } from '../../main/api/common/days';
import { inMoment, tempDir } from './helpers';
import { requestsFixture } from './requests-fixture';
import { sheetRows, workbookOf } from './workbook-read';
import { pdfFlatText } from './pdf-text';

/**
 * On the fixture's clock (2026-12-02, a Wednesday): the week 11-30 – 12-06 has a request closed on time, one refused,
 * one reported today awaiting 梳理; an older one still in progress and one closed the week before.
 */
async function weekFixture() {
  const t = await requestsFixture();
  const on = async (day: string, extra: Record<string, unknown>, steps: [string, Record<string, unknown>][]) => {
    t.onDay(day);
    const r = await t.report({ reportedOn: day, ...extra });
    for (const [to, input] of steps) await t.step(r.id, to, input);
    return r;
  };
  const sorted = (category: string): [string, Record<string, unknown>] => ['sorted', { category, urgency: 'normal' }];
  const assigned: [string, Record<string, unknown>] = ['assigned', { handlerKind: 'community', handlerName: '西里社区' }];
  await on('2026-11-20', { content: '老旧小区屋面漏水' }, [sorted('facilities'), assigned]);
  const lastWeek = await on('2026-11-20', { content: '垃圾桶满溢', source: 'hotline' }, [sorted('environment'), assigned]);
  t.onDay('2026-11-25');
  await t.step(lastWeek.id, 'done', { doneOn: '2026-11-25', result: '已清运' });
  const closed = await on('2026-11-30', { content: '楼道灯不亮', source: 'grid_round' }, [sorted('facilities'), assigned]);
  await on('2026-12-01', { content: '与邻居借款纠纷', anonymous: true }, [['not_accepted', { category: 'private_contract', answer: '建议申请人民调解', reason: '私人之间的经济合同纠纷' }]]);
  t.onDay('2026-12-02');
  await t.step(closed.id, 'done', { doneOn: '2026-12-02', result: '已更换灯泡' });
  await t.report({ reportedOn: '2026-12-02', content: '电梯异响', source: 'hotline' });
  return t;
}

describe('日登记 and 周汇总', () => {
  it('count the week by category, state and source with the monthly tally: received by report, done by 办结, in progress at the end', async () => {
    const t = await weekFixture();
    const week = await t.call('requests.getSummary', { from: '2026-11-30', to: '2026-12-06' });
    expect(week.total).toEqual({ received: 3, notAccepted: 1, done: 1, doneOnTime: 1, inProgress: 2, rated: 0, satisfied: 0 });
    expect(week.byCategory.map((g) => [g.label, g.tally.received, g.tally.done, g.tally.inProgress])).toEqual([
      ['公共设施维修', 1, 1, 1], // the one closed this week, and the old one still being handled
      ['私人之间的经济合同纠纷', 1, 0, 0],
      ['未分类（待梳理）', 1, 0, 1],
    ]);
    expect(week.byState.map((g) => [g.label, g.tally.received])).toEqual([['待梳理', 1], ['不予受理', 1], ['办理中', 0], ['已办结', 1]]);
    expect(week.bySource.map((g) => [g.label, g.tally.received])).toEqual([['居民来访', 1], ['热线电话', 1], ['网格员走访', 1]]);

    // 日登记: today's reports.
    const day = await t.call('requests.getSummary', { from: '2026-12-02', to: '2026-12-02' });
    expect(day.total).toMatchObject({ received: 1, done: 1, inProgress: 2 });
    expect(day.bySource.find((g) => g.key === 'hotline')!.tally.received).toBe(1);
    // Its list: the day's reports, of the community or the street.
    expect((await t.call('requests.listRequests', { reportedOn: '2026-12-02' })).rows.map((r) => r.content)).toEqual(['电梯异响']);
    expect((await t.call('requests.listRequests', { reportedOn: '2026-11-20', communityId: t.community.id })).total).toBe(2);
    const other = await t.call('party.createPlace', { kind: 'community', name: '东里社区' });
    expect((await t.call('requests.listRequests', { reportedOn: '2026-11-20', communityId: other.id })).total).toBe(0);
  });

  it('agree with the month’s 汇总 figures, being the same tally', async () => {
    const t = await weekFixture();
    const month = await t.call('requests.getSummary', { from: '2026-12-01', to: '2026-12-31' });
    const out = await t.call('submission.buildMonthly', { level: 'street', period: '2026-12', modules: ['requests'] });
    const summary = sheetRows((await workbookOf(out.workbook!.contentBase64)).getWorksheet('汇总')!)[0]!;
    expect(summary).toMatchObject({
      本月受理诉求: month.total.received, 本月办结: month.total.done, 月末在办: month.total.inProgress, 按期办结: month.total.doneOnTime,
    });
  });

  it('take one community or the street, and refuse a place that is not a community or days the wrong way round', async () => {
    const t = await weekFixture();
    const other = await t.call('party.createPlace', { kind: 'community', name: '东里社区' });
    expect((await t.call('requests.getSummary', { communityId: t.community.id, from: '2026-11-30', to: '2026-12-06' })).total.received).toBe(3);
    expect((await t.call('requests.getSummary', { communityId: other.id, from: '2026-11-30', to: '2026-12-06' })).total.received).toBe(0);
    expect(await t.attempt('requests.getSummary', { communityId: t.estate.id, from: '2026-11-30', to: '2026-12-06' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'communityId', message: '请选择社区' }] } });
    expect(await t.attempt('requests.getSummary', { from: '2026-12-06', to: '2026-11-30' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'to', message: '结束日期不能早于开始日期' }] } });
  });
});

describe('the requests around a week', () => {
  it('are read through requests_reported, requests_done and requests_state, not a scan of the ledger', async () => {
    const db = await inMoment(() => openDatabase(path.join(tempDir(), 'x.sqlite')));
    const seen: string[] = [];
    const spy = new Proxy(db, { get: (target, prop) => (prop === 'prepare' ? (sql: string) => (seen.push(sql), target.prepare(sql)) : Reflect.get(target, prop, target)) }) as Db;
    Array.from(requestsAround(spy, null, '2026-11-30', '2026-12-06'));
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${seen[0]!}`).all(null, null, '2026-11-30', '2026-12-06', '2026-11-30', '2026-12-06') as { detail: string }[])
      .map((r) => r.detail).join(' | ');
    for (const index of ['requests_reported', 'requests_done', 'requests_state']) expect(plan).toMatch(new RegExp(`SEARCH requests USING (COVERING )?INDEX ${index}`));
    expect(plan).not.toMatch(/SCAN requests\b/);
    db.close();
  });
});

describe('the week of a day', () => {
  it('runs Monday to Sunday, across a month and a year end', () => {
    expect(['2026-11-30', '2026-12-02', '2026-12-06', '2027-01-01', '2027-01-03'].map(mondayOf))
      .toEqual(['2026-11-30', '2026-11-30', '2026-11-30', '2026-12-28', '2026-12-28']);
  });

  it('print as the screen shows them: the day’s requests with the reporter masked, and the week by three groupings with Σ/Σ 合计', async () => {
    const t = await weekFixture();
    const file = await t.call('requests.printSummary', { communityId: t.community.id, day: '2026-12-02' });
    expect(file).toMatchObject({ fileName: '民呼必应日登记与周汇总-西里社区-2026-12-02.pdf', mime: 'application/pdf' });
    // Read with every space taken out (pdftotext's spacing follows the table's columns, not the words).
    const text = pdfFlatText(file.contentBase64);
    expect(text).toContain('日登记·2026年12月2日');
    expect(text).toContain('当日登记1件，当日办结1件，不予受理0件，日末在办2件。');
    // The day's one request: its source, its reporter masked, its content (pdftotext reads the short table by column).
    for (const cell of ['热线电话', '张**', '西里社区阳光小区3号楼', '电梯异响', '待梳理']) expect(text).toContain(cell);
    for (const hidden of ['张秀兰', '13812345678']) expect(text).not.toContain(hidden);
    // The week of 30 November: the screen's figures (getSummary above), each grouping ending in the week's 合计.
    expect(text).toContain('周汇总·2026年11月30日至2026年12月6日');
    expect(text.match(/合计3111100\.0%200—/g)).toHaveLength(3);
    expect(text).toContain('私人之间的经济合同纠纷1100—000—'); // received and refused, nothing else
    expect(await t.attempt('requests.printSummary', { communityId: t.estate.id, day: '2026-12-02' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'communityId', message: '请选择社区' }] } });
  });
});
