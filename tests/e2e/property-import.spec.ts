import path from 'node:path';
import { estatesWorkbook } from '../fixtures/import/property';
import { apiCall } from './api';
import { expect, scratchDir, setUp, shot, test } from './fixtures';

test.use({ actionTimeout: 15_000 });

/**
 * 小区基本情况台账 through the import page: the estates written unlike the places register are asked once in
 * 小区名称对应 (the similar one chosen in advance), the two bad rows left out, the profiles made.
 */
test('import the estates register: confirm the unsure names once, leave out the bad rows, see the profiles', async ({ page, app }) => {
  test.setTimeout(180_000);
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '王芳' });
  const community = (await apiCall(app, 'party.listPlaces', {})).find((p) => p.kind === 'community')!;
  for (const name of ['阳光小区', '幸福小区', '金色家园', '东方花园']) {
    await apiCall(app, 'party.createPlace', { kind: 'estate', parentId: community.id, name });
  }
  const file = path.join(scratchDir('prop-import'), '小区基本情况台账.xlsx');
  await estatesWorkbook().xlsx.writeFile(file);

  await page.goto(`${new URL(app.url).origin}/#/import?register=property.estates`);
  await page.locator('input[type=file]').setInputFiles(file);
  await expect(page.getByRole('combobox', { name: '建筑面积', exact: true })).toHaveValue('E 列 · 建筑面积（㎡）');
  await page.getByRole('button', { name: '核对数据' }).click();

  const panel = page.getByTestId('value-questions');
  await expect(panel.locator('[data-value]')).toHaveCount(3);
  const target = (value: string) => panel.getByRole('combobox', { name: `${value} 对应到` });
  await expect(target('东方花苑')).toHaveValue('东方花园（西里社区）');
  await expect(target('西里社区金色家园小区')).toHaveValue('金色家园（西里社区）');
  await expect(page.getByRole('table', { name: /有问题的行/ }).locator('[data-row="7"]')).toContainText('与“东方花园（西里社区）”相近：请在“小区名称对应”中确认');
  await expect(page.getByTestId('hidden-rows')).toContainText('第 11 行（红旗小区）');
  await shot(page, 'property-import-01-questions');

  await panel.getByRole('button', { name: '确认这些对应（2 项）' }).click();
  await expect(panel.getByText('已确认')).toHaveCount(2);
  const problems = page.getByRole('table', { name: /有问题的行/ });
  await expect(problems.locator('[data-row]')).toHaveCount(2);
  await expect(problems.locator('[data-row="10"]')).toContainText('管理方式应为：物业服务企业、自管、弃管');
  await page.getByRole('button', { name: '排除这 2 行' }).click();
  await shot(page, 'property-import-02-ready');
  await page.getByRole('button', { name: '导入 4 条' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '导入' }).click();
  await expect(page.getByText('新增 4 条，更新 0 条，跳过 0 条')).toBeVisible();

  await page.getByRole('link', { name: '查看台账' }).click();
  for (const name of ['阳光小区', '幸福小区', '金色家园', '东方花园']) await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
  await shot(page, 'property-import-03-estates');
});
