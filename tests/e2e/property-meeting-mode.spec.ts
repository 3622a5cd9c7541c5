import { apiCall } from './api';
import { addDays, today } from './clock';
import { arrowTo, expect, setUp, still, test } from './fixtures';

test.use({ actionTimeout: 15_000 });

const saved = /已保存 \d{2}:\d{2}/;

test('joint meeting mode: a meeting with two resolutions typed by keyboard, reloaded mid-way, nothing lost', async ({ page, app }) => {
  test.setTimeout(180_000);
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '王芳' });
  const community = (await apiCall(app, 'party.listPlaces', {}))[0]!;
  const estate = await apiCall(app, 'party.createPlace', { kind: 'estate', parentId: community.id, name: '阳光小区', households: 320 });
  await apiCall(app, 'property.createEstate', { placeId: estate.id, management: 'company' });

  // From 三方联动: the estate chosen and the meeting started with the keyboard (Enter on the chosen estate starts it).
  await page.goto(`${new URL(app.url).origin}/#/property/meetings`);
  await page.getByRole('button', { name: '会议模式' }).click();
  const estatePick = page.getByRole('combobox', { name: '小区' });
  await expect(estatePick).toBeFocused();
  await page.keyboard.type('阳光');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(estatePick).toHaveValue('阳光小区 · 西里社区');
  await page.keyboard.press('Enter');

  // The convener first: until a topic is typed too, the meeting is kept on this machine and says what is missing.
  const convener = page.getByRole('textbox', { name: '召集人' });
  await expect(convener).toBeFocused();
  await page.keyboard.type('王芳');
  await page.keyboard.press('Enter');
  await page.keyboard.type('社区党群服务中心');
  await expect(page.getByTestId('save-status')).toContainText('请至少填写一个议题');

  // Attendance: the party stays chosen, one name and Enter a person; the party changed by the keyboard. Enter on
  // an empty row moves on to the next section each time, so the whole meeting is typed without the mouse.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: '姓名' })).toBeFocused();
  for (const person of ['王芳', '李建国']) {
    await page.keyboard.type(person);
    await page.keyboard.press('Enter');
  }
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('combobox', { name: '参会方' })).toBeFocused();
  // The first arrow opens the list on the party chosen, each further one moves a party down.
  await arrowTo(page, 'ArrowDown', 4, '物业服务企业');
  await expect(page.getByRole('combobox', { name: '参会方' })).toHaveValue('物业服务企业');
  await page.keyboard.press('Tab');
  await page.keyboard.type('赵经理');
  await page.keyboard.press('Tab');
  await page.keyboard.type('项目经理');
  await page.keyboard.press('Enter');
  await expect(page.getByText('已登记 3 人')).toBeVisible();

  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: '议题', exact: true })).toBeFocused();
  await page.keyboard.type('小区停车秩序整治');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('save-status')).toContainText(saved);
  await expect(page).toHaveURL(/meeting-mode\?id=/);

  // The first resolution: content, Tab to the party (still 物业服务企业 by default), person, deadline, Enter.
  const content = page.getByRole('textbox', { name: '决议内容', exact: true });
  await page.keyboard.press('Enter');
  await expect(content).toBeFocused();
  await page.keyboard.type('增设非机动车充电桩');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('赵经理');
  await page.keyboard.press('Tab');
  await page.keyboard.type(addDays(today, 30).replaceAll('-', '.'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('joint-resolution')).toHaveCount(1);
  await expect(content).toBeFocused();
  await expect(page.getByTestId('save-status')).toContainText(saved);

  // The service drops out while the minutes are typed, and the window is reloaded meanwhile: only the local copy
  // holds the minutes then, and it brings them back and saves them once the service answers again.
  const update = '**/api/property.updateJointMeeting';
  await page.route(update, (route) => route.abort());
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: '会议纪要' })).toBeFocused();
  await page.keyboard.type('物业企业承诺一个月内完成充电桩安装。');
  await expect(page.getByTestId('save-status')).toContainText('保存失败，正在重试');
  await page.reload();
  await expect(page.getByText('已恢复上次未保存的内容，正在保存')).toBeVisible();
  await expect(page.getByRole('textbox', { name: '会议纪要' })).toHaveValue('物业企业承诺一个月内完成充电桩安装。');
  await expect(page.getByRole('textbox', { name: '召集人' })).toHaveValue('王芳');
  await expect(page.getByTestId('joint-resolution')).toHaveCount(1);
  await expect(page.getByText('已登记 3 人')).toBeVisible();
  // Back: the save is tried again by itself (a few seconds apart while the service is away).
  await page.unroute(update);
  await expect(page.getByTestId('save-status')).toContainText(saved, { timeout: 40_000 });

  // The second resolution after the reload (the caret is back at the attendees; two empty Enters reach the
  // resolutions): the first keeps its id, so it is not added twice.
  await expect(page.getByRole('textbox', { name: '姓名' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: '决议内容', exact: true })).toBeFocused();
  await page.keyboard.type('清理消防通道堆放杂物');
  await page.keyboard.press('Tab');
  await arrowTo(page, 'ArrowUp', 2, '业委会');
  await expect(page.getByRole('combobox', { name: '责任方', exact: true })).toHaveValue('业委会');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type(addDays(today, 7).replaceAll('-', '.'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('joint-resolution')).toHaveCount(2);
  await expect(page.getByTestId('save-status')).toContainText(saved);
  await still(page, 'property-meeting-mode');

  const id = new URL(page.url().replace('#/', '')).searchParams.get('id')!;
  const record = await apiCall(app, 'property.getJointMeeting', { id });
  expect(record).toMatchObject({
    estateId: estate.id, heldOn: today, convener: '王芳', place: '社区党群服务中心', minutes: '物业企业承诺一个月内完成充电桩安装。',
    attendees: [
      { party: 'party_org', name: '王芳', title: null },
      { party: 'party_org', name: '李建国', title: null },
      { party: 'property_company', name: '赵经理', title: '项目经理' },
    ],
    topics: ['小区停车秩序整治'],
  });
  expect(record.resolutions.map((r) => [r.content, r.responsibleParty, r.responsiblePerson, r.dueOn])).toEqual([
    ['增设非机动车充电桩', 'property_company', '赵经理', addDays(today, 30)],
    ['清理消防通道堆放杂物', 'owners_committee', null, addDays(today, 7)],
  ]);

  // 结束会议 goes back to the list, which shows the meeting as saved.
  await page.getByRole('button', { name: '结束会议' }).click();
  await expect(page.getByText('共 1 次会议')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '阳光小区' })).toContainText('王芳');

  // From the meeting's drawer, with a topic typed there: meeting mode carries on with it and saves it.
  await page.getByRole('row').filter({ hasText: '阳光小区' }).click();
  const drawer = page.getByRole('dialog', { name: /联席会议 · 阳光小区/ });
  await drawer.getByRole('textbox', { name: '议题', exact: true }).fill('电梯维保');
  await drawer.getByRole('textbox', { name: '议题', exact: true }).press('Enter');
  await drawer.getByRole('button', { name: '会议模式' }).click();
  await expect(page.getByRole('textbox', { name: '议题 2', exact: true })).toHaveValue('电梯维保');
  await expect(page.getByTestId('joint-resolution')).toHaveCount(2);
  await expect(page.getByTestId('save-status')).toContainText(saved);
  const carried = await apiCall(app, 'property.getJointMeeting', { id });
  expect(carried.topics).toEqual(['小区停车秩序整治', '电梯维保']);
  expect(carried.resolutions).toHaveLength(2);
});
