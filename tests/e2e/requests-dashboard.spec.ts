import type { Page } from '@playwright/test';
import { addMonths } from '../../main/api/common/days';
import { apiCall } from './api';
import { today } from './clock';
import { requestsCommunity } from './requests-fixture';
import { expect, scratchDir, setUp, startApp, still, stopStreet, streetWindow, test } from './fixtures';

test.use({ actionTimeout: 15_000 });

test('民呼必应概览: this month’s figures with their rates, the twelve months, the groups and the overdue', async ({ page, app }) => {
  test.setTimeout(180_000);
  const { today, report } = await requestsCommunity(page, app);
  const step = (id: string, to: string, extra: Record<string, unknown> = {}) => apiCall(app, 'requests.step', { id, to, ...extra } as never);
  // Two months back: reported, handed to the community with a deadline that day, closed then — on time — and rated 满意.
  const earlier = addMonths(today, -2);
  const old = await report('小区门口路面破损', { reportedOn: earlier });
  await step(old.id, 'sorted', { category: 'facilities', urgency: 'normal' });
  await step(old.id, 'assigned', { handlerKind: 'community', handlerName: '西里社区', dueOn: today });
  await step(old.id, 'done', { doneOn: today, result: '已修补' });
  await step(old.id, 'publicised', { publicisedOn: today });
  await step(old.id, 'evaluated', { rating: 'satisfied' });
  const lamp = await report('3号楼楼道灯不亮');
  await step(lamp.id, 'sorted', { category: 'facilities', urgency: 'normal' });
  await step(lamp.id, 'assigned', { handlerKind: 'property_company', handlerName: '阳光物业' });
  await report('垃圾桶满溢', { source: 'hotline' });

  await page.goto(`${new URL(app.url).origin}/#/requests/dashboard`);
  await expect(page.getByRole('heading', { name: /民呼必应概览/ })).toBeVisible();
  await expect(page.getByText('本月受理').locator('..')).toContainText('2');
  await expect(page.getByText('按期办结率').locator('..')).toContainText('100.0%');
  await expect(page.getByText('群众满意率').locator('..')).toContainText('100.0%');
  await expect(page.getByRole('table', { name: /按类别/ }).getByRole('row').filter({ hasText: '公共设施维修' })).toContainText('2');
  await expect(page.getByRole('table', { name: /按来源/ }).getByRole('row').filter({ hasText: '热线电话' })).toContainText('1');
  await expect(page.getByRole('img', { name: /近 12 个月受理与办结/ })).toBeVisible();
  await still(page, 'requests-dashboard');
});

/** A community installation of the street, with a monthly package of its requests built by `fill`. */
async function communityPackage(page: Page, unit: { name: string; code: string }, fill: (call: Api, estateId: string) => Promise<void>) {
  const app = await startApp(scratchDir('community'));
  const ui = await streetWindow(page);
  try {
    await setUp(ui.page, app, { level: 'community', ...unit, operator: '李娜' });
    await apiCall(app, 'system.setParentUnit', { parentName: '西里街道', parentCode: '130104001' });
    const community = (await apiCall(app, 'party.listPlaces', {})).find((p) => p.kind === 'community')!;
    const estate = await apiCall(app, 'party.createPlace', { kind: 'estate', parentId: community.id, name: '阳光小区' });
    await fill(((channel: string, input: unknown) => apiCall(app, channel as never, input as never)) as Api, estate.id);
    const out = await apiCall(app, 'submission.buildMonthly', { level: 'community', period: today.slice(0, 7), modules: ['requests'], outputs: ['package'] });
    return { fileName: out.package!.fileName, contentBase64: out.package!.contentBase64 };
  } finally {
    await stopStreet(app, ui);
  }
}

type Api = (channel: string, input: unknown) => Promise<{ id: string }>;

/** A request reported today and taken through the steps named: sorted and assigned, then closed with a rating. */
async function requestOf(call: Api, placeId: string, content: string, o: { source?: string; category?: string; rating?: string } = {}) {
  const r = await call('requests.report', { reportedOn: today, source: o.source ?? 'visit', reporterName: '张秀兰', reporterPhone: '13812345678', placeId, content });
  if (!o.category) return;
  const step = (to: string, extra: Record<string, unknown>) => call('requests.step', { id: r.id, to, ...extra });
  await step('sorted', { category: o.category, urgency: 'normal' });
  await step('assigned', { handlerKind: 'community', handlerName: '社区居委会' });
  if (!o.rating) return;
  await step('done', { doneOn: today, result: '已处理' });
  await step('publicised', { publicisedOn: today });
  await step('evaluated', { rating: o.rating });
}

