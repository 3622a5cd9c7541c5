import type { Page } from '@playwright/test';
import { apiCall } from './api';
import { today } from './clock';
import { expect, setUp, still, test, type RunningApp } from './fixtures';

// A step that cannot find its target fails within seconds, not at the end of the test's budget.
test.use({ actionTimeout: 15_000 });

const dialog = (page: Page, name: string | RegExp) => page.getByRole('dialog', { name });

async function choose(page: Page, within: ReturnType<typeof dialog> | Page, label: string, option: string | RegExp) {
  await within.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** An estate with a building in the places register (the setup put the community there). */
async function seed(app: RunningApp) {
  const community = (await apiCall(app, 'party.listPlaces', {})).find((p) => p.kind === 'community')!;
  const estate = await apiCall(app, 'party.createPlace', { kind: 'estate', parentId: community.id, name: '阳光小区', households: 320 });
  await apiCall(app, 'party.createPlace', { kind: 'building', parentId: estate.id, name: '3号楼', unitCount: 2 });
}

test('elevators: register one, see maintenance overdue, record maintenance with the sign-off and see it clear, record an entrapment', async ({ page, app }) => {
  test.setTimeout(240_000);
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '王芳' });
  await seed(app);
  const go = (path: string) => page.goto(`${new URL(app.url).origin}/#${path}`);

  // 电梯档案: empty, says what to do; the navigation group is the fund's.
  await go('/elevator/register');
  await expect(page.getByText('还没有登记电梯')).toBeVisible();
  await expect(page.getByRole('navigation').getByText('基金账户')).toBeVisible();
  await still(page, 'elevator-register-empty');
  await page.getByRole('button', { name: '登记电梯' }).first().click();
  const form = dialog(page, '登记电梯');
  await choose(page, form, '小区', /阳光小区/);
  await choose(page, form, '楼栋', '3号楼');
  await form.getByLabel('单元').fill('1');
  await form.getByLabel('梯号').fill('1号梯');
  // The layout example: 2160 is not an elevator's category — a warning, not a refusal.
  await form.getByLabel('注册代码').fill('21603101012006010101');
  await expect(form.getByText('前 4 位是设备类别，电梯以 3 开头，这里是 2160')).toBeVisible();
  await form.getByLabel('救援电话（轿厢内张贴）').fill('96333');
  await form.getByLabel('维保单位', { exact: true }).fill('江城电梯工程有限公司');
  await form.getByLabel('每月维保费（元/台）').fill('350');
  await form.getByLabel('额定速度（米/秒）').fill('1.75');
  await still(page, 'elevator-form-soft-check');
  await form.getByLabel('注册代码').fill('31104201022015060123');
  await expect(form.getByText('代码没有校验位')).toBeHidden();
  await page.keyboard.press('Control+Enter');
  await expect(form).toBeHidden();
  await expect(page.getByText('共 1 部')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: '阳光小区 · 3号楼 · 1单元 · 1号梯' });
  await expect(row.getByText('维保逾期')).toBeVisible();
  await still(page, 'elevator-register-overdue');

  // 今日待办 names it and links to the overdue list.
  await go('/');
  await page.getByText('1 部电梯维保逾期').click();
  await expect(page.getByRole('combobox', { name: '提醒' })).toHaveValue('维保逾期');
  await expect(row).toBeVisible();

  // 维保记录 from the drawer: a record typed with the keyboard, unsigned at first — still overdue.
  await row.click();
  await dialog(page, /电梯档案 · 阳光小区/).getByRole('link', { name: '维保记录' }).click();
  await expect(page.getByText('这部电梯还没有维保记录')).toBeVisible();
  await page.getByRole('button', { name: '新增记录' }).first().click();
  const record = dialog(page, '新增维保记录');
  await expect(record.getByRole('textbox', { name: '日期', exact: true })).toBeFocused();
  await expect(record.getByRole('textbox', { name: '维保单位', exact: true })).toHaveValue('江城电梯工程有限公司');
  await record.getByRole('textbox', { name: '维保人员', exact: true }).fill('李师傅');
  await record.getByLabel('第二名维保人员').fill('赵师傅');
  await record.getByRole('button', { name: '全选' }).click();
  await record.getByLabel('发现的问题').fill('层门地坎有积尘，已清理');
  await still(page, 'elevator-maintenance-form');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('已保存维保记录')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(record).toBeHidden();
  const entry = page.getByRole('row').filter({ hasText: '半月维保' });
  await expect(entry.getByText('31 项')).toBeVisible();
  await expect(page.getByText('维保逾期')).toBeVisible();

  // The safety manager signs it off: the warning clears.
  await entry.getByRole('button', { name: '签认' }).click();
  const sign = dialog(page, '安全管理员签认');
  await sign.getByRole('textbox', { name: '安全管理员', exact: true }).fill('陈安全');
  await sign.getByRole('button', { name: '签认' }).click();
  await expect(sign).toBeHidden();
  await expect(entry.getByText(`陈安全 · ${today}`)).toBeVisible();
  await expect(page.getByText('维保逾期')).toBeHidden();
  await still(page, 'elevator-maintenance-signed');
  await go('/');
  await expect(page.getByText('部电梯维保逾期')).toBeHidden();

  // 困人故障: an entrapment just after midnight today (this year, whatever the day), arrival and release typed as
  // times; 45 minutes is over the 30-minute limit.
  await go('/elevator/faults');
  await expect(page.getByText('还没有故障或困人记录')).toBeVisible();
  await page.getByRole('button', { name: '登记故障/困人' }).first().click();
  const fault = dialog(page, '登记故障/困人');
  await choose(page, fault, '电梯', /1号梯/);
  await fault.getByLabel('报警时间').fill(`${today} 00:10`);
  await fault.getByLabel('到达时间').fill('00:05');
  await fault.getByLabel('解困时间').click();
  await expect(fault.getByText('到达时间不能早于报警时间')).toBeVisible();
  await fault.getByLabel('到达时间').fill('00:55');
  await fault.getByLabel('解困时间').fill('01:10');
  await fault.getByLabel('被困人数').fill('2');
  await choose(page, fault, '原因', '门系统故障');
  await fault.getByLabel('救援人').fill('江城电梯 李师傅');
  await still(page, 'elevator-fault-form');
  await page.keyboard.press('Control+Enter');
  await expect(fault).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: '45 分钟' }).getByText('超时')).toBeVisible();
  await still(page, 'elevator-faults');
  await go('/');
  await expect(page.getByText('今年 1 次困人救援超过 30 分钟')).toBeVisible();
  await still(page, 'elevator-home');
});

