import type { Page } from '@playwright/test';
import { periodLabel, reportingQuarter, shiftQuarter } from '../../main/api/property/figures';
import { apiCall } from './api';
import { today } from './clock';
import { expect, setUp, still, test, type RunningApp } from './fixtures';

test.use({ actionTimeout: 15_000 });

// The quarter offices report on (the last one ended) and two before it, whatever day the suite runs on.
const period = reportingQuarter(today);
const earlier = [shiftQuarter(period, -2), shiftQuarter(period, -1)];

/** Two estates with profiles; 凯乐花园 has collected 46% and then 70% in the two quarters before (the seed's story). */
async function seed(app: RunningApp) {
  const community = (await apiCall(app, 'party.listPlaces', {})).find((p) => p.kind === 'community')!;
  const [kaile, pearl] = await Promise.all([
    apiCall(app, 'party.createPlace', { kind: 'estate', parentId: community.id, name: '凯乐花园', households: 420 }),
    apiCall(app, 'party.createPlace', { kind: 'estate', parentId: community.id, name: '明珠花园', households: 1200 }),
  ]);
  await apiCall(app, 'property.createEstate', { placeId: kaile.id, management: 'self', households: 420 });
  await apiCall(app, 'property.createEstate', { placeId: pearl.id, management: 'company', households: 1200 });
  for (const [p, unpaid] of [[earlier[0]!, '54'], [earlier[1]!, '30']] as const) {
    await apiCall(app, 'property.saveFees', { period: p, rows: [{ estateId: kaile.id, receivableFen: '100', unpaidFen: unpaid }] });
  }
}

const cell = (page: Page, estate: string, column: string) => page.getByLabel(`${estate} ${column}`, { exact: true });
const row = (page: Page, estate: string) => page.getByRole('row').filter({ hasText: estate });

