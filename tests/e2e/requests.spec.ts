import type { Page } from '@playwright/test';
import { apiCall } from './api';
import { expect, setUp, still, test, type RunningApp } from './fixtures';

test.use({ actionTimeout: 15_000 });

const dialog = (page: Page, name: string | RegExp) => page.getByRole('dialog', { name });

async function choose(page: Page, within: ReturnType<typeof dialog> | Page, label: string, option: string | RegExp) {
  await within.getByRole('combobox', { name: label }).first().click();
  await page.getByRole('option', { name: option }).first().click();
}

/** An estate with two buildings in the places register (the setup put the community there). */
async function seed(app: RunningApp) {
  const community = (await apiCall(app, 'party.listPlaces', {})).find((p) => p.kind === 'community')!;
  const estate = await apiCall(app, 'party.createPlace', { kind: 'estate', parentId: community.id, name: '阳光小区', households: 320 });
  const b3 = await apiCall(app, 'party.createPlace', { kind: 'building', parentId: estate.id, name: '3号楼', unitCount: 2, households: 160 });
  await apiCall(app, 'party.createPlace', { kind: 'building', parentId: estate.id, name: '5号楼', unitCount: 2, households: 180 });
  return { b3 };
}

test('requests: a grid, a request through its whole cycle to 评价, and one overdue on the list and the home page', async ({ page, app }) => {
  test.setTimeout(240_000);
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '王芳' });
  const { b3 } = await seed(app);
  const go = (a: RunningApp, path: string) => page.goto(`${new URL(a.url).origin}/#${path}`);

  // 网格: empty, says what to do; a grid of two buildings whose households are summed.
  await go(app, '/requests/grids');
  await expect(page.getByText('还没有网格')).toBeVisible();
  await still(page, 'requests-grids-empty');
  await page.getByRole('button', { name: '新建网格' }).first().click();
  const gridForm = dialog(page, '新建网格');
  await gridForm.getByLabel('网格名称').fill('第一网格');
  await gridForm.getByLabel('网格员姓名').fill('刘晓梅');
  await gridForm.getByLabel('网格员电话').fill('13912345678');
  await choose(page, gridForm, '社区', '西里社区');
  await gridForm.getByRole('combobox', { name: '包含的楼栋' }).click();
  await page.getByRole('option', { name: '阳光小区 3号楼' }).click();
  await page.getByRole('option', { name: '阳光小区 5号楼' }).click();
  await gridForm.getByLabel('网格名称').click();
  await expect(gridForm.getByText('楼栋户数合计约 340 户')).toBeVisible();
  await still(page, 'requests-grid-form');
  await page.keyboard.press('Control+Enter');
  await expect(gridForm).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: '第一网格' })).toContainText('阳光小区3号楼、阳光小区5号楼');
  await still(page, 'requests-grids');

  // 诉求台账: empty, then 上报 from the keyboard, content first.
  await go(app, '/requests/ledger');
  await expect(page.getByText('台账里还没有诉求')).toBeVisible();
  await page.getByRole('button', { name: '登记诉求' }).first().click();
  const report = dialog(page, '登记诉求');
  await expect(report.getByLabel('诉求内容')).toBeFocused();
  await page.keyboard.type('3号楼 2 单元楼道灯不亮，晚上老人上下楼不方便');
  await expect(report.getByLabel('诉求内容')).toHaveValue('3号楼 2 单元楼道灯不亮，晚上老人上下楼不方便');
  await report.getByRole('checkbox', { name: '保存后继续登记下一件' }).uncheck();
  await choose(page, report, '地点', '西里社区 阳光小区 3号楼');
  await report.getByLabel('反映人').fill('张秀兰');
  await report.getByLabel('联系电话').fill('13812345678');
  await still(page, 'requests-report-form');
  await page.keyboard.press('Control+Enter');
  await expect(report).toBeHidden();
  const row = page.getByRole('row').filter({ hasText: '楼道灯不亮' });
  await expect(row).toContainText('张**');
  await expect(page.getByText('张秀兰')).toHaveCount(0);
  await expect(row).toContainText('待梳理');

  // The drawer offers only the allowed steps; take each in turn.
  await row.click();
  const drawer = dialog(page, '诉求');
  await expect(drawer.getByRole('button', { name: '梳理受理' })).toBeVisible();
  await expect(drawer.getByRole('button', { name: '办结' })).toHaveCount(0);
  const step = async (name: string, fill: (m: ReturnType<typeof dialog>) => Promise<void>) => {
    await drawer.getByRole('button', { name, exact: true }).click();
    const modal = dialog(page, name);
    await fill(modal);
    await modal.getByRole('button', { name, exact: true }).click();
    await expect(modal).toBeHidden();
  };
  await step('梳理受理', (m) => choose(page, m, '受理类别', '公共设施维修'));
  await step('交办', async (m) => {
    await choose(page, m, '承办层级', '物业服务企业');
    await m.getByLabel('承办单位或人员').fill('阳光物业服务中心');
  });
  await expect(drawer.getByText(/物业服务企业 · 阳光物业服务中心/)).toBeVisible();
  await step('督办', (m) => m.getByLabel('督办意见').fill('请本周内修复并回复'));
  await still(page, 'requests-drawer-supervised');
  await step('办结', (m) => m.getByLabel('办理结果和措施').fill('已更换 2 单元各层感应灯'));
  await step('公示', (m) => m.getByLabel('公示位置（问题墙、回音壁…）').fill('小区问题墙'));
  await step('评价', (m) => choose(page, m, '回访评价', '满意'));
  await expect(drawer.getByText('这件诉求已经办完，没有下一步')).toBeVisible();
  for (const s of ['上报', '梳理受理', '交办', '督办', '办结', '公示', '评价']) await expect(drawer.getByText(new RegExp(`^${s} · `))).toBeVisible();
  await still(page, 'requests-drawer-evaluated');
  await page.keyboard.press('Escape');

  // Another, handed to the community (2 days): four days later it is overdue in the list and on the home page.
  const r2 = await apiCall(app, 'requests.report', { reportedOn: (await apiCall(app, 'system.getClock', {})).today, source: 'grid_round', anonymous: true, placeId: b3.id, content: '5号楼前井盖松动' });
  await apiCall(app, 'requests.step', { id: r2.id, to: 'sorted', category: 'safety', urgency: 'urgent' });
  await apiCall(app, 'requests.step', { id: r2.id, to: 'assigned', handlerKind: 'community', handlerName: '西里社区' });
  const later = await app.restart(4);
  try {
    await page.goto(later.url);
    await go(later, '/');
    await page.getByText('1 件诉求已超过办理期限').click();
    await expect(page.getByRole('checkbox', { name: '只看超期' })).toBeChecked();
    const late = page.getByRole('row').filter({ hasText: '井盖松动' });
    await expect(late).toContainText('超期');
    await expect(late).toContainText('匿名');
    await expect(page.getByText('共 1 件')).toBeVisible();
    await still(page, 'requests-ledger-overdue');
  } finally {
    await later.stop();
  }
});