test("elevators: the street types its half-yearly items in 设置, and a half-yearly record offers them after the shipped tables", async ({ page, app }) => {
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '王芳' });
  await seed(app);
  const places = await apiCall(app, 'party.listPlaces', {});
  const [estate, building] = (['estate', 'building'] as const).map((kind) => places.find((p) => p.kind === kind)!);
  const elevator = await apiCall(app, 'elevator.createElevator', {
    estateId: estate!.id, buildingId: building!.id, unitNo: 1, carLabel: '1号梯', regCode: '31104201022015060123', type: 'passenger', status: 'in_service',
  });
  await page.goto(`${new URL(app.url).origin}/#/settings`);
  const half = page.getByRole('group', { name: '半年维保项目' });
  for (const name of ['电动机与驱动主机连接处', '驱动轮、导向轮轴承部']) {
    await half.getByRole('textbox', { name: '新增半年维保项目' }).fill(name);
    await half.getByRole('textbox', { name: '新增半年维保项目' }).press('Enter');
    await expect(half.getByText(`${name}`, { exact: false })).toBeVisible();
  }
  await expect(half.getByText('A3-02 驱动轮、导向轮轴承部')).toBeVisible();
  await page.getByRole('group', { name: '年度维保项目' }).scrollIntoViewIfNeeded();
  await still(page, 'elevator-checklist-settings');

  await page.goto(`${new URL(app.url).origin}/#/elevator/maintenance?elevator=${elevator.id}`);
  await page.getByRole('button', { name: '新增记录' }).first().click();
  const record = dialog(page, '新增维保记录');
  await choose(page, record, '类别', '半年维保');
  await expect(record.getByText('本级别共 46 项')).toBeVisible();
  await record.getByRole('checkbox', { name: 'A3-01 电动机与驱动主机连接处' }).scrollIntoViewIfNeeded();
  await expect(record.getByRole('checkbox', { name: 'A3-01 电动机与驱动主机连接处' })).toBeVisible();
  await still(page, 'elevator-maintenance-half-yearly');
});
