import type { Page } from '@playwright/test';
import { apiCall } from './api';
import { addDays, today } from './clock';
import { expect, setUp, still, test } from './fixtures';

test.use({ actionTimeout: 15_000 });

const dialog = (page: Page, name: string | RegExp) => page.getByRole('dialog', { name });

test('a resolution extended twice: its 延期记录 in the drawer, and the meeting still saves after an extension made there', async ({ page, app }) => {
  test.setTimeout(120_000);
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '王芳' });
  const community = (await apiCall(app, 'party.listPlaces', {}))[0]!;
  const estate = await apiCall(app, 'party.createPlace', { kind: 'estate', parentId: community.id, name: '阳光小区', households: 320 });
  await apiCall(app, 'property.createEstate', { placeId: estate.id, management: 'company' });
  const first = addDays(today, 10);
  const meeting = await apiCall(app, 'property.createJointMeeting', {
    estateId: estate.id, heldOn: today, convener: '王芳', place: null, minutes: null, attendees: [], topics: ['小区停车秩序整治'],
    resolutions: [{ content: '增设非机动车充电桩', responsibleParty: 'property_company', responsiblePerson: '赵经理', dueOn: first }],
  });
  const resolution = meeting.resolutions[0]!;
  await apiCall(app, 'property.extendResolution', { id: resolution.id, newDueOn: addDays(today, 20), reason: '供电公司尚未批复增容' });

  await page.goto(`${new URL(app.url).origin}/#/property/meetings?meeting=${meeting.id}`);
  const drawer = dialog(page, /联席会议 · 阳光小区/);
  const row = drawer.getByTestId('joint-resolution');
  await expect(row.getByTestId('extension-history').getByRole('row')).toHaveCount(2);

  // A second extension from the drawer: the history grows by its row, the deadline field shows the new one.
  await row.getByRole('button', { name: '延期' }).click();
  const extend = dialog(page, '延长完成时限');
  await extend.getByLabel('新的完成时限').fill(addDays(today, 45));
  await extend.getByLabel('延期原因').fill('设备到货推迟');
  await extend.getByRole('button', { name: '延期' }).click();
  await expect(extend).toBeHidden();
  const history = row.getByTestId('extension-history');
  await expect(history.getByRole('row')).toHaveCount(3);
  await expect(history.getByRole('row').nth(1)).toContainText(`${first}${addDays(today, 20)}供电公司尚未批复增容王芳`);
  await expect(history.getByRole('row').nth(2)).toContainText(`${addDays(today, 20)}${addDays(today, 45)}设备到货推迟王芳${today}`);
  await expect(row).toContainText('已延期 2 次');
  await expect(drawer.getByLabel('完成时限 1', { exact: true })).toHaveValue(addDays(today, 45));
  await still(page, 'property-resolution-history');

  // The meeting edited and saved in the same drawer: the extension is not undone, nor the save refused.
  await drawer.getByLabel('地点').fill('社区党群服务中心');
  await page.keyboard.press('Control+Enter');
  await expect(drawer).toBeHidden();
  const after = await apiCall(app, 'property.getResolution', { id: resolution.id });
  expect(after.resolution.dueOn).toBe(addDays(today, 45));
  expect(after.extensions.map((x) => [x.oldDueOn, x.newDueOn, x.reason])).toEqual([
    [first, addDays(today, 20), '供电公司尚未批复增容'],
    [addDays(today, 20), addDays(today, 45), '设备到货推迟'],
  ]);
  expect((await apiCall(app, 'property.getJointMeeting', { id: meeting.id })).place).toBe('社区党群服务中心');
});