test('red property figures: a quarter of fees and surveys for two estates, the street rate of the sums, the trend and the overview', async ({ page, app }) => {
  test.setTimeout(180_000);
  await setUp(page, app, { level: 'community', name: '洪山坊社区', code: '420106001001', operator: '王芳' });
  const go = (path: string) => page.goto(`${new URL(app.url).origin}/#${path}`);
  // Before any estate: the overview and the grid say what to do first.
  await go('/property');
  await expect(page.getByText('还没有小区物业档案')).toBeVisible();
  await expect(page.getByRole('link', { name: '建立小区档案' })).toBeVisible();
  await still(page, 'property-dashboard-empty');
  await go('/property/fees');
  await expect(page.getByText('先在“小区”页为小区建立物业档案，再按季度填报满意度和物业费收缴。')).toBeVisible();
  // Written through the API, behind the window's back: a reload reads them.
  await seed(app);
  await go('/');
  await page.reload();

  // 今日待办: both estates are managed and have no fee figures for the quarter just ended, nor a survey for a year.
  await expect(page.getByText(`物业费收缴待填报（${periodLabel(period)}）`)).toBeVisible();
  await expect(page.getByText('满意度调查待开展')).toBeVisible();
  await still(page, 'property-figures-todos');

  // 收费: the grid opens on the reporting quarter with the first cell focused; typed in yuan, down the column.
  await go('/property/fees');
  await expect(page.getByRole('combobox', { name: '统计季度' })).toHaveValue(`${periodLabel(period)}（应报季度）`);
  await expect(cell(page, '凯乐花园', '应收（元）')).toBeFocused();
  await page.keyboard.type('100');
  await page.keyboard.press('Enter');
  await page.keyboard.type('10,000');
  await cell(page, '凯乐花园', '未缴（元）').fill('120');
  await cell(page, '凯乐花园', '清欠（元）').click();
  await expect(page.getByText('未缴金额不能超过应收金额')).toBeVisible();
  await still(page, 'property-fees-error');
  await cell(page, '凯乐花园', '未缴（元）').fill('6');
  await cell(page, '明珠花园', '未缴（元）').fill('5000');
  await cell(page, '明珠花园', '清欠（元）').fill('1,200.50');
  await expect(page.getByText('未缴金额不能超过应收金额')).toBeHidden();
  await expect(row(page, '凯乐花园')).toContainText('94.0%');
  await expect(row(page, '明珠花园')).toContainText('50.0%');
  await expect(page.getByText('2 个小区有未保存的修改')).toBeVisible();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('已保存：新增 2 个小区')).toBeVisible();
  // The street: (94 + 5,000) / (100 + 10,000) = 50.4% of the amounts, not the mean of 94% and 50%.
  const total = page.getByRole('row').filter({ hasText: '合计' });
  await expect(total).toContainText('已填 2 / 2 个小区');
  await expect(total).toContainText('¥10,100.00');
  await expect(total).toContainText('¥5,006.00');
  await expect(total).toContainText('¥1,200.50');
  await expect(total).toContainText('50.4%');
  await still(page, 'property-fees');

  // 满意度: answers must add up to the questionnaires; rates of the sums for the street.
  await go('/property/surveys');
  await expect(cell(page, '凯乐花园', '总户数')).toHaveValue('420');
  await cell(page, '凯乐花园', '抽样户数').fill('100');
  for (const [column, v] of [['有效问卷', '80'], ['满意', '50'], ['基本满意', '22'], ['不满意', '3']]) await cell(page, '凯乐花园', column!).fill(v!);
  await cell(page, '明珠花园', '抽样户数').click();
  await expect(page.getByText('满意、基本满意、不满意合计 75 份，应等于有效问卷 80 份')).toBeVisible();
  await cell(page, '凯乐花园', '不满意').fill('8');
  await expect(row(page, '凯乐花园')).toContainText('90.0%');
  // Another quarter would drop the typing: it asks first.
  await page.getByRole('combobox', { name: '统计季度' }).click();
  await page.getByRole('option', { name: periodLabel(earlier[1]!), exact: true }).click();
  const leave = page.getByRole('dialog', { name: '放弃未保存的修改？' });
  await expect(leave).toContainText('1 个小区的修改还没有保存');
  await leave.getByRole('button', { name: '取消' }).click();
  await expect(cell(page, '凯乐花园', '不满意')).toHaveValue('8');
  await cell(page, '明珠花园', '抽样户数').fill('300');
  for (const [column, v] of [['有效问卷', '300'], ['满意', '150'], ['基本满意', '60'], ['不满意', '90']]) await cell(page, '明珠花园', column!).fill(v!);
  await page.getByRole('button', { name: '保存本季度' }).click();
  await expect(page.getByText('已保存：新增 2 个小区')).toBeVisible();
  const surveyTotal = page.getByRole('row').filter({ hasText: '合计' });
  await expect(surveyTotal).toContainText('74.2%');
  await expect(surveyTotal).toContainText('23.5%');
  await still(page, 'property-surveys');

  // The trend of 凯乐花园: 46% → 70% → 94%.
  await go(`/property/fees`);
  await page.getByRole('button', { name: '凯乐花园 看趋势' }).click();
  const drawer = page.getByRole('dialog', { name: /凯乐花园 · 趋势/ });
  await expect(drawer.getByRole('img', { name: '凯乐花园趋势图' })).toBeVisible();
  for (const rate of ['46.0%', '70.0%', '94.0%']) await expect(drawer.getByRole('img').getByText(rate)).toBeVisible();
  await expect(drawer.getByRole('row').filter({ hasText: periodLabel(period) })).toContainText('90.0%');
  await still(page, 'property-trend');
  await page.keyboard.press('Escape');

  // The overview: the latest quarter's rates weighted across the street, the trend, the slot for the red and black list.
  await go('/property');
  await expect(page.getByRole('heading', { name: '红色物业概览' })).toBeVisible();
  const collection = page.locator('.mantine-Paper-root').filter({ hasText: '物业费收缴率' });
  await expect(collection).toContainText('50.4%');
  await expect(collection).toContainText(`${periodLabel(period)} · 2 个小区`);
  await expect(page.locator('.mantine-Paper-root').filter({ hasText: /^满意率/ })).toContainText('74.2%');
  await expect(page.getByRole('img', { name: /全街道收缴率与满意率/ })).toBeVisible();
  await expect(page.getByText('物业服务质量考评发布红黑榜后，最新一期将显示在这里。')).toBeVisible();
  await expect(page.getByText('各小区都已填报')).toBeVisible();
  await still(page, 'property-dashboard');
});
