import { addMonths } from '../../main/api/common/days';
import { apiCall } from './api';
import { expect, setUp, still, test } from './fixtures';

test.use({ actionTimeout: 15_000 });

test('民呼必应概览: this month’s figures with their rates, the twelve months, the groups and the overdue', async ({ page, app }) => {
  test.setTimeout(180_000);
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '王芳' });
  const community = (await apiCall(app, 'party.listPlaces', {})).find((p) => p.kind === 'community')!;
  const estate = await apiCall(app, 'party.createPlace', { kind: 'estate', parentId: community.id, name: '阳光小区', households: 320 });
  const today = (await apiCall(app, 'system.getClock', {})).today;
  const report = (content: string, extra: Record<string, unknown> = {}) =>
    apiCall(app, 'requests.report', { reportedOn: today, source: 'visit', reporterName: '张秀兰', reporterPhone: '13812345678', placeId: estate.id, content, ...extra });
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
