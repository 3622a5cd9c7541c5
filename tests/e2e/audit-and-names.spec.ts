import type { Locator, Page } from '@playwright/test';
import { clockStartingAt } from '../../main/clock';
import { idNumber } from '../../scripts/lib/people';
import { SEED_ADMIN, SEED_PASSWORD, seedDataset } from '../../scripts/seed';
import { apiCall, rootOrg } from './api';
import { addDays, clockStart, today } from './clock';
import { accounts, expect, scratchDir, setUp, signIn, startApp, still, test } from './fixtures';

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

test('same-named branches carry their community in the member list, its unit picker, the drawer and the dashboard’s bars', async ({ page, app }) => {
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
  await page.keyboard.press('Escape');
  await page.goto(new URL('#/party', app.url).toString());
  await page.reload(); // the home page read the dashboard before the branches were entered
  await expect(page.getByRole('progressbar', { name: '幸福社区 › 第一党支部' })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: '和平社区 › 第一党支部' })).toBeVisible();
});

/** The texts of the boxes that do not show all they hold: cut sideways, or clamped below their lines. */
const clipped = (boxes: Locator) =>
  boxes.evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight).map((e) => e.textContent));

/** A list's 所在组织 cells (the one column of a list that wraps to two lines, never cut) once its rows are in. */
async function orgCells(page: Page) {
  const cells = page.getByRole('rowgroup').locator('[role="cell"].vt-wrap');
  await expect(cells.first()).toBeVisible();
  return cells;
}

test('at street scale 所在组织 reads whole in the member, volunteer and points lists, and the dashboard tells same-named branches apart', async ({ page }) => {
  test.setTimeout(300_000);
  const dataDir = scratchDir('names');
  await seedDataset(dataDir, 'street', { clock: clockStartingAt(clockStart()) });
  const street = await startApp(dataDir, 0, { plain: true }); // plain: as accessibility.spec's seeded street
  try {
    await signIn(page, street, { name: SEED_ADMIN, password: SEED_PASSWORD });
    accounts.set(dataDir, { name: SEED_ADMIN, password: SEED_PASSWORD });
    // The seed's street has two communities' 润泽小区党支部, each with a 润泽小区4号楼党小组 (西里社区 › 润泽小区4号楼党小组).
    const pair = (await apiCall(street, 'party.searchOrgs', { q: '润泽小区党支部', levels: ['branch'] })).filter((o) => o.name === '润泽小区党支部');
    expect(pair.map((o) => o.label).sort()).toEqual(['友谊社区 › 润泽小区党支部', '西里社区 › 润泽小区党支部']);
    const go = (route: string, org?: string) => page.goto(new URL(`#${route}${org ? `?org=${org}` : ''}`, street.url).toString());

    for (const [route, shot] of [['/party/members', 'names-street-members'], ['/volunteer/people', 'names-street-volunteers'], ['/volunteer/ledger', 'names-street-ledger']] as const) {
      await go(route);
      expect(await clipped(await orgCells(page)), `${route}, the whole street`).toEqual([]);
      const read: string[] = [];
      for (const branch of pair) {
        await go(route, branch.id);
        const cells = await orgCells(page);
        // The branch's own members, or those of its same-named group: named after their community.
        const named = cells.filter({ hasText: `${branch.label.split(' › ')[0]} › ` }).first();
        await expect(named).toBeVisible();
        expect(await clipped(cells), `${route}, ${branch.label}`).toEqual([]);
        read.push((await named.getAttribute('title'))!);
        if (read.length === 1) await still(page, shot);
      }
      expect(read[0]!.split(' › ')[0]).not.toEqual(read[1]!.split(' › ')[0]);
    }

    // 来源 names the activity, meeting or item: it wraps like 所在组织, so it is among the cells checked above.
    await go('/volunteer/ledger');
    const sources = (await orgCells(page)).filter({ hasText: /^(志愿活动|组织生活|捐赠|积分兑换)：/ });
    await expect(sources.first()).toBeVisible();
    expect(await clipped(sources)).toEqual([]);

    // The tree beside 党员名册, opened down to a 润泽小区4号楼党小组: every unit it shows reads whole.
    const [group] = await apiCall(street, 'party.searchOrgs', { q: '润泽小区4号楼党小组' });
    await go('/party/members', group!.id);
    const units = page.getByRole('tree', { name: '党组织架构' }).locator('[title]');
    const long = units.filter({ hasText: '润泽小区4号楼党小组' }).first();
    await expect(long).toBeVisible();
    expect(await clipped(units)).toEqual([]);
    // Opened from a link, the tree scrolls to the unit it names, deep as it is.
    const selected = page.getByRole('tree', { name: '党组织架构' }).getByRole('treeitem', { selected: true });
    await expect(selected).toHaveAttribute('data-value', group!.id);
    await expect(selected).toBeInViewport();
    await still(page, 'names-street-tree');

    // The street's largest branches include 碧水社区's and 康乐社区's 博雅小区党支部: the one in view says whose it is.
    await go('/party');
    const bars = page.getByTestId('branch-bar-label');
    await expect(bars.first()).toBeVisible();
    expect(await clipped(bars)).toEqual([]);
    const names = await bars.allTextContents();
    expect(names).toContain('碧水社区 › 博雅小区党支部');
    expect(new Set(names).size).toBe(names.length);
    await still(page, 'names-street-dashboard');
  } finally {
    await street.stop();
  }
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
