import type { Page } from '@playwright/test';
import { apiCall } from './api';
import { daysAgo } from './clock';
import { expect, setUp, still, test, type RunningApp } from './fixtures';

// A step that cannot find its target fails within seconds, not at the end of the test's budget.
test.use({ actionTimeout: 15_000 });

const firstCells = (page: Page) =>
  page.getByTestId('virtual-table-body').getByRole('row').evaluateAll((rows) => rows.map((r) => (r.firstElementChild?.textContent ?? '').trim()));

async function seed(app: RunningApp) {
  const orgs = await apiCall(app, 'party.orgChildren', {});
  const unit = orgs[0]!;
  for (const [name, ago] of [['安然', 300], ['白雪', 10], ['陈晨', 120], ['丁宁', 45]] as const) {
    await apiCall(app, 'volunteer.createResident', { name, gender: 'female', orgId: unit.id, registeredOn: daysAgo(ago) });
  }
  const community = (await apiCall(app, 'party.listPlaces', {})).find((p) => p.kind === 'community')!;
  const estate = await apiCall(app, 'party.createPlace', { kind: 'estate', parentId: community.id, name: '阳光小区', households: 320 });
  const building = await apiCall(app, 'party.createPlace', { kind: 'building', parentId: estate.id, name: '3号楼', unitCount: 3 });
  for (const [unitNo, inspection] of [[1, daysAgo(-200)], [2, daysAgo(-20)], [3, daysAgo(-90)]] as const) {
    await apiCall(app, 'elevator.createElevator', {
      estateId: estate.id, buildingId: building.id, unitNo, carLabel: '1号梯', regCode: `3110420102201506012${unitNo}`, type: 'passenger',
      status: 'in_service', rescuePhone: '027-96333', maintainer: '江城电梯工程有限公司', nextInspectionOn: inspection, floors: 18,
    });
  }
}

test('the registers sort by a column header, in SQL, and keep the order in the address', async ({ page, app }) => {
  test.setTimeout(120_000);
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '王芳' });
  await seed(app);
  const origin = new URL(app.url).origin;

  // 志愿者名册: by name (pinyin) first; 登记日期 puts the newest registration on top.
  await page.goto(`${origin}/#/volunteer/people`);
  await expect.poll(() => firstCells(page)).toEqual(['安然', '白雪', '陈晨', '丁宁']);
  await page.getByRole('button', { name: '按登记日期排序' }).click();
  await expect.poll(() => firstCells(page)).toEqual(['白雪', '丁宁', '陈晨', '安然']);
  await expect(page).toHaveURL(/sort=registered/);
  await still(page, 'volunteers-sorted-by-registration');
  await page.reload();
  await expect.poll(() => firstCells(page)).toEqual(['白雪', '丁宁', '陈晨', '安然']);
  await page.getByRole('button', { name: '按姓名排序' }).click();
  await expect.poll(() => firstCells(page)).toEqual(['安然', '白雪', '陈晨', '丁宁']);

});
