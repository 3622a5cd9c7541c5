import fs from 'node:fs';
import path from 'node:path';
import { apiCall, rootOrg } from './api';
import { today } from './clock';
import { expect, scratchDir, setUp, shot, startApp, still, stopStreet, streetWindow, test, type RunningApp } from './fixtures';

const period = () => today.slice(0, 7);

/** An installation's own monthly package, made through the API (the monthly screen has its own test), as a file. */
async function packageFile(app: RunningApp, level: 'community' | 'street', dir: string): Promise<string> {
  const out = await apiCall(app, 'submission.buildMonthly', { level, period: period(), modules: ['party', 'volunteer'], outputs: ['package'] });
  const file = path.join(dir, out.package!.fileName);
  fs.writeFileSync(file, Buffer.from(out.package!.contentBase64, 'base64'));
  return file;
}

test('a district imports a street’s package (with its community) and refuses a community’s own', async ({ page, app }) => {
  test.setTimeout(240_000);
  const files = scratchDir('files');
  const community = await startApp(scratchDir('community'));
  const street = await startApp(scratchDir('street'));
  let communityUi: Awaited<ReturnType<typeof streetWindow>> | undefined;
  let streetUi: Awaited<ReturnType<typeof streetWindow>> | undefined;
  try {
    // The community, then its street (naming its district in 设置), which imports the community's package.
    communityUi = await streetWindow(page);
    await setUp(communityUi.page, community, { level: 'community', name: '西里社区', code: '130104001001', operator: '李娜' });
    await apiCall(community, 'system.setParentUnit', { parentName: '西里街道', parentCode: '130104001' });
    // Something to count at the district: two members (one 预备) and a volunteer with this year's points.
    const root = await rootOrg(community);
    const branch = await apiCall(community, 'party.createOrg', { parentId: root.id, level: 'branch', kind: '小区党支部', name: '阳光小区党支部' });
    for (const [name, status, idNumber] of [['张建国', 'full', '130104196805120032'], ['李秀英', 'probationary', '130104199002030045']] as const) {
      await apiCall(community, 'party.createMember', { name, gender: status === 'full' ? 'male' : 'female', idNumber, joinedOn: status === 'full' ? '1995-07-01' : `${today.slice(0, 4)}-01-10`, status, category: 'community', orgId: branch.id });
    }
    const volunteer = await apiCall(community, 'volunteer.createResident', { name: '赵敏', phone: '13912345678', orgId: root.id, registeredOn: today });
    await apiCall(community, 'volunteer.addEntry', { person: { volunteerId: volunteer.id }, onDate: today, category: 'contribution', amount: 35, reason: '捐赠图书', sourceKind: 'manual' });
    const communityPkg = await packageFile(community, 'community', files);

    streetUi = await streetWindow(page);
    const streetPage = streetUi.page;
    await setUp(streetPage, street, { level: 'street', name: '西里街道', code: '130104001', operator: '王芳' });
    await streetPage.getByRole('link', { name: '设置' }).click();
    await streetPage.getByLabel('所属区', { exact: true }).fill('桥西区');
    await streetPage.getByLabel('所属区代码', { exact: true }).fill('130104');
    await streetPage.getByRole('button', { name: '保存所属区' }).click();
    await expect(streetPage.getByText('桥西区（130104）')).toBeVisible();
    await apiCall(street, 'submission.importPackage', { fileName: path.basename(communityPkg), contentBase64: fs.readFileSync(communityPkg).toString('base64') });
    const streetPkg = await packageFile(street, 'street', files);

    // The district: set up as 区 (no 所属 fields: nothing is above it), it imports the street's package.
    await page.goto(app.url);
    await page.getByText('区（汇总各街道）').click();
    await expect(page.getByLabel(/^所属/)).toHaveCount(0);
    await shot(page, 'submission-district-setup');
    await setUp(page, app, { level: 'district', name: '桥西区', code: '130104', operator: '赵敏' });
    await page.getByRole('link', { name: '导入下级数据' }).click();
    await expect(page.getByText('导入各街道报送的数据包')).toBeVisible();
    await expect(page.getByText('还没有导入任何街道的数据')).toBeVisible();
    await page.locator('input[type=file]').setInputFiles(streetPkg);
    const card = page.getByTestId(`package-${path.basename(streetPkg)}`);
    await expect(card).toContainText('西里街道（130104001）');
    await expect(card).toContainText('所属区：桥西区（130104）');
    await expect(card.getByTestId('package-key')).toContainText('请与该街道上报汇总表上打印的指纹核对');
    await shot(page, 'submission-district-inspect');
    await card.getByRole('button', { name: '导入', exact: true }).click();
    await expect(page.getByRole('cell', { name: '西里社区', exact: true })).toBeVisible();
    await expect(page.getByTestId('unit-西里社区')).toContainText('130104001001西里街道');
    await page.getByRole('heading', { name: '已汇总的单位' }).scrollIntoViewIfNeeded();
    await shot(page, 'submission-district-units');

    // A community's own package is refused at the district, in words.
    await page.locator('input[type=file]').setInputFiles(communityPkg);
    const refused = page.getByTestId(`package-${path.basename(communityPkg)}`);
    await expect(refused).toContainText('这个数据包来自社区“西里社区”。区只导入所属街道报送的数据包。');
    await shot(page, 'submission-district-imported');

    // Its month over the consolidated data.
    await page.getByRole('link', { name: '月度上报' }).click();
    await expect(page.getByText('本区（桥西区）')).toBeVisible();
    await page.getByRole('button', { name: '生成上报材料' }).click();
    await expect(page.getByTestId('monthly-result')).toContainText('工作簿和汇总表已包含各街道及其社区报送的数据', { timeout: 30_000 });
    await shot(page, 'submission-district-monthly');

    // 首页: the 汇总概览 of what the streets sent — by street, each street's communities under it, in total.
    await page.getByRole('link', { name: '今日待办' }).click();
    const overview = page.getByRole('region', { name: '汇总概览' });
    await expect(overview.getByRole('heading', { name: '汇总概览' })).toBeVisible();
    const table = overview.getByRole('table', { name: '分单位数字' });
    await expect(table.getByRole('row', { name: /^西里街道/ })).toContainText('1 / 1');
    await expect(table.getByRole('row', { name: /^西里社区/ })).toContainText('3.5');
    await expect(overview.getByText(/^数据截至 /)).toBeVisible();
    await still(page, 'submission-district-overview');
    const leaders = overview.getByRole('table', { name: /积分排行/ });
    await expect(leaders.getByRole('row', { name: /赵敏/ })).toContainText('西里街道西里社区3.5');
    await leaders.scrollIntoViewIfNeeded();
    await still(page, 'submission-district-overview-ranking');
    // The party dashboard counts the district's own (empty) register and says where the streets' figures are.
    await page.goto(`${new URL(app.url).origin}/#/party`);
    await expect(page.getByText('本级未登记；下级汇总见')).toBeVisible();
    await page.getByRole('link', { name: '汇总概览' }).first().click();
    await expect(page.getByRole('heading', { name: '汇总概览' })).toBeVisible();
  } finally {
    await stopStreet(street, streetUi);
    await stopStreet(community, communityUi);
  }
});
