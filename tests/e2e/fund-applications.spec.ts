import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { newId } from '../../db/ids';
import { apiCall } from './api';
import { today } from './clock';
import { expect, scratchDir, setUp, shotsDir, still, test } from './fixtures';

test.use({ actionTimeout: 15_000 });

const dialog = (page: Page, name: string | RegExp) => page.getByRole('dialog', { name });

/** Downloads the PDF a button makes and renders its first page into the screenshots, to be looked at. */
async function renderDownload(page: Page, button: ReturnType<Page['getByRole']>, shot: string): Promise<void> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const pdf = path.join(scratchDir('fund-notice'), download.suggestedFilename());
  await download.saveAs(pdf);
  expect(execFileSync('/usr/bin/pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })).toContain('公示期');
  fs.mkdirSync(shotsDir, { recursive: true });
  execFileSync('/usr/bin/pdftoppm', ['-r', '70', '-png', '-singlefile', '-f', '1', '-l', '1', pdf, path.join(shotsDir, shot)]);
}

test('维修资金使用: a proposal, the owners’ vote (exactly half refused), the plan’s notice, approval, a payment signed in person on the journal, the result notice', async ({ page, app }) => {
  test.setTimeout(240_000);
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '王芳' });
  const community = (await apiCall(app, 'party.listPlaces', {}))[0]!;
  const estate = await apiCall(app, 'party.createPlace', { kind: 'estate', parentId: community.id, name: '阳光小区' });
  const account = await apiCall(app, 'fund.openAccount', { estateId: estate.id, openingBalance: '200,000', openedOn: '2026-01-01' });
  const signer = async (side: 'company' | 'committee', name: string, pin: string) => {
    const s = await apiCall(app, 'fund.addSignatory', { accountId: account.id, side, name });
    return apiCall(app, 'fund.setSignatoryPin', { signatoryId: s.id, pin });
  };
  const company = await signer('company', '刘建国', '135790');
  const committee = await signer('committee', '陈秀英', '246802');
  const go = async (p: string) => {
    await page.goto(`${new URL(app.url).origin}/#${p}`);
    await page.reload();
  };

  // The proposal, typed: the works, the budget, the owners' totals.
  await go('/fund/applications');
  await expect(page.getByText('这个账户还没有维修资金使用申请')).toBeVisible();
  await page.getByRole('button', { name: '新建申请' }).click();
  const form = dialog(page, '新建申请');
  await expect(form.getByLabel('申请名称')).toBeFocused();
  await page.keyboard.type('3号楼1单元电梯大修');
  await form.getByLabel('工程方案').fill('更换曳引机、控制柜和层门');
  await form.getByLabel('预算金额').fill('150,000');
  await form.getByLabel('业主总户数').fill('300');
  await form.getByLabel('专有部分总面积（m²）').fill('30000');
  await still(page, 'fund-applications-new');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByText('尚未登记表决结果')).toBeVisible();

  // The vote: exactly half of those taking part is no majority — said as it is typed; one more household passes.
  await page.getByRole('button', { name: '登记表决结果' }).click();
  const vote = dialog(page, '登记业主表决结果');
  await expect(vote.getByLabel('参与表决户数')).toBeFocused();
  await page.keyboard.type('210');
  await vote.getByLabel('参与表决面积（m²）').fill('21000');
  await vote.getByLabel('同意户数').fill('105');
  await vote.getByLabel('同意面积（m²）').fill('15000');
  await vote.getByLabel('表决截止日期').fill('2026-10-20');
  await expect(vote.getByText('同意的户数未达参与表决户数的过半数')).toBeVisible();
  await expect(vote.getByText('表决未通过')).toBeVisible();
  await still(page, 'fund-applications-vote');
  await vote.getByLabel('同意户数').fill('106');
  await expect(vote.getByText('表决通过')).toBeVisible();
  await vote.getByRole('button', { name: '登记表决结果' }).click();
  await expect(vote).toBeHidden();
  await expect(page.getByText('户数：参与 210 户（70.0%），同意 106 户（50.4%）')).toBeVisible();

  // The plan's notice: four days are refused beside the end date; five go through.
  await page.getByRole('button', { name: '方案公示', exact: true }).click();
  const notice = dialog(page, /^方案公示 ·/);
  await notice.getByLabel('公示开始日期').fill('2026-10-21');
  await notice.getByLabel('公示结束日期').fill('2026-10-24');
  // Ctrl+Enter confirms from the date field, whose calendar is open over the buttons.
  await page.keyboard.press('Control+Enter');
  await expect(notice.getByText('方案公示不少于 5 天（2026-10-21 至 2026-10-24 只有 4 天）')).toBeVisible();
  await notice.getByLabel('公示结束日期').fill('2026-10-25');
  await page.keyboard.press('Control+Enter');
  await expect(notice).toBeHidden();
  await renderDownload(page, page.getByRole('button', { name: '打印方案公示' }), 'fund-applications-plan-pdf');

  // 今日待办: the notice's period has ended; the item opens the application.
  await go('/');
  const todo = page.getByRole('link', { name: '阳光小区电梯维保基金：3号楼1单元电梯大修——方案公示期满，待登记批准' });
  await expect(todo).toBeVisible();
  await todo.click();
  await expect(page.getByRole('heading', { name: '3号楼1单元电梯大修' })).toBeVisible();

  // Approval, then a payment: an expense draft on the journal, posted only with both sides' sign-offs.
  await page.getByRole('button', { name: '登记批准' }).click();
  const approve = dialog(page, /^登记批准 ·/);
  await approve.getByLabel('批准文号').fill('西里街道〔2026〕12号');
  await approve.getByRole('button', { name: '登记批准' }).click();
  await expect(approve).toBeHidden();
  await page.getByRole('button', { name: '新建付款' }).click();
  const pay = dialog(page, '新建付款（支出草稿）');
  await expect(pay.getByLabel('收款单位')).toBeFocused();
  await page.keyboard.type('安达电梯工程公司');
  await expect(pay.getByLabel('付款金额')).toHaveValue(/150,000\.00/);
  await pay.getByLabel('付款金额').fill('120,000');
  await pay.getByLabel('凭证号').fill('PZ-001');
  await still(page, 'fund-applications-payment');
  await pay.getByRole('button', { name: '保存' }).click();
  // The draft opens on 收支明细, where the signers sign it.
  const drawer = dialog(page, '支出草稿');
  await expect(drawer).toContainText('维修资金使用：3号楼1单元电梯大修（首付款）');
  const [application] = await apiCall(app, 'fund.listApplications', { accountId: account.id });
  const { payments } = await apiCall(app, 'fund.getApplication', { applicationId: application!.id });
  await apiCall(app, 'fund.signOff', { entryId: payments[0]!.entryId, signatoryId: company.id, pin: '135790' });
  await page.reload();
  await drawer.getByRole('button', { name: '过账' }).click();
  await expect(drawer.getByRole('alert')).toContainText('还缺少业主委员会一方的签字');
  await apiCall(app, 'fund.signOff', { entryId: payments[0]!.entryId, signatoryId: committee.id, pin: '246802' });
  await page.reload();
  await drawer.getByRole('button', { name: '过账' }).click();
  await expect(drawer).toBeHidden();

  // Paid: the result notice, from tomorrow for the setting's ten days.
  await go(`/fund/applications?account=${account.id}&application=${application!.id}`);
  await expect(page.getByRole('row', { name: /首付款/ })).toContainText('第 1 笔');
  await page.getByRole('button', { name: '结果公示', exact: true }).click();
  const result = dialog(page, /^结果公示 ·/);
  await result.getByRole('button', { name: '结果公示' }).click();
  await expect(result).toBeHidden();
  await expect(page.getByText('结果公示中').first()).toBeVisible();
  await still(page, 'fund-applications');
  await renderDownload(page, page.getByRole('button', { name: '打印结果公示' }), 'fund-applications-result-pdf');
  const done = await apiCall(app, 'fund.getApplication', { applicationId: application!.id });
  expect(done.application).toMatchObject({ status: 'result_noticed', paid: 12_000_000, pending: 0, lastPaidOn: today });

  // 基金概览: this year's entrapments with their response times, from the elevator register's faults.
  const building = await apiCall(app, 'party.createPlace', { kind: 'building', parentId: estate.id, name: '3号楼', unitCount: 2 });
  const elevator = await apiCall(app, 'elevator.createElevator', {
    estateId: estate.id, buildingId: building.id, unitNo: 1, carLabel: '1号梯', regCode: '31104201022015060123', type: 'passenger',
    status: 'in_service', rescuePhone: '027-96333', maintainer: '江城电梯工程有限公司', contractPrice: '¥350.00', speed: '1.75', floors: 18,
  });
  const trapped = { elevatorId: elevator.id, peopleTrapped: 1, cause: 'door', rescuer: '江城电梯 李师傅' } as const;
  await apiCall(app, 'elevator.createFault', { ...trapped, alarmAt: '2026-03-01 10:00', arrivedAt: '10:10', releasedAt: '10:20' });
  await apiCall(app, 'elevator.createFault', { ...trapped, alarmAt: '2026-06-01 10:00', arrivedAt: '10:30', releasedAt: '10:50' });
  await apiCall(app, 'elevator.createFault', { ...trapped, alarmAt: '2026-09-01 08:00', arrivedAt: '08:20', releasedAt: '08:25' });
  await apiCall(app, 'elevator.createFault', { ...trapped, alarmAt: '2026-11-30 23:50', arrivedAt: '2026-12-01 00:25', releasedAt: '2026-12-01 00:30' });
  await go('/fund/overview');
  const rescues = page.getByRole('region', { name: '2026年困人救援' });
  await expect(rescues).toContainText('到场用时中位数25 分钟');
  await expect(rescues).toContainText('解困用时中位数32.5 分钟');
  await expect(rescues).toContainText('30 分钟内到场75.0%3 / 4 次');
  await still(page, 'fund-overview-rescues');

  // 银行对账: November's statement has interest the journal lacks; it is entered from the screen, not retyped.
  await apiCall(app, 'fund.saveReconciliation', {
    id: newId(), accountId: account.id, month: '2026-11', bankBalance: '200,012.34', ledgerItems: [],
    bankItems: [{ onDate: '2026-11-21', direction: 'income', amount: '12.34', note: '第四季度结息' }],
  });
  await go(`/fund/reconcile?account=${account.id}&month=2026-11`);
  await page.getByRole('button', { name: '记入收支明细 第 1 笔' }).click();
  const enter = dialog(page, '记入收支明细');
  await expect(enter).toContainText('2026-11-21 银行收入 ¥12.34 第四季度结息');
  await expect(enter.getByLabel('类别')).toHaveValue('利息');
  await enter.getByRole('button', { name: '记入收支明细' }).click();
  await expect(enter).toBeHidden();
  await expect(page.getByRole('link', { name: /已入账 · 第 \d+ 笔/ })).toBeVisible();
  // Entering the line saved nothing else: the saved draft still holds November's balance before it, and says so.
  await expect(page.getByText(/保存之后有新过账的流水，账面余额已变为 ¥200,012\.34/)).toBeVisible();
  const november = await apiCall(app, 'fund.getReconciliation', { accountId: account.id, month: '2026-11' });
  expect(november).toMatchObject({ ledgerChanged: true, saved: { reconciliation: { ledgerBalance: 20_000_000 } } });
  await still(page, 'fund-reconcile-bank-line');
});
