import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { idNumber } from '../../scripts/lib/people';
import { apiCall, rootOrg } from './api';
import { today as todayOnE2eClock } from './clock';
import { expect, scratchDir, setUp, shot, shotsDir, startApp, stopStreet, streetWindow, test, type RunningApp } from './fixtures';

const today = () => todayOnE2eClock;

/** A community's registers entered through the API (the party screens have their own tests). */
async function communityData(app: RunningApp) {
  const root = await rootOrg(app);
  const place = (await apiCall(app, 'party.listPlaces', {}))[0]!;
  const estate = await apiCall(app, 'party.createPlace', { kind: 'estate', parentId: place.id, name: '阳光小区' });
  const branch = await apiCall(app, 'party.createOrg', { parentId: root.id, level: 'branch', kind: '小区党支部', name: '阳光小区党支部', placeId: estate.id });
  const people = [
    { name: '张三', idNumber: idNumber('130104', '1968-05-12', 1, 'male'), status: 'full' },
    { name: '李四', idNumber: idNumber('130104', '1990-02-03', 2, 'male'), status: 'probationary', joinedOn: '2026-03-01' },
    { name: '王五', idNumber: idNumber('130104', '1970-01-01', 3, 'male'), status: 'full' },
  ] as const;
  const members = [];
  for (const p of people) {
    members.push(await apiCall(app, 'party.createMember', {
      gender: 'male', phone: '13812348000', joinedOn: '1995-07-01', category: 'community', orgId: branch.id, ...p,
    }));
  }
  await apiCall(app, 'party.createMeeting', {
    orgId: branch.id, type: 'committee', heldOn: today(), topic: '研究本月工作', attendance: [
      { memberId: members[0]!.id, name: '张三', status: 'present' }, { memberId: members[1]!.id, name: '李四', status: 'present' },
    ], resolutions: [],
  });
}

