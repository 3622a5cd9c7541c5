import type { Page } from '@playwright/test';
import { idNumber } from '../../scripts/lib/people';
import { apiCall, rootOrg } from './api';
import { expect, scrollToRedrawn, setUp, signIn, still, test, type RunningApp } from './fixtures';

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

  // 诉求台账: empty, then 上报 from the keyboard: past 常见事项 (focused first) to the content.
  await go(app, '/requests/ledger');
  await expect(page.getByText('台账里还没有诉求')).toBeVisible();
  await page.getByRole('button', { name: '登记诉求' }).first().click();
  const report = dialog(page, '登记诉求');
  await expect(report.getByRole('combobox', { name: '常见事项' })).toBeFocused();
  await page.keyboard.press('Tab');
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
  // The clerk calling the resident back sees the phone in full after giving the reason (the administrator may).
  await drawer.getByRole('button', { name: '查看完整' }).nth(1).click();
  const why = dialog(page, '查看完整');
  await why.getByLabel('查看原因').fill('电话联系反映人');
  await why.getByRole('button', { name: '查看完整' }).click();
  await expect(drawer.getByText('13812345678')).toBeVisible();
  await expect(drawer.getByText('张**')).toBeVisible();
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
    await signIn(page, later); // a restart ends every session
    await go(later, '/');
    await page.getByText('1 件诉求已超过办理期限').click();
    await expect(page.getByRole('combobox', { name: '督办' })).toHaveValue('已超期');
    const late = page.getByRole('row').filter({ hasText: '井盖松动' });
    await expect(late).toContainText('超期');
    await expect(late).toContainText('匿名');
    await expect(page.getByText('共 1 件')).toBeVisible();
    await still(page, 'requests-ledger-overdue');
  } finally {
    await later.stop();
  }
});

