import type { Page } from '@playwright/test';
import { idNumber } from '../../scripts/lib/people';
import { apiCall, rootOrg } from './api';
import { addDays, daysAgo, today } from './clock';
import { expect, setUp, shot, test, type RunningApp } from './fixtures';

// A step that cannot find its target fails within seconds, not at the end of the test's budget.
test.use({ actionTimeout: 15_000 });

const dialog = (page: Page, name: string | RegExp) => page.getByRole('dialog', { name });

async function choose(page: Page, within: ReturnType<typeof dialog> | Page, label: string, option: string | RegExp) {
  await within.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** A party member of the community (the setup put the community in the places register), entered as the party screens would. */
async function seed(app: RunningApp) {
  const root = await rootOrg(app);
  const branch = await apiCall(app, 'party.createOrg', { parentId: root.id, level: 'branch', kind: '小区党支部', name: '阳光小区党支部' });
  await apiCall(app, 'party.createMember', {
    name: '李建国', gender: 'male', idNumber: idNumber('130104', '1965-07-01', 1, 'male'), phone: null, joinedOn: '1990-07-01', status: 'full', category: 'community', orgId: branch.id,
  });
}

// A term ending in three months: inside the six months before its end, so re-election is due.
const termEnds = addDays(today, 90);
const termStarts = addDays(termEnds, -4 * 365);
const elected = addDays(termStarts, -5);

test('red property: a company, an estate with its contract, a committee term with a warning, a joint meeting followed up', async ({ page, app }) => {
  test.setTimeout(240_000);
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '王芳' });
  await seed(app);
  const go = (path: string) => page.goto(`${new URL(app.url).origin}/#${path}`);

  // 物业企业: the empty page says what to do; the credit code is checked to its check character.
  await go('/property/companies');
  await expect(page.getByText('还没有物业企业')).toBeVisible();
  await shot(page, 'property-companies-empty');
  await page.getByRole('button', { name: '登记物业企业' }).first().click();
  const company = dialog(page, '登记物业企业');
  await company.getByLabel('企业名称').fill('阳光物业服务有限公司');
  await company.getByLabel('统一社会信用代码').fill('91350100M000100Y44');
  await company.getByLabel('联系人').click();
  await expect(company.getByText('统一社会信用代码校验位不正确，请核对')).toBeVisible();
  await company.getByLabel('统一社会信用代码').fill('91350100M000100Y43');
  await choose(page, company, '党组织组建方式', '单独组建');
  await company.getByLabel('党员人数').fill('6');
  await shot(page, 'property-company-form');
  await page.keyboard.press('Control+Enter');
  await expect(company).toBeHidden();
  await expect(page.getByText('共 1 家')).toBeVisible();

  // 小区: the estate is created in the places register from the form, then given its profile and a contract.
  await go('/property/estates');
  await expect(page.getByText('还没有小区物业档案')).toBeVisible();
  await page.getByRole('button', { name: '建立小区档案' }).first().click();
  const estate = dialog(page, '建立小区档案');
  await estate.getByRole('button', { name: '新建小区' }).click();
  const place = dialog(page, '新建小区');
  await place.getByLabel('小区名称').fill('阳光小区');
  await place.getByLabel('户数').fill('320');
  await place.getByRole('button', { name: '新建' }).click();
  await expect(place).toBeHidden();
  await expect(estate.getByRole('combobox', { name: '小区' })).toHaveValue('阳光小区 · 西里社区');
  await estate.getByLabel('建筑面积（m²）').fill('45678.5');
  await page.keyboard.press('Control+Enter');
  await expect(estate).toBeHidden();
  await page.getByRole('row').filter({ hasText: '阳光小区' }).click();
  const profile = dialog(page, /小区档案 · 阳光小区/);
  await profile.getByRole('button', { name: '签订合同' }).click();
  const contract = dialog(page, /签订物业服务合同/);
  await choose(page, contract, '物业服务企业', '阳光物业服务有限公司');
  await contract.getByLabel('合同开始日期').fill(daysAgo(400));
  await contract.getByRole('button', { name: '签订合同' }).click();
  await expect(contract).toBeHidden();
  await expect(profile.getByTestId('contract-row')).toContainText('在服务');
  await shot(page, 'property-estate-drawer');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('row').filter({ hasText: '阳光小区' })).toContainText('阳光物业服务有限公司');
  await expect(page.getByRole('row').filter({ hasText: '阳光小区' })).toContainText('45,678.5');
  await shot(page, 'property-estates');

  // 业委会: a term of five, one of them the register's party member; re-election is due within six months.
  await go('/property/committees');
  await choose(page, page, '小区', '阳光小区 · 西里社区');
  await expect(page.getByText('这个小区还没有业委会记录')).toBeVisible();
  await page.getByRole('button', { name: '登记新一届' }).first().click();
  const term = dialog(page, /登记业委会/);
  await term.getByLabel('选举日期').fill(elected);
  await term.getByLabel('任期开始日期').fill(termStarts);
  await term.getByLabel('任期结束日期').fill(termEnds);
  await term.getByLabel('首次会议日期').fill(addDays(elected, 3));
  await term.getByRole('combobox', { name: '从党员名册添加' }).fill('李建国');
  await page.getByRole('option', { name: /李建国/ }).click();
  const name = term.getByLabel('添加非党员');
  for (const n of ['张秀英', '王志强', '刘洋', '陈静']) {
    await name.fill(n);
    await name.press('Enter');
  }
  await choose(page, term, '职务 1', '主任');
  await term.getByRole('checkbox', { name: '交叉任职' }).nth(1).check();
  await shot(page, 'property-term-form');
  await page.keyboard.press('Control+Enter');
  await expect(term).toBeHidden();
  const card = page.getByTestId('term-1');
  await expect(card.getByTestId('term-badges')).toContainText('应启动换届');
  await expect(card.getByTestId('term-badges')).toContainText('党员 1/5 · 20.0% · 低于目标');
  await expect(card.getByTestId('term-badges')).toContainText('备案已逾期');
  await expect(card).toContainText('李建国 · 主任');
  await expect(page.getByRole('region', { name: '换届提醒' })).toContainText('阳光小区 第1届业委会应启动换届 · 任期至');
  await shot(page, 'property-committees');

  // 三方联动: a meeting typed with the keyboard, two resolutions, saved with Ctrl+Enter.
  await go('/property/meetings');
  await expect(page.getByText('还没有三方联动会议记录')).toBeVisible();
  await page.getByRole('button', { name: '记录联席会议' }).first().click();
  const meeting = dialog(page, '记录联席会议');
  await choose(page, meeting, '小区', '阳光小区 · 西里社区');
  await meeting.getByLabel('会议日期').fill(daysAgo(20));
  await meeting.getByLabel('召集人').fill('王芳');
  const attendee = meeting.getByRole('textbox', { name: '姓名' });
  await attendee.fill('王芳');
  await attendee.press('Enter');
  await choose(page, meeting, '参会方', '物业服务企业');
  await attendee.fill('赵经理');
  await attendee.press('Enter');
  const topic = meeting.getByRole('textbox', { name: '议题' });
  await topic.fill('小区停车秩序整治');
  await topic.press('Enter');
  const content = meeting.getByRole('textbox', { name: '决议内容', exact: true });
  const due = meeting.getByRole('textbox', { name: '完成时限', exact: true });
  await content.fill('增设非机动车充电桩');
  await due.fill(daysAgo(5));
  await due.press('Enter');
  await content.fill('清理消防通道堆放杂物');
  await due.fill(daysAgo(10));
  await due.press('Enter');
  await expect(meeting.getByTestId('joint-resolution')).toHaveCount(2);
  await shot(page, 'property-meeting-form');
  await page.keyboard.press('Control+Enter');
  await expect(meeting).toBeHidden();
  await expect(page.getByText('共 1 次会议')).toBeVisible();

  // Close one: 开始办理, then 办结 with its day — the only steps offered.
  await page.getByRole('row').filter({ hasText: '阳光小区' }).click();
  const opened = dialog(page, /联席会议 · 阳光小区/);
  const second = opened.getByTestId('joint-resolution').nth(1);
  await expect(second.getByRole('button', { name: '办结' })).toHaveCount(0);
  await second.getByRole('button', { name: '开始办理' }).click();
  await dialog(page, '决议改为“办理中”').getByRole('button', { name: '开始办理' }).click();
  await second.getByRole('button', { name: '办结' }).click();
  await dialog(page, '决议改为“已办结”').getByRole('button', { name: '办结' }).click();
  await expect(second).toContainText('已办结');
  await expect(second).toContainText(`办结于 ${today}`);
  await shot(page, 'property-meeting-followup');
  await page.keyboard.press('Escape');

  // The street-wide overdue list has the other one only; the home page lists it and the term.
  await page.getByText('逾期决议（全街道）').click();
  await expect(page.getByText('共 1 条逾期')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '增设非机动车充电桩' })).toContainText('5 天');
  await expect(page.getByText('清理消防通道堆放杂物')).toHaveCount(0);
  await shot(page, 'property-overdue');
  await go('/');
  await expect(page.getByRole('region', { name: '三方联动决议逾期' })).toContainText('增设非机动车充电桩');
  await expect(page.getByRole('region', { name: '业委会换届提醒' })).toContainText('阳光小区 第1届业委会应启动换届');
  await shot(page, 'property-home-todos');
});
