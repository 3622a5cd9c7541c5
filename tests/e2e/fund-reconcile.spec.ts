import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { newId } from '../../db/ids';
import { apiCall } from './api';
import { expect, scratchDir, setUp, shotsDir, still, test } from './fixtures';

test.use({ actionTimeout: 15_000 });

const dialog = (page: Page, name: string | RegExp) => page.getByRole('dialog', { name });

/** A side confirms in person: their name is the only one with a PIN, so the caret is in the PIN. */
async function confirmAs(page: Page, side: string, pin: string) {
  await page.getByRole('button', { name: `${side}确认` }).click();
  const confirm = dialog(page, `${side}确认银行对账`);
  await expect(confirm.getByLabel('签字密码')).toBeFocused();
  await page.keyboard.type(pin);
  await confirm.getByRole('button', { name: '确认', exact: true }).click();
  await expect(confirm).toBeHidden();
}

test('bank reconciliation: the overdue month from the home page, a month with items in transit on both sides, confirmed by both sides in person', async ({ page, app }) => {
  test.setTimeout(180_000);
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '王芳' });
  const community = (await apiCall(app, 'party.listPlaces', {}))[0]!;
  const estate = await apiCall(app, 'party.createPlace', { kind: 'estate', parentId: community.id, name: '阳光小区' });
  // Opened on 1 October: October is to be reconciled by 10 November, so on 2 December it is overdue.
  const account = await apiCall(app, 'fund.openAccount', { estateId: estate.id, openingBalance: '10,000', openedOn: '2026-10-01' });
  const signer = async (side: 'company' | 'committee', name: string, pin: string) => {
    const s = await apiCall(app, 'fund.addSignatory', { accountId: account.id, side, name });
    return apiCall(app, 'fund.setSignatoryPin', { signatoryId: s.id, pin });
  };
  const company = await signer('company', '刘建国', '135790');
  const committee = await signer('committee', '陈秀英', '246802');
  const entry = { accountId: account.id, counterparty: null, voucherNo: null };
  await apiCall(app, 'fund.postIncome', { ...entry, id: newId(), onDate: '2026-11-05', category: 'fee_allocation', amount: '5,000', purpose: '10月物业费提取' });
  const draft = await apiCall(app, 'fund.draftExpense', { ...entry, id: newId(), onDate: '2026-11-20', category: 'routine', amount: '800', purpose: '11月电梯维保费' });
  await apiCall(app, 'fund.signOff', { entryId: draft.entry.id, signatoryId: company.id, pin: '135790' });
  await apiCall(app, 'fund.signOff', { entryId: draft.entry.id, signatoryId: committee.id, pin: '246802' });
  await apiCall(app, 'fund.postExpense', { entryId: draft.entry.id });
  const go = async (p: string) => {
    await page.goto(`${new URL(app.url).origin}/#${p}`);
    await page.reload();
  };

  // 今日待办 names the month overdue and opens it.
  await go('/');
  const todo = page.getByRole('link', { name: '阳光小区电梯维保基金：2026年10月尚未完成银行对账' });
  await expect(todo).toBeVisible();
  await todo.click();
  await expect(page.getByLabel('对账月份')).toHaveValue('2026-10');
  await expect(page.getByText('这段时间没有过账的流水。')).toBeVisible();

  // October: nothing moved, so the statement shows the opening balance; a wrong figure is told apart at once.
  const bankBalance = page.getByLabel('对账单月末余额（元）');
  await expect(bankBalance).toBeFocused();
  await page.keyboard.type('9,990');
  await expect(page.getByRole('status').filter({ hasText: '相差 ¥10.00' })).toBeVisible();
  await bankBalance.fill('10,000');
  await expect(page.getByRole('status').filter({ hasText: '两边相符' })).toBeVisible();
  await expect(page.getByRole('button', { name: '物业服务企业确认' })).toBeDisabled();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('已保存对账')).toBeVisible();
  await confirmAs(page, '物业服务企业', '135790');
  await confirmAs(page, '业主委员会', '246802');
  await expect(page.getByText(/双方已于 .* 确认，这个月的对账已定稿/)).toBeVisible();
  await expect(page.getByText('已确认', { exact: true })).toBeVisible();

  // November: the ¥800.00 paid on the 20th is not on the statement yet; the bank credited ¥12.34 interest.
  await page.getByLabel('对账月份').fill('2026-11');
  await expect(page.getByRole('table', { name: '账上已记、银行未记' })).toContainText('11月电梯维保费');
  await bankBalance.fill('15,012.34');
  await expect(page.getByRole('status').filter({ hasText: '相差 ¥812.34' })).toBeVisible();
  await page.getByRole('checkbox', { name: '第 2 笔 银行未记' }).check();
  await page.getByRole('button', { name: '添加一笔' }).click();
  await page.getByLabel('金额（元） 1').fill('12.34');
  await page.getByLabel('摘要 1').fill('第四季度结息');
  const adjustment = page.getByRole('table', { name: '余额调节表' });
  await expect(adjustment.getByRole('row', { name: /调节后余额/ })).toContainText('¥14,212.34');
  await expect(page.getByRole('status').filter({ hasText: '两边相符' })).toBeVisible();
  await page.getByRole('button', { name: '保存对账' }).click();
  await expect(page.getByText('草稿', { exact: true })).toBeVisible();
  await confirmAs(page, '物业服务企业', '135790');
  await expect(page.getByText(/物业服务企业：刘建国/)).toBeVisible();
  await still(page, 'fund-reconcile');

  // The 余额调节表 to file with the statement, drawn and looked at (page 1 as fund-reconcile-pdf.png).
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '保存 PDF' }).click()]);
  expect(download.suggestedFilename()).toBe('银行存款余额调节表-阳光小区电梯维保基金-2026-11.pdf');
  const pdf = path.join(scratchDir('reconcile-pdf'), download.suggestedFilename());
  await download.saveAs(pdf);
  execFileSync('/usr/bin/pdftoppm', ['-r', '70', '-png', '-singlefile', '-f', '1', '-l', '1', pdf, path.join(shotsDir, 'fund-reconcile-pdf')]);

  const saved = await apiCall(app, 'fund.getReconciliation', { accountId: account.id, month: '2026-11' });
  expect(saved.saved).toMatchObject({ reconciliation: { status: 'draft', bankBalance: 1_501_234 }, figures: { difference: 0, ledgerOnlyExpense: 80_000, bankOnlyIncome: 1_234 } });
  // October reconciled: the to-do is gone (November is due by 10 December).
  await go('/');
  await expect(page.getByRole('link', { name: /尚未完成银行对账/ })).toHaveCount(0);

  // 基金概览: the account's balance and the months, November's income and expense in the chart's words.
  await go('/fund/overview');
  await expect(page.getByRole('table', { name: '各账户' })).toContainText('¥14,200.00');
  await expect(page.getByRole('img', { name: /11月 收入0\.5万、支出0\.1万/ })).toBeVisible();
  await still(page, 'fund-overview');
});
