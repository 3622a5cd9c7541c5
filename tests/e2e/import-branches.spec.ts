import path from 'node:path';
import { branchVariantsWorkbook, multiSheetWorkbook } from '../fixtures/import/make';
import { apiCall, orgByName, rootOrg } from './api';
import { expect, scratchDir, setUp, shot, still, test } from './fixtures';

/**
 * 所在组织 written unlike the tree (一支部, 第２党支部, the committee in front): the clerk confirms each written form
 * once in 所在支部对应 — the proposed branch chosen in advance, any other picked from the tree, or 新建 — and next
 * year's file of the same layout needs nothing confirmed.
 */
async function happiness(page: Parameters<typeof setUp>[0], app: Parameters<typeof setUp>[1]) {
  await setUp(page, app, { level: 'community', name: '幸福社区', code: '130105001001', operator: '王芳' });
  const root = await rootOrg(app);
  for (const name of ['幸福社区第一党支部', '幸福社区第二党支部', '幸福社区退休职工党支部']) {
    await apiCall(app, 'party.createOrg', { parentId: root.id, level: 'branch', kind: '党支部', name });
  }
}

test('confirm the branch of each written form once; next year\'s file maps itself', async ({ page, app }) => {
  await happiness(page, app);
  const dir = scratchDir('import');
  const file = (year: number) => path.join(dir, `幸福社区党员花名册（${year}）.xlsx`);
  await branchVariantsWorkbook(2026).xlsx.writeFile(file(2026));
  await branchVariantsWorkbook(2027).xlsx.writeFile(file(2027));

  await page.getByRole('link', { name: '党员名册' }).click();
  await page.getByRole('link', { name: '导入花名册' }).first().click();
  await page.locator('input[type=file]').setInputFiles(file(2026));
  await expect(page.getByRole('combobox', { name: '所在支部' })).toHaveValue('F 列 · 所在组织');
  await page.getByRole('button', { name: '核对数据' }).click();

  // Each written form once, with the similar branch chosen in advance; its rows wait for the clerk.
  const panel = page.getByTestId('value-questions');
  await expect(panel.locator('[data-value]')).toHaveCount(5);
  const target = (value: string) => panel.getByRole('combobox', { name: `${value} 对应到` });
  await expect(target('一支部')).toHaveValue('幸福社区第一党支部（幸福社区党委）');
  await expect(panel.locator('[data-value="一支部"]')).toContainText('待确认');
  await expect(target('幸福社区党委第一党支部')).toHaveValue('幸福社区第一党支部（幸福社区党委）');
  await expect(target('第2党支部')).toHaveValue('幸福社区第二党支部（幸福社区党委）');
  await expect(target('退休支部')).toHaveValue('');
  await expect(page.getByRole('table', { name: /有问题的行/ }).locator('[data-row="3"]')).toContainText('与“幸福社区第一党支部”相近：请在“所在支部对应”中确认');
  await expect(page.getByRole('button', { name: '导入 1 条' })).toBeDisabled();
  await shot(page, 'import-20-branch-questions');

  // 退休支部 is nothing like enough to propose: the clerk picks it from the tree; 第三党支部 is new.
  await target('退休支部').click();
  await page.getByRole('option', { name: '幸福社区退休职工党支部（幸福社区党委）' }).click();
  await target('第三党支部').click();
  await page.getByRole('option', { name: '新建“第三党支部”' }).click();
  await panel.getByRole('button', { name: '确认这些对应（5 项）' }).click();

  await expect(panel.getByText('已确认')).toHaveCount(5);
  await expect(page.getByText('新建党支部“第三党支部”（上级：幸福社区党委）')).toBeVisible();
  await shot(page, 'import-21-branch-confirmed');
  await page.getByRole('button', { name: '导入 7 条' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '导入' }).click();
  await expect(page.getByText('新增 7 条，更新 0 条，跳过 0 条')).toBeVisible();

  // Next year: the same layout, remembered with its answers — nothing to confirm, nothing refused.
  await page.getByRole('button', { name: '再导入一个文件' }).click();
  await page.locator('input[type=file]').setInputFiles(file(2027));
  await expect(page.getByText('已按上次导入同样格式文件时的对应关系填好')).toBeVisible();
  await page.getByRole('button', { name: '核对数据' }).click();
  await expect(page.getByText('每一行都可以导入。')).toBeVisible();
  await expect(panel.getByText('已确认')).toHaveCount(4); // 第三党支部 is in the tree now, by its own name
  await expect(page.getByRole('button', { name: '导入 7 条' })).toBeEnabled();
  await shot(page, 'import-22-next-year');

  const members = await apiCall(app, 'party.listMembers', { q: '张一' });
  expect(members.rows.map((m) => m.orgName)).toEqual(['幸福社区第一党支部']);
});

