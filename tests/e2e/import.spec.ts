import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import path from 'node:path';
import { idNumber } from '../../scripts/lib/people';
import { rosterWorkbook } from '../fixtures/import/make';
import { apiCall, rootOrg } from './api';
import { expect, scratchDir, setUp, shot, test } from './fixtures';

const existingId = idNumber('130104', '1960-02-28', 201, 'male');

/**
 * A member register as a community keeps it: a title, a unit line, and two category columns the header names
 * confusingly (党员类别 holds 正式/预备, 人员类别 holds 社区/流动) — the mapping a clerk has to correct.
 */
async function registerFile(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['西里社区党员花名册']);
  ws.mergeCells('A1:J1');
  ws.addRow(['填报单位：西里社区党委', '', '', '', '', '', '', '', '填报日期：2026年11月']);
  ws.addRow(['序号', '姓  名', '性别', '公民身份号码', '联系电话', '入党时间', '转正时间', '党员类别', '人员类别', '所在党支部']);
  const good = (i: number, name: string, gender: 'male' | 'female', birth: string) =>
    [i, name, gender === 'male' ? '男' : '女', idNumber('130104', birth, 210 + i, gender), `1381234${String(5670 + i)}`, '2001.7.1', '2002年7月1日', '正式党员', '社区', '阳光小区党支部'];
  ws.addRow(good(1, '张　伟', 'male', '1970-03-01'));
  ws.addRow(good(2, '王秀英', 'female', '1975-06-12'));
  const bad = good(3, '李强', 'male', '1968-09-30');
  bad[3] = `${String(bad[3]).slice(0, 17)}${String(bad[3]).endsWith('1') ? '2' : '1'}`; // a wrong check digit
  ws.addRow(bad);
  ws.addRow([4, '刘洋', '男', idNumber('130104', '1988-01-20', 214, 'male'), '13912340000', '20230701', '', '预备党员', '流动', '阳光小区党支部']);
  ws.addRow([5, '钱七', '男', existingId, '13612345678', '1985/7/1', '1986/7/1', '正式党员', '社区', '阳光小区党支部']);
  ws.addRow(['填表人：王芳']);
  const file = path.join(dir, '西里社区党员花名册.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

/** Screenshots show the screen settled, at the office monitor's width without sideways scrolling. */
async function still(page: Page, name: string) {
  await page.evaluate('Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null)))');
  expect(await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
  await shot(page, name);
}

test('import a member register: fix the mapping, read the report, leave out the bad row, import', async ({ page, app }) => {
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '王芳' });
  const root = await rootOrg(app);
  const branch = await apiCall(app, 'party.createOrg', { parentId: root.id, level: 'branch', kind: '小区党支部', name: '阳光小区党支部' });
  await apiCall(app, 'party.createMember', {
    name: '钱七', gender: 'male', idNumber: existingId, joinedOn: '1985-07-01', status: 'full', category: 'community', orgId: branch.id,
  });
  const file = await registerFile(scratchDir('import'));

  // The register chooser, from the navigation.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '导入台账' }).click();
  await expect(page.getByRole('region', { name: '党员花名册' })).toBeVisible();
  await still(page, 'import-01-registers');

  // From the member register's own action: straight to the file.
  await page.getByRole('link', { name: '党员名册' }).click();
  await page.getByRole('link', { name: '导入花名册' }).click();
  await expect(page.getByText('把 Excel（.xlsx）或 CSV 文件拖到这里')).toBeVisible();
  await still(page, 'import-02-file');
  await page.locator('input[type=file]').setInputFiles(file);

  // The mapping as detected: 党员类别 went to the category field, and the status field has no column.
  const status = page.getByRole('combobox', { name: '党员状态' });
  const category = page.getByRole('combobox', { name: '党员类别' });
  await expect(page.getByText('已按列标题自动对应')).toBeVisible();
  await expect(category).toHaveValue('H 列 · 党员类别');
  await expect(status).toHaveValue('不导入');
  await expect(page.getByRole('combobox', { name: '身份证号' })).toHaveValue('D 列 · 公民身份号码');
  await still(page, 'import-03-mapping-detected');

  // Checking as it is: every row's category is wrong — the report says so beside the cell.
  await page.getByRole('button', { name: '核对数据' }).click();
  await expect(page.getByText('党员类别应为：社区党员、在职党员、流动党员').first()).toBeVisible();
  await page.getByRole('button', { name: '修改对应列' }).click();

  // The fix: 党员状态 ← H 党员类别, 党员类别 ← I 人员类别.
  await status.click();
  await page.getByRole('option', { name: 'H 列 · 党员类别' }).click();
  await category.click();
  await page.getByRole('option', { name: 'I 列 · 人员类别' }).click();
  await expect(page.getByRole('row', { name: /党员类别/ }).getByText('社区 · 流动')).toBeVisible();
  await still(page, 'import-04-mapping-fixed');
  await page.getByRole('button', { name: '核对数据' }).click();

  // The report: one bad row (row 6, its ID number), one member already registered (row 8), three to add.
  const problems = page.getByRole('table', { name: /有问题的行/ });
  await expect(problems.locator('[data-row]')).toHaveCount(1);
  await expect(problems.locator('[data-row="6"]')).toContainText('身份证号校验位不正确，请核对');
  await expect(page.getByText('新增 3')).toBeVisible();
  await expect(page.getByText('已存在 1')).toBeVisible();
  await expect(page.getByRole('button', { name: '导入 3 条' })).toBeDisabled();
  await still(page, 'import-05-report');

  // The report as a spreadsheet, errors marked.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载核对结果（Excel）' }).click();
  expect((await download).suggestedFilename()).toBe('西里社区党员花名册-核对结果.xlsx');

  // Leave the bad row out; the existing member is skipped (the default).
  await page.getByRole('button', { name: '排除这 1 行' }).click();
  await expect(page.getByText('已排除第 6 行')).toBeVisible();
  await page.getByRole('tab', { name: '导入后的样子' }).click();
  await expect(page.getByRole('table', { name: '导入后的样子' })).toContainText('张伟');
  await still(page, 'import-06-ready');
  await page.getByRole('button', { name: '导入 3 条' }).click();
  await expect(page.getByRole('dialog', { name: '确认导入' })).toContainText('将新增 3 条，跳过已存在的 1 条');
  await still(page, 'import-07-confirm');
  await page.getByRole('dialog').getByRole('button', { name: '导入' }).click();

  await expect(page.getByText('新增 3 条，更新 0 条，跳过 1 条')).toBeVisible();
  await still(page, 'import-08-done');

  // In the register: the three new members beside the one who was there.
  await page.getByRole('link', { name: '查看台账' }).click();
  await expect(page.getByTestId('member-count')).toHaveText('共 4 人');
  for (const name of ['张伟', '王秀英', '刘洋', '钱七']) await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
  await still(page, 'import-09-members');

  // The import is in the audit log with its file.
  const audit = await apiCall(app, 'system.listAudit', { entity: 'import_batch' });
  expect(JSON.parse(audit.rows[0]!.after!)).toMatchObject({ fileName: '西里社区党员花名册.xlsx', created: 3, skipped: 1, excluded: 1 });
});