test('民呼必应概览 at a street: its own ledger and its communities’ requests from their packages, one community chosen', async ({ page, app }) => {
  test.setTimeout(240_000);
  // 西里社区: one closed 满意, one awaiting 梳理. 东里社区: one closed 不满意, one being handled.
  const west = await communityPackage(page, { name: '西里社区', code: '130104001001' }, async (call, estate) => {
    await requestOf(call, estate, '3号楼楼道灯不亮', { category: 'facilities', rating: 'satisfied' });
    await requestOf(call, estate, '垃圾桶满溢', { source: 'hotline' });
  });
  const east = await communityPackage(page, { name: '东里社区', code: '130104001002' }, async (call, estate) => {
    await requestOf(call, estate, '小区路面破损', { category: 'facilities', rating: 'unsatisfied' });
    await requestOf(call, estate, '楼道堆放杂物', { source: 'grid_round', category: 'environment' });
  });

  // The street: a request of its own at 南里社区 (closed, 基本满意), and both packages imported.
  await setUp(page, app, { level: 'street', name: '西里街道', code: '130104001', operator: '王芳' });
  const south = await apiCall(app, 'party.createPlace', { kind: 'community', name: '南里社区' });
  await requestOf(((channel: string, input: unknown) => apiCall(app, channel as never, input as never)) as Api, south.id, '南里社区门前路灯不亮', { category: 'facilities', rating: 'mostly_satisfied' });
  await apiCall(app, 'submission.importPackage', west);
  await apiCall(app, 'submission.importPackage', east);

  // Street-wide: 5 received, 3 closed on time, 2 of 3 satisfied (Σ/Σ), 2 in progress.
  await page.goto(`${new URL(app.url).origin}/#/requests/dashboard`);
  await expect(page.getByText('本月受理').locator('..')).toContainText('5');
  await expect(page.getByText('本月办结').locator('..')).toContainText('3');
  await expect(page.getByText('在办', { exact: true }).locator('..')).toContainText('2');
  await expect(page.getByText('按期办结率').locator('..')).toContainText('3 / 3 件');
  await expect(page.getByText('群众满意率').locator('..')).toContainText('66.7%');
  await expect(page.getByRole('table', { name: /按类别/ }).getByRole('row').filter({ hasText: '公共设施维修' })).toContainText('3');
  await expect(page.getByRole('table', { name: /按来源/ }).getByRole('row').filter({ hasText: '网格员走访' })).toContainText('1');
  await still(page, 'requests-dashboard-street');

  // One community, from its package: 西里社区's two.
  await page.getByRole('combobox', { name: '社区' }).click();
  await expect(page.getByRole('option')).toHaveText(['东里社区', '南里社区', '西里社区']);
  await page.getByRole('option', { name: '西里社区' }).click();
  await expect(page.getByText('本月受理').locator('..')).toContainText('2');
  await expect(page.getByText('群众满意率').locator('..')).toContainText('1 / 1 件');
  // Its requests are followed up in its own ledger: no 督办 link here.
  await expect(page.getByRole('link', { name: '到督办查看' })).toHaveCount(0);
  await still(page, 'requests-dashboard-street-community');

  // A community of the street's own places: the card opens 督办 已超期 of that community.
  await page.getByRole('combobox', { name: '社区' }).click();
  await page.getByRole('option', { name: '南里社区' }).click();
  await expect(page.getByText('本月受理').locator('..')).toContainText('1');
  await page.getByRole('link', { name: '到督办查看' }).click();
  await expect(page.getByRole('heading', { name: '诉求台账' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: '社区' })).toHaveValue('南里社区');
  await expect(page.getByRole('combobox', { name: '督办' })).toHaveValue('已超期');
  expect(new URL(page.url()).hash).toBe(`#/requests/ledger?watch=overdue&community=${south.id}`);
  await still(page, 'requests-ledger-community-overdue');
});
