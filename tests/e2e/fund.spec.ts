import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { apiCall } from './api';
import { expect, scratchDir, scrollToRedrawn, setUp, shotsDir, still, test } from './fixtures';

// A step that cannot find its target fails within seconds, not at the end of the test's budget.
test.use({ actionTimeout: 15_000 });

const dialog = (page: Page, name: string | RegExp) => page.getByRole('dialog', { name });

/** Picks an option of a Mantine select inside a dialog. */
async function choose(page: Page, within: string | RegExp, label: string, option: string | RegExp) {
  await dialog(page, within).getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

async function addSigner(page: Page, side: string, name: string, pin: string) {
  await page.getByRole('button', { name: `新增${side}签字人` }).click();
  const add = dialog(page, `新增${side}签字人`);
  await add.getByLabel('姓名').fill(name);
  await add.getByRole('button', { name: '新增签字人' }).click();
  // The PIN dialog opens for the signer in person.
  const pinDialog = dialog(page, `${name} · 设置签字密码`);
  await pinDialog.getByLabel('新签字密码').fill(pin);
  await pinDialog.getByLabel('再输入一次').fill(pin);
  await pinDialog.getByRole('button', { name: '确定' }).click();
  await expect(pinDialog).toBeHidden();
}

test('elevator fund: an account, signers with their own PINs, income, an expense signed by both sides, posted, reversed, disclosed, verified', async ({ page, app }) => {
  test.setTimeout(180_000);
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '王芳' });
  const community = (await apiCall(app, 'party.listPlaces', {}))[0]!;
  const estate = await apiCall(app, 'party.createPlace', { kind: 'estate', parentId: community.id, name: '阳光小区' });
  const building = await apiCall(app, 'party.createPlace', { kind: 'building', parentId: estate.id, name: '3号楼' });
  await apiCall(app, 'elevator.createElevator', {
    estateId: estate.id, buildingId: building.id, unitNo: 2, carLabel: '1号梯', regCode: '31104201022015060123', type: 'passenger', status: 'in_service',
  });
  const go = async (p: string) => {
    await page.goto(`${new URL(app.url).origin}/#${p}`);
    await page.reload();
  };

  // 基金账户: the empty state says what to do; the opening balance is typed as yuan.
  await go('/fund/accounts');
  await expect(page.getByText('还没有基金账户')).toBeVisible();
  await page.getByRole('button', { name: '开立账户' }).first().click();
  await choose(page, '开立基金账户', '小区', /^阳光小区/);
  await dialog(page, '开立基金账户').getByLabel('开户余额（元）').fill('120,000');
  await dialog(page, '开立基金账户').getByRole('button', { name: '开立账户' }).click();
  const accounts = page.getByRole('table');
  await expect(accounts.getByRole('row', { name: /阳光小区电梯维保基金/ })).toContainText('¥120,000.00');

  // One signer per side, each setting their own PIN; the same person cannot stand for the other side too.
  await addSigner(page, '物业服务企业', '刘建国', '135790');
  await page.getByRole('button', { name: '新增业主委员会签字人' }).click();
  const twice = dialog(page, '新增业主委员会签字人');
  await twice.getByLabel('姓名').fill('刘建国');
  await twice.getByRole('button', { name: '新增签字人' }).click();
  await expect(twice.getByText('已是物业服务企业一方的签字人，同一人不能代表双方签字')).toBeVisible();
  await twice.getByRole('button', { name: '取消' }).click();
  await addSigner(page, '业主委员会', '陈秀英', '246802');
  await expect(page.getByRole('region', { name: '业主委员会' }).getByText(/已设置签字密码/)).toBeVisible();
  await still(page, 'fund-accounts');

  // 收支明细: income is posted at once.
  await go('/fund/journal');
  await expect(page.getByText('这个期间还没有已过账的流水')).toBeVisible();
  await page.getByRole('button', { name: '录入收入' }).click();
  const income = dialog(page, '录入收入');
  await choose(page, '录入收入', '类别', '物业费提取');
  await income.getByLabel('金额（元）').fill('30,000');
  await income.getByLabel('对方单位').fill('阳光物业服务有限公司');
  await income.getByLabel('凭证号').fill('记-2026-12-001');
  await income.getByLabel('用途').fill('11月物业费提取');
  // Its voucher picked before saving: income is posted with its form, so the scan goes with it.
  await income.locator('input[type="file"]').setInputFiles([
    // Other bytes than the expense's scan below (a voucher is kept once by its content, under its first name).
    { name: '物业费提取审批单.png', mimeType: 'image/png', buffer: Buffer.concat([fs.readFileSync(path.join(process.cwd(), 'build', 'icon.png')), Buffer.from('income')]) },
  ]);
  await expect(income.getByTestId('income-voucher')).toContainText('物业费提取审批单.png · PNG 图片');
  await still(page, 'fund-income-voucher');
  await income.getByRole('button', { name: '保存' }).click();
  await expect(income).toBeHidden();
  const journal = page.getByTestId('virtual-table-body');
  await expect(journal.getByRole('row').first()).toContainText('¥150,000.00');
  const [posted] = (await apiCall(app, 'fund.listJournal', { accountId: (await apiCall(app, 'fund.listAccounts', {}))[0]!.id })).rows;
  expect(posted!.attachmentHashes).toHaveLength(1);

  // An expense starts as a draft and reserves its amount.
  await page.getByRole('button', { name: '新建支出' }).click();
  const expense = dialog(page, '新建支出草稿');
  await choose(page, '新建支出草稿', '类别', '维修');
  await expense.getByLabel('金额（元）').fill('8600.5');
  await expense.getByLabel('对方单位').fill('奥的斯电梯（中国）有限公司');
  await expense.getByLabel('凭证号').fill('记-2026-12-002');
  await expense.getByLabel('用途').fill('3号楼2单元电梯更换曳引钢丝绳');
  // The elevator it concerns, picked from the estate's register by typing its building.
  await expense.getByLabel('涉及电梯').fill('3号楼');
  await page.getByRole('option', { name: /3号楼.*2单元.*0123/ }).click();
  await expense.getByLabel('涉及电梯').press('Tab'); // the list stays open for more until the field is left
  await expect(expense.getByLabel('金额（元）')).toHaveValue('¥8,600.50');
  await expense.getByRole('button', { name: '保存' }).click();
  await expect(expense).toBeHidden();
  await expect(page.getByText('待签字的支出（1 笔）')).toBeVisible();
  await expect(page.getByText('已扣除待签字支出 ¥8,600.50')).toBeVisible();
  await still(page, 'fund-journal-draft');

  // The home page lists it among today's to-dos.
  await go('/');
  await expect(page.getByRole('link', { name: '阳光小区电梯维保基金：待签字支出 ¥8,600.50' })).toBeVisible();
  await page.getByRole('link', { name: '阳光小区电梯维保基金：待签字支出 ¥8,600.50' }).click();

  // The company's signer signs with their own PIN (a wrong one first); posting with one sign-off is refused.
  await page.getByRole('button', { name: '签字 / 过账 3号楼2单元电梯更换曳引钢丝绳' }).click();
  const drawer = dialog(page, '支出草稿');
  // Its voucher attached before anyone signs: a PNG picked in 附件, listed with its type and size; a Word file
  // renamed .png is refused by its bytes, with the reason beside it.
  await expect(drawer.getByText('阳光小区 · 3号楼 · 2单元 · 1号梯（31104201022015060123）')).toBeVisible();
  await expect(drawer.getByText(/还没有附件。请添加这笔支出的凭证/)).toBeVisible();
  await drawer.locator('input[type="file"]').setInputFiles([
    { name: '维修发票.png', mimeType: 'image/png', buffer: fs.readFileSync(path.join(process.cwd(), 'build', 'icon.png')) },
    { name: '合同.png', mimeType: 'image/png', buffer: Buffer.from('PK\u0003\u0004 not an image') },
  ]);
  await expect(drawer.getByTestId('attachment-row')).toHaveCount(1);
  await expect(drawer.getByTestId('attachment-row')).toContainText('维修发票.png');
  await expect(drawer.getByTestId('attachment-row')).toContainText('PNG 图片');
  await expect(drawer.getByRole('alert')).toContainText('“合同.png”不是 PDF、JPEG 或 PNG 文件，未添加');
  await expect(drawer.getByText('附件（1）')).toBeVisible();
  await still(page, 'fund-attachments');
  await drawer.getByRole('alert').getByRole('button', { name: '关闭' }).click();
  await expect(drawer.getByRole('alert')).toBeHidden();
  // Downloaded, it is the same bytes.
  const [voucher] = await Promise.all([page.waitForEvent('download'), drawer.getByRole('button', { name: '下载维修发票.png' }).click()]);
  const voucherFile = path.join(scratchDir('fund-voucher'), voucher.suggestedFilename());
  await voucher.saveAs(voucherFile);
  expect(fs.readFileSync(voucherFile).equals(fs.readFileSync(path.join(process.cwd(), 'build', 'icon.png')))).toBe(true);
  await drawer.getByRole('button', { name: '物业服务企业签字' }).click();
  const sign = dialog(page, '物业服务企业签字');
  await sign.getByLabel('签字密码').fill('000000');
  await sign.getByRole('button', { name: '确认签字' }).click();
  await expect(sign.getByText('签字密码不正确')).toBeVisible();
  await expect(sign.getByRole('button', { name: '确认签字' })).not.toHaveAttribute('data-loading');
  await still(page, 'fund-signoff-wrong-pin');
  await sign.getByLabel('签字密码').fill('135790');
  await sign.getByRole('button', { name: '确认签字' }).click();
  await expect(sign).toBeHidden();
  await expect(drawer.getByText(/^刘建国 · /)).toBeVisible();
  await drawer.getByRole('button', { name: '过账' }).click();
  await expect(drawer.getByRole('alert')).toHaveText('还缺少业主委员会一方的签字，不能过账');
  await still(page, 'fund-post-refused');

  // Editing says, before saving, that the sign-off given would be void.
  await drawer.getByRole('button', { name: '修改' }).click();
  const edit = dialog(page, '修改支出草稿');
  await expect(edit.getByRole('alert')).toContainText('这笔草稿已由刘建国（物业服务企业）签字。保存修改后这些签字失效');
  await edit.getByLabel('凭证号').fill('记-2026-12-003');
  await expect(edit.getByRole('button', { name: '保存（签字失效）' })).toBeVisible();
  await still(page, 'fund-edit-voids');
  // Cancelling a changed form asks first; the draft and its sign-off stay as they were.
  await edit.getByRole('button', { name: '取消' }).click();
  await page.getByRole('button', { name: '放弃修改' }).click();
  await expect(edit).toBeHidden();

  // The committee's signer signs; then it posts.
  await drawer.getByRole('button', { name: '业主委员会签字' }).click();
  const second = dialog(page, '业主委员会签字');
  await second.getByLabel('签字密码').fill('246802');
  await second.getByRole('button', { name: '确认签字' }).click();
  await expect(second).toBeHidden();
  await drawer.getByRole('button', { name: '过账' }).click();
  await expect(drawer).toBeHidden();
  await expect(page.getByText('待签字的支出（1 笔）')).toBeHidden();
  await expect(journal.getByRole('row').nth(1)).toContainText('¥141,399.50');
  // The journal counts each entry's vouchers (the income its one), so one posted without its 凭证 stands out.
  await expect(journal.getByRole('row').nth(1).getByTitle('1 个附件')).toBeVisible();
  await expect(journal.getByRole('row').first().getByTitle('1 个附件')).toBeVisible();

  // 冲正 with a reason and a confirmation: a new entry, the original kept.
  await page.getByRole('button', { name: '冲正第 2 笔' }).click();
  const reverse = dialog(page, '冲正这笔流水');
  await expect(reverse).toContainText('-¥8,600.50');
  await reverse.getByRole('button', { name: '冲正' }).click();
  await expect(reverse.getByText('请填写冲正原因')).toBeVisible();
  await reverse.getByLabel('冲正原因').fill('凭证重复登记');
  await reverse.getByRole('button', { name: '冲正' }).click();
  await expect(reverse).toBeHidden();
  const third = journal.getByRole('row').nth(2);
  await expect(third).toContainText('冲正第 2 笔：凭证重复登记');
  await expect(third).toContainText('¥150,000.00');
  await expect(journal.getByRole('row').nth(1)).toContainText('已冲正');
  await still(page, 'fund-journal');

  // A posted entry's detail: its hash, and the two sign-offs its posting used.
  await journal.getByRole('row').nth(1).getByText('3号楼2单元电梯更换曳引钢丝绳').click();
  const entry = dialog(page, '第 2 笔流水');
  await expect(entry.getByText(/^刘建国 · /)).toBeVisible();
  await expect(entry.getByText(/^陈秀英 · /)).toBeVisible();
  await expect(entry.getByText('已被冲正（见后面的冲正记录）')).toBeVisible();
  await still(page, 'fund-entry');
  await page.keyboard.press('Escape');
  await expect(entry).toBeHidden();

  // 公示: the period (from the opening) and a 公示期 of ten days from tomorrow; the PDF is saved and recorded.
  await page.getByRole('button', { name: '公示', exact: true }).click();
  const disclose = dialog(page, /生成公示表/);
  await expect(disclose.getByText('期初 ¥120,000.00 · 收入 ¥30,000.00 · 支出 ¥0.00 · 期末 ¥150,000.00')).toBeVisible();
  // The period runs to today (the account is new): the clerk is told what that closes.
  await expect(disclose.getByText(/统计期间含今天：公示后，今天及以前的日期不能再记账/)).toBeVisible();
  await still(page, 'fund-disclose');
  const [download] = await Promise.all([page.waitForEvent('download'), disclose.getByRole('button', { name: '生成并保存 PDF' }).click()]);
  await expect(disclose).toBeHidden();
  const pdf = path.join(scratchDir('fund-pdf'), download.suggestedFilename());
  await download.saveAs(pdf);
  const account = (await apiCall(app, 'fund.listAccounts', {}))[0]!;
  const [recorded] = await apiCall(app, 'fund.listDisclosures', { accountId: account.id });
  expect(recorded!.fileSha256).toBe(createHash('sha256').update(fs.readFileSync(pdf)).digest('hex'));
  // In reading order (not -layout), so a table cell's text reads whole however its lines wrap.
  const text = execFileSync('/usr/bin/pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const s of ['电梯维保基金收支情况公示', '¥120,000.00', '¥150,000.00', '维修·3号楼2单元电梯更换', '刘建国', '陈秀英', '【冲正】',
    `第${recorded!.headSeq}笔·校验码${recorded!.headHash.slice(0, 16)}`, '社区居民委员会（盖章）']) expect(text, s).toContain(s);
  // The printed page kept beside the screenshots, to look at.
  execFileSync('/usr/bin/pdftoppm', ['-r', '70', '-png', '-singlefile', '-f', '1', '-l', '1', pdf, path.join(shotsDir, 'fund-disclosure-pdf')]);
  await page.getByRole('button', { name: '公示记录' }).click();
  const history = dialog(page, /公示记录/);
  await expect(history.getByRole('table')).toContainText(`第 ${recorded!.headSeq} 笔 · ${recorded!.headHash.slice(0, 16)}`);
  await expect(history.getByRole('table')).toContainText(recorded!.fileSha256.slice(0, 16));
  await still(page, 'fund-disclosure-history');
  await page.keyboard.press('Escape');
  await expect(history).toBeHidden();

  // A day on the wall takes no more entries: today's income is refused beside its date, and nothing is posted.
  await page.getByRole('button', { name: '录入收入' }).click();
  const late = dialog(page, '录入收入');
  await choose(page, '录入收入', '类别', '利息');
  await late.getByLabel('金额（元）').fill('12.30');
  await late.getByLabel('用途').fill('活期利息');
  await late.getByRole('button', { name: '保存' }).click();
  await expect(late.getByText(`${recorded!.periodTo} 以前的账目已公示，不能再记在这一天`)).toBeVisible();
  await late.getByRole('button', { name: '取消' }).click();
  expect((await apiCall(app, 'fund.verifyAccount', { id: account.id })).head.seq).toBe(recorded!.headSeq);

  // 账目校验: the chain holds; its head as a statement prints it.
  await go('/fund/verify');
  await page.getByRole('button', { name: '校验 阳光小区电梯维保基金' }).click();
  const head = (await apiCall(app, 'fund.verifyAccount', { id: account.id })).head;
  await expect(page.getByText('校验通过')).toBeVisible();
  await expect(page.getByText('已核对 1 次公示的校验码')).toBeVisible();
  await expect(page.getByText(`第 3 笔 · 校验码 ${head.hash.slice(0, 16)}`)).toBeVisible();
  await still(page, 'fund-verify');
});