test('a workbook kept one sheet per branch, with a 说明 sheet and a hidden sheet: every branch sheet in one import', async ({ page, app }) => {
  await happiness(page, app);
  const file = path.join(scratchDir('import'), '按支部分表的花名册（含说明页）.xlsx');
  await multiSheetWorkbook().xlsx.writeFile(file);
  await page.getByRole('link', { name: '党员名册' }).click();
  await page.getByRole('link', { name: '导入花名册' }).first().click();
  await page.locator('input[type=file]').setInputFiles(file);

  // The sheets of the layout, ticked but the hidden one (marked); 说明 is another layout and not offered.
  const list = page.getByTestId('sheet-checklist');
  await expect(list).toContainText('合并导入这些工作表');
  const box = (name: string) => list.getByRole('checkbox', { name: new RegExp(`^${name}（`) });
  await expect(box('幸福社区第一党支部')).toBeChecked();
  await expect(box('二支部')).toBeChecked();
  await expect(list.getByText('二支部（2 行，表头第 3 行）')).toBeVisible();
  await expect(box('幸福社区退休职工党支部')).toBeChecked();
  await expect(box('2019年已转出')).not.toBeChecked();
  await expect(list.getByText('隐藏的工作表')).toBeVisible();
  await expect(list.getByRole('checkbox')).toHaveCount(4);
  await expect(list).toContainText('已选 3 个工作表，共 6 行数据');
  // No branch column: 所在支部 ← each sheet's name.
  await expect(page.getByRole('combobox', { name: '所在支部' })).toHaveValue('工作表名称（一个工作表一个支部）');
  await expect(page.getByTestId('sheet-name-note')).toContainText('工作表名称 = 所在组织');
  await still(page, 'import-23-sheet-checklist');

  // One check over the three sheets: 二支部 asked once, its rows wait; rows named by sheet and row.
  await page.getByRole('button', { name: '核对数据' }).click();
  const panel = page.getByTestId('value-questions');
  await expect(panel.locator('[data-value]')).toHaveCount(1);
  await expect(panel.getByRole('combobox', { name: '二支部 对应到' })).toHaveValue('幸福社区第二党支部（幸福社区党委）');
  await panel.getByRole('button', { name: '确认这些对应（1 项）' }).click();
  await expect(panel.getByText('已确认')).toBeVisible();
  const problems = page.getByRole('table', { name: /有问题的行/ });
  await expect(problems.getByRole('row')).toHaveCount(3);
  await expect(problems.getByRole('row', { name: /二支部!第5行/ })).toContainText('与幸福社区第一党支部!第3行重复');
  await expect(problems.getByRole('row', { name: /幸福社区退休职工党支部!第4行/ })).toContainText('周六');
  await expect(page.getByRole('button', { name: '导入 4 条' })).toBeDisabled();
  await shot(page, 'import-24-sheets-report');

  // Excluded explicitly, named by sheet; then one import of every sheet.
  await page.getByRole('button', { name: '排除这 2 行' }).click();
  await expect(page.getByText('已排除二支部!第5行、幸福社区退休职工党支部!第4行，这些行不会导入。')).toBeVisible();
  await page.getByRole('button', { name: '导入 4 条' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '导入' }).click();
  await expect(page.getByText('新增 4 条，更新 0 条，跳过 0 条')).toBeVisible();
  await shot(page, 'import-25-sheets-done');

  const members = async (name: string) =>
    (await apiCall(app, 'party.listMembers', { orgId: (await orgByName(app, name)).id })).rows.map((m) => m.name).sort();
  expect(await members('幸福社区第一党支部')).toEqual(['吴一', '郑二']);
  expect(await members('幸福社区第二党支部')).toEqual(['冯三']);
  expect(await members('幸福社区退休职工党支部')).toEqual(['孙五']);
});
