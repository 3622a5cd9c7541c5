import type { Page } from '@playwright/test';
import { idNumber } from '../../scripts/lib/people';
import { apiCall, rootOrg } from './api';
import { expect, setUp, signIn, still, test } from './fixtures';

test.use({ actionTimeout: 15_000 });

const dialog = (page: Page, name: string | RegExp) => page.getByRole('dialog', { name });

async function choose(page: Page, within: ReturnType<typeof dialog>, label: string, option: string | RegExp) {
  await within.getByRole('combobox', { name: label }).first().click();
  await page.getByRole('option', { name: option }).first().click();
}

test('重点关爱户: registered with a paired member, masked until a reviewer reveals one value, visited, corrected, and due again on the home page', async ({ page, app }) => {
  test.setTimeout(240_000);
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '王芳' });
  const community = (await apiCall(app, 'party.listPlaces', {})).find((p) => p.kind === 'community')!;
  const estate = await apiCall(app, 'party.createPlace', { kind: 'estate', parentId: community.id, name: '阳光小区', households: 320 });
  await apiCall(app, 'party.createPlace', { kind: 'building', parentId: estate.id, name: '3号楼', unitCount: 2, households: 160 });
  const root = await rootOrg(app);
  const branch = await apiCall(app, 'party.createOrg', { parentId: root.id, level: 'branch', kind: '小区党支部', name: '阳光小区党支部' });
  await apiCall(app, 'party.createMember', {
    name: '李建国', gender: 'male', idNumber: idNumber('130104', '1965-03-08', 1, 'male'), phone: '13912340001', joinedOn: '1990-07-01',
    status: 'full', category: 'community', orgId: branch.id,
  });
  const go = (path: string, a = app) => page.goto(`${new URL(a.url).origin}/#${path}`);

  await go('/requests/care');
  await expect(page.getByText('还没有重点关爱户')).toBeVisible();
  await still(page, 'requests-care-empty');
  await page.getByRole('button', { name: '登记关爱户' }).first().click();
  const form = dialog(page, '登记重点关爱户');
  await expect(form.getByLabel('姓名')).toBeFocused();
  await page.keyboard.type('赵桂芳');
  await choose(page, form, '关注等级', /红色/);
  await choose(page, form, '楼栋', '西里社区 阳光小区 3号楼');
  await form.getByLabel('门牌').fill('2单元302');
  await form.getByLabel('联系电话').fill('13812345678');
  await form.getByLabel('身份证号').fill('13010419400512102X');
  await form.getByLabel('基本情况').fill('独居，腿脚不便，子女在外地');
  await form.getByRole('combobox', { name: '结对党员（党员一对一）' }).fill('ljg');
  await page.getByRole('option', { name: /李建国/ }).click();
  await expect(form.getByText('已选：李建国（阳光小区党支部）')).toBeVisible();
  await still(page, 'requests-care-form');
  await page.keyboard.press('Control+Enter');
  await expect(form).toBeHidden();

  const row = page.getByRole('row').filter({ hasText: '2单元302' });
  await expect(row).toContainText('赵**');
  await expect(row).toContainText('138****5678');
  await expect(row).toContainText('李建国');
  await expect(row).toContainText('未走访');
  await expect(page.getByText('赵桂芳')).toHaveCount(0);
  await still(page, 'requests-care-list');

  // The drawer masks too; the administrator (who may) sees the name in full after giving the reason.
  await row.click();
  const drawer = dialog(page, '重点关爱户');
  await expect(drawer.getByText('130104********102X')).toBeVisible();
  await drawer.getByRole('button', { name: '查看完整' }).first().click();
  const why = dialog(page, '查看完整');
  await why.getByLabel('查看原因').fill('核对低保申请材料');
  await why.getByRole('button', { name: '查看完整' }).click();
  await expect(drawer.getByText('赵桂芳')).toBeVisible();
  await expect(drawer.getByText('已记录本次查看')).toBeVisible();

  // A visit by the paired member, then its correction: the first stays, struck through.
  await drawer.getByRole('button', { name: '登记走访' }).click();
  const visit = dialog(page, '登记走访');
  await expect(visit.getByText('已选：李建国')).toBeVisible();
  await visit.getByLabel('走访内容').fill('送米面油，检查燃气和用电安全');
  await visit.getByLabel('后续跟进').fill('下周送降压药');
  await visit.getByRole('button', { name: '登记走访' }).click();
  await expect(visit).toBeHidden();
  await expect(drawer.getByText('送米面油，检查燃气和用电安全')).toBeVisible();
  await drawer.getByRole('button', { name: '更正' }).click();
  const correction = dialog(page, '更正走访记录');
  await correction.getByLabel('走访内容').fill('送米面油、降压药，检查燃气和用电安全');
  await correction.getByLabel('更正原因').fill('漏记了送药');
  await correction.getByRole('button', { name: '更正走访记录' }).click();
  await expect(correction).toBeHidden();
  await expect(drawer.getByText('已更正')).toBeVisible();
  await expect(drawer.getByText('更正：漏记了送药')).toBeVisible();
  await still(page, 'requests-care-drawer');
  await page.keyboard.press('Escape');

  // Red means every 7 days: eight days later it is on the home page and in the list's 待走访.
  const later = await app.restart(8);
  try {
    await signIn(page, later);
    await go('/', later);
    await page.getByText('1 户重点关爱户超过走访周期未走访').click();
    await expect(page.getByRole('checkbox', { name: '只看待走访' })).toBeChecked();
    await expect(page.getByRole('row').filter({ hasText: '2单元302' })).toContainText('待走访');
    await expect(page.getByText('共 1 户')).toBeVisible();
    await still(page, 'requests-care-due');
  } finally {
    await later.stop();
  }
});
