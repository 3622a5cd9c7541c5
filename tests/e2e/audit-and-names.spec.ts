import { idNumber } from '../../scripts/lib/people';
import { apiCall, rootOrg } from './api';
import { addDays, today } from './clock';
import { expect, setUp, still, test } from './fixtures';

/** Two communities, each with a 第一党支部 and a member in it; the clerk's work is in the audit log. */
async function twoCommunities(app: Parameters<typeof apiCall>[0]) {
  const root = await rootOrg(app);
  let seq = 0;
  for (const [community, person] of [['幸福社区', '张秀兰'], ['和平社区', '李建国']] as const) {
    const place = await apiCall(app, 'party.createPlace', { kind: 'community', name: community });
    const committee = await apiCall(app, 'party.createOrg', { parentId: root.id, level: 'community_committee', kind: '社区党委', name: `${community}党委`, placeId: place.id });
    const branch = await apiCall(app, 'party.createOrg', { parentId: committee.id, level: 'branch', kind: '党支部', name: '第一党支部' });
    await apiCall(app, 'party.createMember', {
      name: person, gender: 'female', idNumber: idNumber('130104', '1958-03-02', ++seq, 'female'), joinedOn: '1985-07-01',
      status: 'full', category: 'community', orgId: branch.id,
    });
  }
}

test('same-named branches carry their community in the member list, its unit picker and the drawer', async ({ page, app }) => {
  await setUp(page, app, { level: 'street', name: '西里街道', code: '130104001', operator: '王芳' });
  await twoCommunities(app);
  await page.getByRole('link', { name: '党员名册' }).click();
  const list = page.getByRole('table');
  await expect(list.getByRole('row', { name: /张秀兰/ })).toContainText('幸福社区 › 第一党支部');
  await expect(list.getByRole('row', { name: /李建国/ })).toContainText('和平社区 › 第一党支部');
  await list.getByRole('row', { name: /李建国/ }).click();
  await expect(page.getByRole('dialog')).toContainText('和平社区 › 第一党支部');
  await still(page, 'names-member-drawer');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '新增党员' }).first().click();
  await page.getByRole('dialog').getByRole('combobox', { name: '所在组织' }).click();
  await expect(page.getByRole('option', { name: '幸福社区 › 第一党支部' })).toBeVisible();
  await expect(page.getByRole('option', { name: '和平社区 › 第一党支部' })).toBeVisible();
  await still(page, 'names-member-org-picker');
});

test('操作记录: its own page, searched and filtered by account, action, module and days, an entry opened with its fields in Chinese', async ({ page, app }) => {
  await setUp(page, app, { level: 'street', name: '西里街道', code: '130104001', operator: '王芳' });
  await twoCommunities(app);
  const members = await apiCall(app, 'party.listMembers', { limit: 10 });
  const li = members.rows.find((m) => m.name === '李建国')!;
  const full = await apiCall(app, 'party.getMember', { id: li.id });
  const { orgName: _o, orgPath: _p, buildingName: _b, lifecycle: _l, leftOn: _lo, leftTo: _lt, transferredInOn: _ti, transferredFrom: _tf, createdAt: _c, updatedAt: _u, operator: _op, idNumberMasked: _im, phoneMasked: _pm, id, ...fields } = full.member;
  await apiCall(app, 'party.updateMember', { ...fields, id, address: '和平里3号楼2单元', keepIdNumber: true, keepPhone: true } as never);

  await page.getByRole('link', { name: '操作记录' }).click();
  await expect(page.getByRole('heading', { name: '操作记录' })).toBeVisible();
  await expect(page.getByText(/^共 \d+ 条$/)).toBeVisible();
  await page.getByRole('combobox', { name: '模块' }).click();
  await page.getByRole('option', { name: '党组织' }).click();
  await page.getByRole('combobox', { name: '操作', exact: true }).fill('修改');
  await page.getByRole('option', { name: '修改', exact: true }).click();
  const rows = page.getByRole('rowgroup').getByRole('row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('党组织 · 党员');
  await expect(rows.first()).toContainText('李建国');
  expect(page.url()).toContain('module=party');
  await rows.first().click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByRole('row', { name: /^地址/ })).toContainText('和平里3号楼2单元');
  await expect(drawer.locator('tr[data-changed]')).toHaveCount(2); // the address and updatedAt
  await expect(drawer.getByRole('row', { name: /身份证号（打码）/ })).toContainText('********');
  await expect(drawer.getByRole('row', { name: /^姓名/ })).toContainText('李建国');
  await still(page, 'audit-entry');
  await page.keyboard.press('Escape');
  await page.getByRole('textbox', { name: '截止日期' }).fill('2000-01-01');
  await page.keyboard.press('Enter');
  await expect(page.getByText('没有符合条件的操作记录')).toBeVisible();
  await page.getByRole('textbox', { name: '截止日期' }).clear();
  await page.getByRole('textbox', { name: '截止日期' }).blur();
  await page.getByRole('combobox', { name: '模块' }).click();
  await page.getByRole('option', { name: '党组织' }).click(); // the same option again clears it
  const search = page.getByRole('textbox', { name: '搜索姓名、名称、编号…' });
  await search.fill('和平里5号');
  await expect(page.getByText('没有符合条件的操作记录')).toBeVisible();
  await search.fill('和平里3号');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('李建国');
  await expect(page).toHaveURL(/q=/);
  await still(page, 'audit-page');
});

test('预备期: the home page and the dashboard tell a year already over from one ending soon', async ({ page, app }) => {
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '王芳' });
  const root = await rootOrg(app);
  const branch = await apiCall(app, 'party.createOrg', { parentId: root.id, level: 'branch', kind: '小区党支部', name: '阳光小区党支部' });
  const yearAgo = addDays(today, -365);
  let seq = 0;
  for (const [name, joinedOn] of [['赵超期', addDays(yearAgo, -20)], ['钱将满', addDays(yearAgo, 10)]] as const) {
    await apiCall(app, 'party.createMember', {
      name, gender: 'male', idNumber: idNumber('130104', '1990-05-06', ++seq, 'male'), joinedOn, status: 'probationary', category: 'community', orgId: branch.id,
    });
  }
  await page.reload(); // the home page was read before the members were entered
  const overdue = page.getByRole('region', { name: '预备期已满、尚未转正的党员' });
  await expect(overdue).toContainText('赵超期');
  await expect(overdue).toContainText('已超 20 天');
  await expect(overdue).not.toContainText('钱将满');
  await expect(page.getByRole('region', { name: '30 天内预备期满的党员' })).toContainText('钱将满');
  await still(page, 'probation-home');
  await page.getByRole('link', { name: '概览' }).first().click();
  await expect(page.getByText('已超期未转正')).toBeVisible();
  await still(page, 'probation-dashboard');
});