/** Clicks a download button and keeps the file. */
async function saveDownload(page: Page, button: string, dir: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

async function buildMonthly(page: Page) {
  await page.getByRole('link', { name: '月度上报' }).click();
  await expect(page.getByRole('heading', { name: '月度上报' })).toBeVisible();
  await page.getByRole('button', { name: '生成上报材料' }).click();
  await expect(page.getByTestId('monthly-result')).toBeVisible({ timeout: 30_000 });
}

/** Rewrites one table file inside a package and keeps the manifest: a naive edit the checksums must catch. */
function tamperedCopy(file: string): string {
  const files = unzipSync(fs.readFileSync(file));
  const name = 'tables/party.members.json';
  files[name] = strToU8(strFromU8(files[name]!).replace('张三', '张三丰'));
  const out = file.replace(/\.sdpkg$/, '（改动）.sdpkg');
  fs.writeFileSync(out, zipSync(files));
  return out;
}

test('a community submits its month, the street imports it (twice, and a tampered copy), then submits its own', async ({ page, app }) => {
  test.setTimeout(180_000);
  const files = scratchDir('files');
  const streetDir = scratchDir('street');
  const street = await startApp(streetDir);
  let streetUi: Awaited<ReturnType<typeof streetWindow>> | undefined;
  try {
    // The community: its monthly submission, three files downloaded.
    await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '李娜' });
    // Its street, named in 设置 (an installation set up without it), and its own key's fingerprint there.
    await page.getByRole('link', { name: '设置' }).click();
    await page.getByLabel('所属街道', { exact: true }).fill('西里街道');
    await page.getByLabel('所属街道代码', { exact: true }).fill('130104001');
    await page.getByRole('button', { name: '保存所属街道' }).click();
    await expect(page.getByText('所属街道').first()).toBeVisible();
    await expect(page.getByText('西里街道（130104001）')).toBeVisible();
    const fingerprint = (await apiCall(app, 'system.getStatus', {})).signingFingerprint!;
    await expect(page.getByText(fingerprint)).toBeVisible();
    await shot(page, 'submission-community-settings');
    await communityData(app);
    await buildMonthly(page);
    await expect(page.getByTestId('monthly-result')).toContainText('请把数据包（.sdpkg）');
    await shot(page, 'submission-community-monthly');
    const workbook = await saveDownload(page, '下载台账工作簿（Excel）', files);
    const pdf = await saveDownload(page, '下载签字汇总表（PDF）', files);
    // The summary for signing prints from the same list (a tab of the browser's PDF viewer in browser mode); the
    // workbook and the package have no 打印.
    const [printed] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: '打印签字汇总表（PDF）' }).click()]);
    await printed.close();
    await expect(page.getByRole('button', { name: '打印数据包（交上级导入）' })).toHaveCount(0);
    const pkg = await saveDownload(page, '下载数据包（交上级导入）', files);
    expect(path.basename(pkg)).toMatch(/^西里社区_\d{4}-\d{2}_数据包\.sdpkg$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(workbook);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '党员花名册', '三会一课会议台账', '组织生活落实情况', '五星支部评定', '志愿者花名册', '志愿活动及服务时长', '积分台账', '积分排行',
      '小区（院落）基本情况台账', '物业企业台账', '业委会（物管会）台账', '三方联席会议台账', '三方联席会议决议事项台账', '物业服务质量考评结果及红黑榜', '物业费收缴及满意度台账',
      '电梯维保基金账户收支汇总', '电梯维保基金收支明细', '维修资金使用申请台账', '电梯台账', '电梯维保记录', '电梯故障及困人台账', '民呼必应诉求登记台账', '民呼必应诉求分类统计']);
    expect(wb.getWorksheet('党员花名册')!.getCell('F5').value).toMatch(/^130104\*{8}\d{3}[\dX]$/);
    try {
      // The PDF's first page as an image, to look at (poppler, when present).
      execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', pdf, path.join(shotsDir, 'submission-community-summary-pdf')]);
    } catch {
      console.warn('没有 pdftoppm：签字汇总表未转成图片');
    }

    // The street: import the package.
    streetUi = await streetWindow(page);
    const streetPage = streetUi.page;
    await setUp(streetPage, street, { level: 'street', name: '西里街道', code: '130104001', operator: '王芳' });
    await streetPage.getByRole('link', { name: '导入下级数据' }).click();
    await expect(streetPage.getByText('还没有导入任何社区的数据')).toBeVisible();
    await streetPage.locator('input[type=file]').setInputFiles(pkg);
    const card = streetPage.getByTestId(`package-${path.basename(pkg)}`);
    await expect(card).toContainText('西里社区（130104001001）');
    await expect(card).toContainText('所属街道：西里街道（130104001）');
    await expect(card.getByTestId('package-key')).toContainText(`签名密钥指纹：${fingerprint}`);
    await expect(card.getByTestId('package-key')).toContainText('首次导入');
    await expect(card).toContainText('全部 6 行数据符合本程序的要求');
    await expect(card).toContainText('新增 6 · 更新 0 · 未变 0 · 冲突 0');
    await shot(streetPage, 'submission-street-inspect');
    // While it runs the card shows the import's phases (submission.getProgress under its job id). A package this
    // small is through them at once, so its answer is held back here until the bar, at its last phase, is seen.
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    await streetPage.route('**/api/submission.importPackage', async (route) => {
      const response = await route.fetch();
      await answered;
      // The body as such: the server's headers say chunked, which a body handed over whole is not.
      await route.fulfill({ status: response.status(), contentType: 'application/json', body: await response.body() });
    }, { times: 1 });
    await card.getByRole('button', { name: '导入', exact: true }).click();
    await expect(card.getByTestId('job-progress')).toContainText('已完成');
    await expect(card.getByTestId('job-progress')).toContainText(/第 (\d+) \/ \1 步/);
    await shot(streetPage, 'submission-street-import-progress');
    answer();
    await expect(card.getByTestId('import-result')).toContainText('新增 6 · 更新 0 · 未变 0 · 冲突 0');
    await expect(card.getByTestId('job-progress')).toHaveCount(0);
    await expect(streetPage.getByTestId('unit-西里社区')).toContainText('党员 3');
    await expect(streetPage.getByTestId('unit-西里社区').getByTestId('fingerprint')).toHaveAttribute('title', fingerprint);

    // The same package again: recognised, and nothing changes.
    await card.getByRole('button', { name: '移除' }).click();
    await streetPage.locator('input[type=file]').setInputFiles(pkg);
    const again = streetPage.getByTestId(`package-${path.basename(pkg)}`);
    await expect(again).toContainText('已于');
    await again.getByRole('button', { name: '导入', exact: true }).click();
    await expect(again.getByTestId('import-result')).toContainText('新增 0 · 更新 0 · 未变 6 · 冲突 0');

    // A tampered copy: refused, with the reason, and nothing written.
    const tampered = tamperedCopy(pkg);
    await streetPage.locator('input[type=file]').setInputFiles(tampered);
    const refused = streetPage.getByTestId(`package-${path.basename(tampered)}`);
    await expect(refused.getByTestId('package-refused')).toContainText('校验码不符');
    await expect(refused.getByRole('button', { name: '导入', exact: true })).toHaveCount(0);
    await shot(streetPage, 'submission-street-refused');
    expect((await apiCall(street, 'submission.listUnits', {}))[0]!.tables.find((t) => t.name === 'party.members')!.rows).toBe(3);
    await refused.getByRole('button', { name: '移除' }).click();

    // A file too large to be a package: refused before it is read, with its size.
    await streetPage.locator('input[type=file]').setInputFiles({ name: '超大文件.sdpkg', mimeType: 'application/zip', buffer: Buffer.alloc(25_000_000) });
    await expect(streetPage.getByTestId('too-large-超大文件.sdpkg')).toContainText('数据包有 25.0 MB，超过本机能导入的 24 MB，未读取');
    await shot(streetPage, 'submission-street-too-large');

    // The community's computer reinstalled (its key is gone, a new one is made): refused until accepted.
    fs.rmSync(path.join(app.dataDir, 'keys'), { recursive: true });
    const out = await apiCall(app, 'submission.buildMonthly', { level: 'community', period: today().slice(0, 7), modules: ['party'], outputs: ['package'] });
    const fresh = (await apiCall(app, 'system.getStatus', {})).signingFingerprint!;
    const rekeyed = path.join(files, '西里社区_重装后.sdpkg');
    fs.writeFileSync(rekeyed, Buffer.from(out.package!.contentBase64, 'base64'));
    await streetPage.locator('input[type=file]').setInputFiles(rekeyed);
    const changed = streetPage.getByTestId(`package-${path.basename(rekeyed)}`);
    await expect(changed.getByTestId('package-key-changed')).toContainText('签名密钥与首次导入时记录的不同');
    await expect(changed.getByTestId('package-key-changed')).toContainText(fresh);
    await changed.scrollIntoViewIfNeeded();
    await shot(streetPage, 'submission-street-key-changed');
    await changed.getByRole('button', { name: '核对无误，接受新密钥（管理员）' }).click();
    await expect(changed.getByTestId('package-key')).toContainText(`签名密钥指纹：${fresh}`);
    await changed.getByRole('button', { name: '导入', exact: true }).click();
    await expect(changed.getByTestId('import-result')).toBeVisible();
    await expect(streetPage.getByTestId('unit-西里社区').getByTestId('fingerprint')).toHaveAttribute('title', fresh);
    await streetPage.getByTestId('consolidated-units').scrollIntoViewIfNeeded();
    await shot(streetPage, 'submission-street-units-key');
    await changed.getByRole('button', { name: '移除' }).click();

    // The consolidated records: read-only, marked with their source.
    await streetPage.getByTestId('unit-西里社区').getByRole('button', { name: '查看数据' }).click();
    await expect(streetPage.getByText('西里社区报送的数据')).toBeVisible();
    await streetPage.getByRole('combobox', { name: '数据类别' }).click();
    await streetPage.getByRole('option', { name: /党员（3）/ }).click();
    await expect(streetPage.getByText('李四')).toBeVisible();
    await shot(streetPage, 'submission-street-records');
    await streetPage.keyboard.press('Escape');

    // The street's own submission, with the community in it.
    await buildMonthly(streetPage);
    await shot(streetPage, 'submission-street-monthly');
    const streetBook = await saveDownload(streetPage, '下载台账工作簿（Excel）', files);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(streetBook);
    const summary = book.getWorksheet('汇总')!;
    expect(summary.getCell('B5').value).toBe('西里社区');
    expect(String(summary.getCell('C5').value)).toMatch(/^报送 /);
    expect(summary.getCell('E5').value).toBe(3); // 在册党员
    expect(book.getWorksheet('党员花名册')!.getCell('B4').value).toBe('所属社区');

    // Every export and import is in the log, searchable.
    await streetPage.getByRole('link', { name: '上报记录' }).click();
    const log = streetPage.getByTestId('submission-log');
    await expect(log).toContainText('月度上报');
    await expect(log).toContainText('数据包导入');
    await streetPage.getByRole('textbox', { name: /搜索台账/ }).fill('数据包导入');
    await expect(log).not.toContainText('月度上报');
    await shot(streetPage, 'submission-street-log');
    expect(streetUi.errors, 'no uncaught errors in the street page').toEqual([]);
  } finally {
    await stopStreet(street, streetUi);
  }
});