test('import a real-layout roster: hidden column and rows, month-only dates, warnings, 合计 and blank rows', async ({ page, app }) => {
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '王芳' });
  const root = await rootOrg(app);
  await apiCall(app, 'party.createOrg', { parentId: root.id, level: 'branch', kind: '小区党支部', name: '阳光小区党支部' });
  const file = path.join(scratchDir('import'), '西里社区党员花名册.xlsx');
  await rosterWorkbook().xlsx.writeFile(file);

  await page.getByRole('link', { name: '党员名册' }).click();
  // An empty register offers the import twice: in its actions and in the empty state.
  await page.getByRole('link', { name: '导入花名册' }).first().click();
  await page.locator('input[type=file]').setInputFiles(file);

  // The visible 联系电话 (J) is mapped, not the hidden one of old numbers (I), which is labelled as hidden.
  const phone = page.getByRole('combobox', { name: '手机' });
  await expect(phone).toHaveValue('J 列 · 联系电话');
  await phone.click();
  await expect(page.getByRole('option', { name: 'I 列 · 联系电话（隐藏列）' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByText(/\d{17}/)).toHaveCount(0); // no full ID number on the screen
  await still(page, 'import-10-roster-mapping');
  await page.getByRole('button', { name: '核对数据' }).click();

  // The filtered-out row is named apart; 合计 and the row of spaces are skipped and said so.
  await expect(page.getByTestId('hidden-rows')).toContainText('第 9 行（钱七）');
  await expect(page.getByTestId('skipped-rows')).toContainText('第 15 行（空行（只有空格））、第 16 行（合计行）');
  const problems = page.getByRole('table', { name: /有问题的行/ });
  await expect(problems.locator('[data-row="6"]')).toContainText('出生年月（1947年8月）与身份证号不一致');
  await expect(problems.locator('[data-row="10"]')).toContainText('手机号只有 8 位');
  await expect(problems.locator('[data-row="13"]')).toContainText('顺序码');
  await still(page, 'import-11-roster-report');

  await page.getByRole('tab', { name: /需留意的行/ }).click();
  await expect(page.getByRole('table', { name: /需留意的行/ }).locator('[data-row="8"]')).toContainText('在职党员没有工作单位');
  await still(page, 'import-12-roster-warnings');

  // Leave out the five bad rows; include the hidden row only when asked.
  await page.getByRole('button', { name: /排除这 \d+ 行/ }).click();
  await expect(page.getByRole('button', { name: '导入 5 条' })).toBeEnabled();
  await page.getByLabel('也导入这些隐藏的行').check();
  await expect(page.getByRole('button', { name: '导入 6 条' })).toBeEnabled();
  await page.getByLabel('也导入这些隐藏的行').uncheck();
  await page.getByRole('button', { name: '导入 5 条' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '导入' }).click();
  await expect(page.getByText('新增 5 条，更新 0 条，跳过 0 条')).toBeVisible();
});