test('elevator fund: an administrator lifts a signer’s lock with a reason; the fund’s settings saved in 设置', async ({ page, app }) => {
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '王芳' });
  const community = (await apiCall(app, 'party.listPlaces', {}))[0]!;
  const estate = await apiCall(app, 'party.createPlace', { kind: 'estate', parentId: community.id, name: '阳光小区' });
  const account = await apiCall(app, 'fund.openAccount', { estateId: estate.id, openingBalance: '5,000', openedOn: '2026-11-01' });
  const signer = await apiCall(app, 'fund.addSignatory', { accountId: account.id, side: 'company', name: '刘建国' });
  await apiCall(app, 'fund.setSignatoryPin', { signatoryId: signer.id, pin: '135790' });
  const draft = await apiCall(app, 'fund.draftExpense', { id: '01JE2E000000000000000SGNR0', accountId: account.id, onDate: '2026-11-20', amount: '300', purpose: '门机维修', category: 'repair' });
  // Five wrong PINs in a row lock the signer (each refused).
  for (let i = 0; i < 5; i++) await apiCall(app, 'fund.signOff', { entryId: draft.entry.id, signatoryId: signer.id, pin: '000000' }).catch(() => undefined);

  // Red property registers the estate's committee: its members are offered for the committee side, and a signer
  // not on it is marked.
  await apiCall(app, 'property.createEstate', { placeId: estate.id, management: 'company' });
  const roster = ['陈秀英', '吴建华', '郑丽', '王强', '冯敏'].map((name, i) => ({ name, role: i === 0 ? 'chair' : 'member' }));
  await apiCall(app, 'property.createTerm', { estateId: estate.id, termNo: 2, electedOn: '2024-08-25', startsOn: '2024-09-01', endsOn: '2029-08-31', members: roster } as never);
  await apiCall(app, 'fund.addSignatory', { accountId: account.id, side: 'committee', name: '张无名' });

  await page.goto(`${new URL(app.url).origin}/#/fund/accounts`);
  const committee = page.getByRole('region', { name: '业主委员会' });
  await expect(committee.getByText('不在第 2 届业委会名单中')).toBeVisible();
  await committee.getByRole('button', { name: '新增业主委员会签字人' }).click();
  const adding = dialog(page, '新增业主委员会签字人');
  await adding.getByRole('button', { name: '陈秀英（主任）' }).click();
  await expect(adding.getByLabel('姓名')).toHaveValue('陈秀英');
  await still(page, 'fund-signer-roster');
  await adding.getByRole('button', { name: '新增签字人' }).click();
  await dialog(page, '陈秀英 · 设置签字密码').getByRole('button', { name: '取消' }).click();
  await expect(committee.getByText('陈秀英')).toBeVisible();
  await expect(committee.getByText('不在第 2 届业委会名单中')).toHaveCount(1); // 张无名 only

  const company = page.getByRole('region', { name: '物业服务企业' });
  await expect(company.getByText(/输错密码次数过多，锁定至/)).toBeVisible();
  await company.getByRole('button', { name: '解除锁定 刘建国' }).click();
  const unlock = dialog(page, '解除刘建国的签字锁定？');
  await unlock.getByRole('button', { name: '解除锁定' }).click();
  await expect(unlock.getByText('请填写解除原因')).toBeVisible();
  await unlock.getByLabel('解除原因').fill('本人在场，已想起密码');
  await still(page, 'fund-signer-unlock');
  await unlock.getByRole('button', { name: '解除锁定' }).click();
  await expect(page.getByText('已解除锁定')).toBeVisible();
  await expect(company.getByText(/输错密码次数过多/)).toBeHidden();
  expect((await apiCall(app, 'fund.signOff', { entryId: draft.entry.id, signatoryId: signer.id, pin: '135790' })).signoffs).toHaveLength(1);

  await page.goto(`${new URL(app.url).origin}/#/settings`);
  const card = page.getByRole('form', { name: '电梯维保基金' });
  await card.getByLabel('公示间隔（月）').fill('6');
  await card.getByLabel('银行对账截止日').fill('15');
  await card.getByRole('button', { name: '保存基金设置' }).click();
  await expect(page.getByText('电梯维保基金设置已保存')).toBeVisible();
  await scrollToRedrawn(card);
  await still(page, 'fund-settings');
  expect(await apiCall(app, 'fund.getSettings', {})).toMatchObject({ disclosureIntervalMonths: 6, reconciliationDueDay: 15 });

  // The category lists: 维修 has the draft above, so it is retired, not deleted; a new expense category is added.
  const categories = page.getByRole('group', { name: '支出类别' });
  await expect(categories.getByRole('button', { name: '删除 维修' })).toHaveCount(0);
  await categories.getByRole('button', { name: '停用 维修' }).click();
  await expect(categories.getByText('已停用')).toBeVisible();
  await categories.getByRole('textbox', { name: '新增支出类别' }).fill('电梯保险');
  await categories.getByRole('textbox', { name: '新增支出类别' }).press('Enter');
  await expect(categories.getByText('电梯保险')).toBeVisible();
  await expect(page.getByRole('group', { name: '收入类别' }).getByText('自动记账')).toHaveCount(4);
  await scrollToRedrawn(page.getByRole('group', { name: '收入类别' }));
  await still(page, 'fund-categories');
  // The journal's forms offer the new one and no longer the retired one.
  await page.goto(`${new URL(app.url).origin}/#/fund/journal?account=${account.id}`);
  await page.getByRole('button', { name: '新建支出' }).click();
  await dialog(page, '新建支出草稿').getByRole('combobox', { name: '类别' }).click();
  await expect(page.getByRole('option', { name: '电梯保险' })).toBeVisible();
  await expect(page.getByRole('option', { name: '维修', exact: true })).toHaveCount(0);
  await page.keyboard.press('Escape');

  // 销户 is refused in its dialog while money is left, saying what to do.
  await page.goto(`${new URL(app.url).origin}/#/fund/accounts`);
  await page.getByRole('button', { name: '销户 阳光小区电梯维保基金' }).click();
  const closing = dialog(page, '阳光小区电梯维保基金 · 销户');
  await closing.getByLabel('销户原因').fill('电梯移交公共维修资金管理');
  await closing.getByRole('button', { name: '销户' }).click();
  await expect(closing.getByRole('alert')).toContainText('不能销户：账户余额还有 ¥5,000.00');
  await still(page, 'fund-close-refused');
  expect((await apiCall(app, 'fund.listAccounts', {}))[0]!.status).toBe('active');
  await closing.getByRole('button', { name: '取消' }).click();

  // Accounts per building: the setting changes what the account form asks; the list names the building.
  const xingfu = await apiCall(app, 'party.createPlace', { kind: 'estate', parentId: community.id, name: '幸福小区' });
  await apiCall(app, 'party.createPlace', { kind: 'building', parentId: xingfu.id, name: '1号楼', unitCount: 2 });
  await page.goto(`${new URL(app.url).origin}/#/settings`);
  const settings = page.getByRole('form', { name: '电梯维保基金' });
  await settings.getByRole('combobox', { name: '基金账户设立方式' }).click();
  await page.getByRole('option', { name: '按楼栋设立' }).click();
  await settings.getByRole('button', { name: '保存基金设置' }).click();
  await expect(page.getByText('电梯维保基金设置已保存')).toBeVisible();
  await page.goto(`${new URL(app.url).origin}/#/fund/accounts`);
  await page.getByRole('button', { name: '开立账户' }).first().click();
  await choose(page, '开立基金账户', '小区', /^幸福小区/);
  await choose(page, '开立基金账户', '楼栋', '1号楼');
  await dialog(page, '开立基金账户').getByLabel('开户余额（元）').fill('8,000');
  await still(page, 'fund-account-building');
  await dialog(page, '开立基金账户').getByRole('button', { name: '开立账户' }).click();
  await expect(page.getByRole('cell', { name: '幸福小区 1号楼' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '幸福小区1号楼电梯维保基金', exact: true })).toBeVisible();
});
