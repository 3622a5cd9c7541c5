import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../main/clock';
import { TEST_NOW, today } from './helpers';
import { communityInstall, packageOf, streetInstall, thisMonth } from './submission-fixture';
import { sheetRows, workbookOf } from './workbook-read';

const DAY = 86_400_000;

/**
 * A community whose ledger holds, ten days before the tests' today (day A): a request handed to the property
 * company (due A+5) and closed today — late — and rated 满意; one handed to the community (due A+2), closed on A+1
 * and rated 不满意, then handed over again; one not accepted; one still awaiting 梳理; and one reported today.
 */
async function communityWithRequests(unit: { name?: string; code?: string } = {}) {
  const clock = manualClock(new Date(Date.parse(TEST_NOW) - 10 * DAY).toISOString());
  const t = await communityInstall({ ...unit, clock });
  const dayA = (await t.call('system.getClock', {})).today;
  const report = (extra: Record<string, unknown> = {}) =>
    t.call('requests.report', { reportedOn: dayA, source: 'visit', reporterName: '张秀兰', reporterPhone: '13812345678', placeId: t.estate.id, content: '楼道灯不亮', ...extra });
  const step = (id: string, to: string, extra: Record<string, unknown> = {}) => t.call('requests.step', { id, to, ...extra } as never);
  const late = await report();
  await step(late.id, 'sorted', { category: 'facilities', urgency: 'normal' });
  await step(late.id, 'assigned', { handlerKind: 'property_company', handlerName: '阳光物业' });
  const onTime = await report({ source: 'hotline', content: '垃圾桶满溢' });
  await step(onTime.id, 'sorted', { category: 'environment', urgency: 'normal' });
  await step(onTime.id, 'assigned', { handlerKind: 'community', handlerName: '西里社区' });
  await step((await report({ anonymous: true, reporterName: null, reporterPhone: null, content: '与邻居借款纠纷' })).id, 'not_accepted', {
    category: 'private_contract', answer: '建议向人民调解委员会申请调解', reason: '私人之间的经济合同纠纷',
  });
  await report({ content: '小区门口路面破损' });

  const dayA1 = new Date(Date.parse(`${dayA}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
  clock.set(TEST_NOW);
  const T = today();
  for (const [id, doneOn, rating] of [[late.id, T, 'satisfied'], [onTime.id, dayA1, 'unsatisfied']] as const) {
    await step(id, 'done', { doneOn, result: '已处理' });
    await step(id, 'publicised', { publicisedOn: T });
    await step(id, 'evaluated', { rating });
  }
  await step(onTime.id, 'assigned', { handlerKind: 'community', handlerName: '西里社区', note: '重新交办' });
  await report({ reportedOn: T, reporterName: '李建国', content: '电梯异响' });
  return { ...t, dayA, dayA1, T };
}

describe('民呼必应 in the monthly submission', () => {
  it('registers the month’s requests with the reporter masked, and counts the month by 办结 day, Σ/Σ', async () => {
    const t = await communityWithRequests();
    const period = thisMonth();
    const inMonth = (d: string) => d.slice(0, 7) === period;
    const out = await t.call('submission.buildMonthly', { level: 'community', period, modules: ['requests'] });
    const wb = await workbookOf(out.workbook!.contentBase64);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '民呼必应诉求登记台账', '民呼必应诉求分类统计']);

    const received = [t.dayA, t.dayA, t.dayA, t.dayA, t.T].filter(inMonth).length;
    const register = sheetRows(wb.getWorksheet('民呼必应诉求登记台账')!);
    expect(register).toHaveLength(received + 1); // and the 合计 row
    expect(register.at(-2)).toMatchObject({ 登记日期: new Date(`${t.T}T00:00:00Z`), 反映人: '李**', 联系电话: '138****5678', 诉求内容: '电梯异响', 办理状态: '待梳理' });
    if (inMonth(t.dayA)) expect(register.map((r) => r['反映人'])).toContain('匿名');
    expect(JSON.stringify(register)).not.toMatch(/张秀兰|李建国|13812345678/);

    // The late one closed today counts as done, not on time; the reopened one lost its 办结 and is in progress again.
    const summary = sheetRows(wb.getWorksheet('汇总')!)[0]!;
    expect(summary).toMatchObject({ 社区: '西里社区', 本月受理诉求: received, 本月办结: 1, 按期办结: 0, 已评价: 1, 满意及基本满意: 1, 月末在办: 4 - 1 });
    expect(summary['群众满意率']).toBe(1);

    const byCategory = sheetRows(wb.getWorksheet('民呼必应诉求分类统计')!);
    const total = byCategory.at(-1)!;
    expect(total).toMatchObject({ 本期办结: summary['本月办结'], 期末在办: summary['月末在办'], 本期受理登记: received });
    expect(byCategory.find((r) => r['诉求类别'] === '公共设施维修')).toMatchObject({ 本期办结: 1, 按期办结: 0, 按期办结率: 0 });
  });

  it('carries the ledger in the package, masked, and the street adds its communities up Σ/Σ', async () => {
    const west = await communityWithRequests();
    const east = await communityWithRequests({ name: '东里社区', code: '130104001002' });
    // East closes one more today, rated 不满意 and left so: east 1 of 2 satisfied, west 1 of 1 — the street 2 of 3,
    // not the mean of the two rates.
    const extra = await east.call('requests.report', { reportedOn: east.T, source: 'grid_round', anonymous: true, placeId: east.estate.id, content: '井盖松动' });
    const steps = [['sorted', { category: 'safety', urgency: 'urgent' }], ['assigned', { handlerKind: 'community', handlerName: '东里社区' }],
      ['done', { doneOn: east.T, result: '已更换' }], ['publicised', { publicisedOn: east.T }], ['evaluated', { rating: 'unsatisfied' }]] as const;
    for (const [to, fields] of steps) await east.call('requests.step', { id: extra.id, to, ...fields } as never);
    const pkg = await packageOf(east, thisMonth(), ['requests']);
    const files = unzipSync(Buffer.from(pkg.contentBase64, 'base64'));
    const rows = strFromU8(files['tables/requests.requests.json']!);
    expect(rows).toContain('"reporterName":"张**"');
    expect(rows).not.toMatch(/张秀兰|13812345678/);

    const street = await streetInstall();
    await street.call('submission.importPackage', pkg);
    await street.call('submission.importPackage', await packageOf(west, thisMonth(), ['requests']));
    const out = await street.call('submission.buildMonthly', { level: 'street', period: thisMonth(), modules: ['requests'], outputs: ['workbook'] });
    const summary = sheetRows((await workbookOf(out.workbook!.contentBase64)).getWorksheet('汇总')!);
    expect(summary.map((r) => [r['社区'], r['本月办结'], r['已评价'], r['满意及基本满意']])).toEqual([['东里社区', 2, 2, 1], ['西里社区', 1, 1, 1], ['共 2 个', 3, 3, 2]]);
    expect(summary[2]!['群众满意率']).toBeCloseTo(2 / 3);
  });
});