test('requests: a 红色小管家 and the building card, an unsatisfied evaluation reopening a request, the 问题墙 notice', async ({ page, app }) => {
  test.setTimeout(240_000);
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '王芳' });
  const { b3 } = await seed(app);
  const root = await rootOrg(app);
  const branch = await apiCall(app, 'party.createOrg', { parentId: root.id, level: 'branch', kind: '小区党支部', name: '阳光小区党支部' });
  await apiCall(app, 'party.createMember', {
    name: '李建国', gender: 'male', idNumber: idNumber('130104', '1965-03-08', 1, 'male'), phone: '13912340001', joinedOn: '1990-07-01',
    status: 'full', category: 'community', orgId: branch.id,
  });
  const go = (path: string) => page.goto(`${new URL(app.url).origin}/#${path}`);

  // 红色小管家: empty, then a member from the register looking after 3号楼, agreeing to a full phone on the card.
  await go('/requests/stewards');
  await expect(page.getByText('还没有红色小管家')).toBeVisible();
  await still(page, 'requests-stewards-empty');
  await page.getByRole('button', { name: '新增红色小管家' }).first().click();
  const form = dialog(page, '新增红色小管家');
  await form.getByRole('combobox', { name: '党员' }).fill('ljg');
  await page.getByRole('option', { name: /李建国/ }).click();
  await expect(form.getByText('李建国 · 阳光小区党支部')).toBeVisible();
  await choose(page, form, '联系的楼栋', /3号楼/);
  await form.getByLabel('职责').click(); // closes the building list
  await form.getByLabel('职责').fill('楼栋长');
  await form.getByRole('checkbox', { name: '本人同意在楼栋公示卡上公示完整电话' }).check();
  await still(page, 'requests-steward-form');
  await page.keyboard.press('Control+Enter');
  await expect(form).toBeHidden();
  const stewardRow = page.getByRole('row').filter({ hasText: '李建国' });
  await expect(stewardRow).toContainText('139****0001');
  await expect(stewardRow).toContainText('公示完整电话');
  await expect(page.getByText('13912340001')).toHaveCount(0);
  await still(page, 'requests-stewards');

  // The card of 3号楼, as a PDF download.
  await page.getByRole('button', { name: '打印楼栋公示卡' }).click();
  const cards = dialog(page, '打印楼栋公示卡');
  await choose(page, cards, '要打印的楼栋', /3号楼/);
  await cards.getByText('每栋楼一页').click(); // closes the building list
  await still(page, 'requests-cards-modal');
  const [card] = await Promise.all([page.waitForEvent('download'), cards.getByRole('button', { name: '保存 PDF' }).click()]);
  expect(card.suggestedFilename()).toBe('红色小管家-楼栋公示-阳光小区3号楼.pdf');

  // A request rated 不满意 offers 重新交办, and is counted as reopened in the ledger.
  const today = (await apiCall(app, 'system.getClock', {})).today;
  const r = await apiCall(app, 'requests.report', { reportedOn: today, source: 'visit', reporterName: '张秀兰', placeId: b3.id, content: '楼道堆放杂物堵住消防通道' });
  for (const s of [
    { to: 'sorted', category: 'safety', urgency: 'urgent' }, { to: 'assigned', handlerKind: 'property_company', handlerName: '阳光物业' },
    { to: 'done', doneOn: today, result: '已通知住户清理' }, { to: 'publicised', publicisedOn: today },
  ] as const) await apiCall(app, 'requests.step', { id: r.id, ...s });
  // Publicised, it waits for its return visit on the home page.
  await go('/');
  await page.getByText('1 件诉求已公示、待回访评价').click();
  await expect(page.getByRole('combobox', { name: '状态' })).toHaveValue('已公示');
  await expect(page.getByRole('row').filter({ hasText: '消防通道' })).toBeVisible();
  await apiCall(app, 'requests.step', { id: r.id, to: 'evaluated', rating: 'unsatisfied', note: '杂物还在' });
  await go(`/requests/ledger?request=${r.id}`);
  const drawer = dialog(page, '诉求');
  await expect(drawer.getByText(/^评价 · /)).toBeVisible();
  await expect(drawer.getByText('不满意').first()).toBeVisible();
  await drawer.getByRole('button', { name: '重新交办' }).click();
  const reopen = dialog(page, '重新交办');
  await choose(page, reopen, '承办层级', '社区');
  await reopen.getByLabel('承办单位或人员').fill('西里社区居委会');
  await reopen.getByRole('button', { name: '重新交办' }).click();
  await expect(reopen).toBeHidden();
  await expect(drawer.getByText(/^重新交办 · /)).toBeVisible();
  await expect(drawer.getByText('1 次（居民评价不满意后）')).toBeVisible();
  await still(page, 'requests-drawer-reopened');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('row').filter({ hasText: '消防通道' })).toContainText('重办');

  // The 问题墙 notice of this month.
  await page.getByRole('button', { name: '打印问题墙公示' }).click();
  const wall = dialog(page, '打印问题墙公示');
  await still(page, 'requests-wall-modal');
  const [notice] = await Promise.all([page.waitForEvent('download'), wall.getByRole('button', { name: '保存 PDF' }).click()]);
  expect(notice.suggestedFilename()).toMatch(/^问题墙-群众诉求办理情况公示-西里社区-\d{4}-\d{2}-01至\d{4}-\d{2}-\d{2}\.pdf$/);
});

