import type { Page } from '@playwright/test';
import { addMonths } from '../../main/api/common/days';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { apiCall } from './api';
import { expect, scratchDir, setUp, shotsDir, signIn, still, test } from './fixtures';

test.use({ actionTimeout: 15_000 });

const dialog = (page: Page, name: string | RegExp) => page.getByRole('dialog', { name });

test('elevator fund income: a month of 物业费提取 computed and posted, a crowd-funding campaign to a payment that posts income', async ({ page, app }) => {
  test.setTimeout(180_000);
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '王芳' });
  const community = (await apiCall(app, 'party.listPlaces', {}))[0]!;
  const estate = await apiCall(app, 'party.createPlace', { kind: 'estate', parentId: community.id, name: '虹顶家园' });
  // The seed's estate: 21,893 m² at ¥1.18/m²/month.
  await apiCall(app, 'property.createEstate', { placeId: estate.id, management: 'company', floorAreaHundredths: 2_189_300 });
  const account = await apiCall(app, 'fund.openAccount', { estateId: estate.id, openingBalance: '0', openedOn: '2026-01-01' });
  const go = async (p: string) => {
    await page.goto(`${new URL(app.url).origin}/#${p}`);
    await page.reload();
  };

  // 物业费提取: no settings yet says so; the settings by keyboard; the computation shown; posted once.
  await go('/fund/allocation');
  await expect(page.getByText('这个账户还没有设置费率和比例')).toBeVisible();
  await page.getByRole('button', { name: '设置费率和比例' }).click();
  const settings = dialog(page, '设置费率和比例');
  await expect(settings.getByLabel('每平方米每月费率（元）')).toBeFocused();
  await page.keyboard.type('1.18');
  await settings.getByRole('button', { name: '保存' }).click();
  await expect(settings).toBeHidden();
  const month = await page.getByLabel('提取月份').inputValue();
  await expect(page.getByText('物业费：¥1.18/m² × 21,893.00 m² = ¥25,833.74')).toBeVisible();
  await expect(page.getByText('提取入基金：¥25,833.74 × 1/1 = ¥25,833.74')).toBeVisible();
  await still(page, 'fund-allocation-preview');
  await page.getByRole('button', { name: '过账' }).click();
  await expect(page.getByText(/已提取（第 1 笔/)).toBeVisible();
  await expect(page.getByRole('button', { name: '过账' })).toHaveCount(0);
  await expect(page.getByRole('row', { name: /¥25,833.74/ }).first()).toBeVisible();
  await still(page, 'fund-allocation-posted');
  const allocations = await apiCall(app, 'fund.listAllocations', { accountId: account.id });
  expect(allocations).toMatchObject([{ month, amount: 2_583_374, seq: 1 }]);

  // 众筹: the empty state, a campaign by area with the households typed a line each.
  await go('/fund/crowdfunding');
  await expect(page.getByText('这个账户还没有众筹')).toBeVisible();
  await page.getByRole('button', { name: '发起众筹' }).click();
  const form = dialog(page, '发起众筹');
  await expect(form.getByLabel('众筹名称')).toBeFocused();
  await page.keyboard.type('3号楼电梯大修');
  await form.getByLabel('用途').fill('更换曳引机和控制柜');
  await form.getByLabel('目标金额').fill('100,000');
  await form.getByLabel('政府补贴').fill('20,000');
  await form.getByLabel('维修资金拨付').fill('30,000');
  await form.getByLabel('参加的住户').fill('3-101 张三 88.50\n3-102 李四 102.75\n3-201 王五 88.50');
  await expect(form.getByText('共 3 户')).toBeVisible();
  // The shares as the core will compute them, before saving; the total is the owners' part to the fen.
  const preview = form.getByRole('table', { name: '分摊结果（保存前核对）' });
  await expect(preview.getByRole('row', { name: /^3-101/ })).toContainText('¥15,817.70');
  await expect(preview.getByRole('row', { name: /^合计/ })).toContainText('¥50,000.00');
  await still(page, 'fund-crowdfunding-new');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  const row = (room: string) => page.getByRole('row', { name: new RegExp(`^${room}`) });
  await expect(row('3-101')).toContainText('¥15,817.70');
  await expect(row('3-102')).toContainText('¥18,364.61');
  await expect(row('3-201')).toContainText('¥15,817.69');
  await expect(row('3-101')).toContainText('张*');

  // A payment by keyboard: the receipt number first, the amount already the share; it posts income once.
  await page.getByRole('button', { name: '登记缴款 3-101' }).click();
  const pay = dialog(page, '登记缴款 · 3-101');
  await expect(pay.getByLabel('收据号')).toBeFocused();
  await page.keyboard.type('ZC-0001');
  await expect(pay.getByLabel('缴款金额')).toHaveValue(/15,817\.70/);
  await still(page, 'fund-crowdfunding-payment');
  await pay.getByRole('button', { name: '保存' }).click();
  await expect(pay).toBeHidden();
  await expect(row('3-101')).toContainText(/¥15,817\.70.*¥15,817\.70/);
  await expect(page.getByRole('row', { name: /3号楼电梯大修/ })).toContainText('15.8%');
  await still(page, 'fund-crowdfunding');

  // The same receipt again is refused beside its field.
  await page.getByRole('button', { name: '登记缴款 3-102' }).click();
  const again = dialog(page, '登记缴款 · 3-102');
  await page.keyboard.type('ZC-0001');
  await again.getByRole('button', { name: '保存' }).click();
  await expect(again.getByText('收据号 ZC-0001 已登记过')).toBeVisible();

  await again.getByRole('button', { name: '取消' }).click();
  await page.getByRole('button', { name: '放弃修改' }).click();
  await expect(again).toBeHidden();

  // A pledge is a promise, kept apart: the share by default, nothing posted; the campaign shows it as 认缴未缴.
  await page.getByRole('button', { name: '认缴 3-102' }).click();
  const pledge = dialog(page, '登记认缴 · 3-102');
  await expect(pledge.getByLabel('认缴金额')).toHaveValue(/18,364\.61/);
  await pledge.getByRole('button', { name: '保存' }).click();
  await expect(pledge).toBeHidden();
  await expect(row('3-102')).toContainText(/¥18,364\.61.*¥18,364\.61/);
  const campaign = page.getByRole('row', { name: /3号楼电梯大修/ });
  await expect(campaign).toContainText('¥18,364.61');
  await expect(campaign).toContainText('15.8%');

  // The government subsidy arrives: income at once, in the campaign's progress (15,817.70 + 20,000.00 of 100,000.00).
  await page.getByRole('button', { name: '登记补助到账' }).click();
  const grant = dialog(page, '补助到账 · 3号楼电梯大修');
  await expect(grant.getByText('出资构成中的政府补贴：¥20,000.00')).toBeVisible();
  await grant.getByLabel('到账金额').fill('20,000');
  await grant.getByLabel('凭证号').fill('财拨-2026-018');
  await still(page, 'fund-crowdfunding-grant');
  await grant.getByRole('button', { name: '保存' }).click();
  await expect(grant).toBeHidden();
  await expect(campaign).toContainText('¥20,000.00');
  await expect(campaign).toContainText('35.8%');

  // 楼层系数 × 面积: the households with their floors, a coefficient field per floor from the draft table, one changed;
  // the preview follows it, and the campaign keeps the coefficients it used.
  await page.getByRole('button', { name: '发起众筹' }).click();
  const floors = dialog(page, '发起众筹');
  await page.keyboard.type('3号楼电梯更换主板');
  await floors.getByLabel('用途').fill('更换主板');
  await floors.getByLabel('目标金额').fill('1,000');
  await floors.getByRole('combobox', { name: '分摊方式' }).click();
  await page.getByRole('option', { name: '按楼层系数 × 建筑面积分摊' }).click();
  await expect(floors.getByText('每行一户：房号 业主姓名 建筑面积（m²） 楼层')).toBeVisible();
  await floors.getByLabel('参加的住户').fill('3-602 王五 102.75 6\n3-101 张三 88.50 1\n3-601 李四 88.50 6');
  await expect(floors.getByLabel('1 层')).toHaveValue('0.40');
  await expect(floors.getByLabel('6 层')).toHaveValue('1.15');
  await floors.getByLabel('6 层').fill('1.30');
  const shares = floors.getByRole('table', { name: '分摊结果（保存前核对）' });
  // 88.50 × 0.40 : 88.50 × 1.30 : 102.75 × 1.30 of ¥1,000.00.
  await expect(shares.getByRole('row', { name: /^3-101/ })).toContainText('¥124.64');
  await expect(shares.getByRole('row', { name: /^合计/ })).toContainText('¥1,000.00');
  await still(page, 'fund-crowdfunding-floor-new');
  await floors.getByRole('button', { name: '保存' }).click();
  await expect(floors).toBeHidden();
  await expect(page.getByText('分摊方式：按楼层系数 × 建筑面积分摊 · 楼层系数 1 层 0.40、6 层 1.30')).toBeVisible();
  await expect(row('3-101')).toContainText('¥124.64');

  // The lobby's public list of the campaign shown (房号 and 姓氏 only), then the campaign ended with its reason.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '保存 PDF' }).click()]);
  const pdf = path.join(scratchDir('campaign-pdf'), download.suggestedFilename());
  await download.saveAs(pdf);
  const text = execFileSync('/usr/bin/pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const s of ['电梯大修众筹缴款公示', '3-101', '张*', '未缴', '社区居民委员会（盖章）']) expect(text, s).toContain(s);
  expect(text).not.toContain('张三');
  execFileSync('/usr/bin/pdftoppm', ['-r', '70', '-png', '-singlefile', '-f', '1', '-l', '1', pdf, path.join(shotsDir, 'fund-crowdfunding-list-pdf')]);
  await page.getByRole('button', { name: '结束众筹' }).click();
  const ending = dialog(page, '结束众筹：3号楼电梯更换主板？');
  await ending.getByLabel('结束原因').fill('方案改由维修资金全额支付');
  await ending.getByRole('button', { name: '结束众筹' }).click();
  await expect(ending).toBeHidden();
  await expect(page.getByText('已结束', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '登记缴款 3-101' })).toBeDisabled();
  await still(page, 'fund-crowdfunding-closed');

  const journal = await apiCall(app, 'fund.listJournal', { accountId: account.id, limit: 10 });
  expect(journal.rows.map((r) => [r.category, r.amount, r.voucherNo, r.counterparty])).toEqual([
    ['fee_allocation', 2_583_374, null, null],
    ['crowdfunding', 1_581_770, 'ZC-0001', '3-101 张*'],
    ['subsidy', 2_000_000, '财拨-2026-018', null],
  ]);

  // A month later this month has ended unallocated: the home page says so and opens 物业费提取 on that month.
  const later = await app.restart(31);
  try {
    await signIn(page, later);
    await page.goto(`${new URL(later.url).origin}/#/`);
    // The settings were saved in the month after `month` (which was allocated): that month is owed now.
    const owed = addMonths(`${month}-01`, 1).slice(0, 7);
    expect((await apiCall(later, 'fund.listAccounts', { status: 'active' }))[0]!.allocation).toEqual({ missing: [owed] });
    const todo = page.getByRole('link', { name: `虹顶家园电梯维保基金：${owed.slice(0, 4)}年${Number(owed.slice(5))}月的物业费未提取` });
    await expect(todo).toBeVisible();
    await todo.click();
    await expect(page.getByLabel('提取月份')).toHaveValue(owed);
    await expect(page.getByRole('button', { name: '过账' })).toBeVisible();
  } finally {
    await later.stop();
  }
});