test('a register exported on its own, masked unless the clerk asks (with a warning)', async ({ page, app }) => {
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '李娜' });
  await communityData(app);
  await page.getByRole('link', { name: '台账导出' }).click();
  await page.getByRole('combobox', { name: '台账' }).click();
  await page.getByRole('option', { name: '党员花名册（党组织）' }).click();
  await page.getByRole('switch', { name: /导出完整的身份证号/ }).check();
  await expect(page.getByTestId('unmasked-warning')).toContainText('记入上报记录');
  await page.getByLabel(/^用途/).fill('区委组织部核对党员信息');
  await shot(page, 'submission-register-export');
  const dir = scratchDir('reg');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.worksheets[0]!.getCell('F5').value).toMatch(/^130104\d{11}[\dX]$/);
  await expect(page.getByTestId('register-result')).toContainText('已导出 3 行');
  const log = await apiCall(app, 'submission.listLog', {});
  expect(log.rows[0]).toMatchObject({ title: '党员花名册', unmasked: true });
});

test('a copy corrected at the street meets a change at the source: the conflict is shown, never overwritten', async ({ page, app }) => {
  const streetDir = scratchDir('street');
  const street = await startApp(streetDir);
  let streetUi: Awaited<ReturnType<typeof streetWindow>> | undefined;
  try {
    await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '李娜' });
    await apiCall(app, 'system.setParentUnit', { parentName: '西里街道', parentCode: '130104001' });
    await communityData(app);
    const send = async () => {
      const out = await apiCall(app, 'submission.buildMonthly', { level: 'community', period: today().slice(0, 7), modules: ['party'], outputs: ['package'] });
      return apiCall(street, 'submission.importPackage', { fileName: out.package!.fileName, contentBase64: out.package!.contentBase64 });
    };
    streetUi = await streetWindow(page);
    const streetPage = streetUi.page;
    await setUp(streetPage, street, { level: 'street', name: '西里街道', code: '130104001', operator: '王芳' });
    await send();

    // The street corrects 李四's work unit in its copy.
    await streetPage.getByRole('link', { name: '导入下级数据' }).click();
    await streetPage.getByTestId('unit-西里社区').getByRole('button', { name: '查看数据' }).click();
    await streetPage.getByRole('combobox', { name: '数据类别' }).click();
    await streetPage.getByRole('option', { name: /党员（3）/ }).click();
    await streetPage.getByText('李四').click();
    await streetPage.getByRole('textbox', { name: '工作单位' }).fill('区教育局（街道核实）');
    await shot(streetPage, 'submission-street-correct');
    await streetPage.getByRole('button', { name: '保存更正' }).click();
    await expect(streetPage.getByText('已更正')).toBeVisible();
    await streetPage.keyboard.press('Escape');

    // The community makes 李四 a full member and sends again: a conflict, listed with both versions.
    const li = (await apiCall(app, 'party.listMembers', { q: '李四' })).rows[0]!;
    await apiCall(app, 'party.becomeFull', { id: li.id, on: today() });
    expect((await send()).counts.conflicts).toBe(1);
    await streetPage.reload();
    const conflicts = streetPage.getByTestId('conflicts');
    await expect(conflicts).toContainText('党员：李四');
    await expect(conflicts).toContainText('区教育局（街道核实）');
    await expect(conflicts.getByRole('row', { name: /党员类别\s*预备党员\s*正式党员/ })).toBeVisible();
    await shot(streetPage, 'submission-street-conflict');
    await conflicts.getByRole('button', { name: '采用报送数据' }).click();
    await expect(streetPage.getByTestId('conflicts')).toHaveCount(0);
    const records = await apiCall(street, 'submission.listRecords', { unitCode: '130104001001', table: 'party.members' });
    const copy = records.rows.find((r) => r.recordId === li.id)!;
    expect(copy.corrected).toBe(false);
    expect(copy.fields.find((f) => f.key === 'status')!.display).toBe('正式党员');
    expect(streetUi.errors, 'no uncaught errors in the street page').toEqual([]);
  } finally {
    await stopStreet(street, streetUi);
  }
});