test('requests: a 微心愿 published by keyboard, claimed by an 在职党员, fulfilled with the hours sent to the volunteer ledger', async ({ page, app }) => {
  test.setTimeout(180_000);
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '王芳' });
  await seed(app);
  const root = await rootOrg(app);
  const branch = await apiCall(app, 'party.createOrg', { parentId: root.id, level: 'branch', kind: '党支部', name: '西里社区第一党支部' });
  await apiCall(app, 'party.createMember', {
    name: '王强', gender: 'male', idNumber: idNumber('130104', '1982-06-18', 1, 'male'), phone: '13912340002', joinedOn: '2008-07-01',
    status: 'full', category: 'in_service', workUnit: '中国银行建东支行', orgId: branch.id,
  });
  const go = (path: string) => page.goto(`${new URL(app.url).origin}/#${path}`);

  await go('/requests/wishes');
  await expect(page.getByText('还没有微心愿或需求')).toBeVisible();
  await still(page, 'requests-wishes-empty');
  await page.getByRole('button', { name: '发布心愿或需求' }).first().click();
  const form = dialog(page, '发布心愿或需求');
  await expect(form.getByLabel('心愿或需求')).toBeFocused();
  await page.keyboard.type('给独居老人修好楼道扶手');
  // The place by pinyin, as the request form takes it (the one PlacePicker).
  await form.getByRole('combobox', { name: '地点' }).click();
  await page.keyboard.type('yg 3hl');
  await expect(page.getByRole('option')).toHaveText(['西里社区 阳光小区 3号楼']);
  await page.keyboard.press('Enter');
  await expect(form.getByRole('combobox', { name: '地点' })).toHaveValue('西里社区 阳光小区 3号楼');
  await form.getByLabel('许愿居民').fill('赵桂芳');
  await form.getByLabel('联系电话').fill('13812345678');
  await still(page, 'requests-wish-form');
  await page.keyboard.press('Control+Enter');
  await expect(form).toBeHidden();
  const row = page.getByRole('row').filter({ hasText: '修好楼道扶手' });
  await expect(row).toContainText('赵**');
  await expect(row).toContainText('待认领');
  await expect(page.getByText('赵桂芳')).toHaveCount(0);

  // Waiting on the home page; claimed from its drawer by the member, his work unit taken.
  await go('/');
  await page.getByText('1 条微心愿、需求待认领').click();
  await page.getByRole('row').filter({ hasText: '修好楼道扶手' }).click();
  const detail = dialog(page, '微心愿');
  await detail.getByRole('button', { name: '认领' }).click();
  const claim = dialog(page, '认领');
  await claim.getByRole('combobox', { name: '认领党员' }).fill('wq');
  await page.getByRole('option', { name: /王强/ }).click();
  await claim.getByRole('button', { name: '认领' }).click();
  await expect(claim).toBeHidden();
  await expect(detail.getByText('中国银行建东支行')).toBeVisible();

  // 登记完成 with 2.5 hours, sent to the ledger (ticked by default for a member's claim).
  await detail.getByRole('button', { name: '登记完成' }).click();
  const fulfil = dialog(page, '登记完成');
  await fulfil.getByLabel('完成情况').fill('银行志愿者加装了扶手');
  await fulfil.getByLabel('服务时长（小时）').fill('2.5');
  await expect(fulfil.getByRole('checkbox', { name: '计入志愿服务时长和积分' })).toBeChecked();
  await still(page, 'requests-wish-fulfil');
  await fulfil.getByRole('button', { name: '登记完成' }).click();
  await expect(fulfil).toBeHidden();
  await expect(detail.getByText('已计入志愿服务（见志愿活动）')).toBeVisible();
  await still(page, 'requests-wish-done');
  await page.keyboard.press('Escape');

  // The service is in the points ledger like any other.
  await go('/volunteer/ledger');
  const entry = page.getByRole('row').filter({ hasText: '微心愿：给独居老人修好楼道扶手' });
  await expect(entry).toContainText('王强');
  await expect(entry).toContainText('2.5');
});

test('requests: the deadline days and a grid’s households set in 设置 are the ones 交办 and the grids use', async ({ page, app }) => {
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '王芳' });
  const { b3 } = await seed(app);
  await page.goto(`${new URL(app.url).origin}/#/settings`);
  const card = page.locator('form').filter({ has: page.getByRole('heading', { name: '民呼必应' }) });
  await expect(card.getByLabel('社区', { exact: true })).toHaveValue('2');
  await card.getByLabel('社区', { exact: true }).fill('3');
  await card.getByLabel('每个网格的户数').fill('150');
  await card.getByRole('button', { name: '保存民呼必应设置' }).click();
  await expect(page.getByText('已保存').first()).toBeVisible();
  await scrollToRedrawn(card); // the card is drawn again from the saved settings
  await still(page, 'requests-settings');

  const today = (await apiCall(app, 'system.getClock', {})).today;
  const r = await apiCall(app, 'requests.report', { reportedOn: today, source: 'visit', anonymous: true, placeId: b3.id, content: '路灯不亮' });
  await apiCall(app, 'requests.step', { id: r.id, to: 'sorted', category: 'facilities', urgency: 'normal' });
  const handed = await apiCall(app, 'requests.step', { id: r.id, to: 'assigned', handlerKind: 'community', handlerName: '西里社区' });
  expect(handed.dueOn).toBe(new Date(Date.parse(`${today}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10));
  const grid = await apiCall(app, 'requests.createGrid', { communityId: (await apiCall(app, 'party.listPlaces', {})).find((p) => p.kind === 'community')!.id, name: '第一网格', workerName: '刘晓梅', buildingIds: [b3.id] });
  expect(grid.householdsWarning).toMatch(/150/);
});
