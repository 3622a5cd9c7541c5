import { idNumber } from '../../scripts/lib/people';
import { apiCall, rootOrg } from './api';
import { month, today, year } from './clock';
import { expect, setUp, still, test, type RunningApp } from './fixtures';

/** A branch with two members, and the drawer's way in: the meetings page's address for a new meeting. */
async function branchOfTwo(app: RunningApp) {
  const root = await rootOrg(app);
  const branch = await apiCall(app, 'party.createOrg', { parentId: root.id, level: 'branch', kind: '小区党支部', name: '阳光小区党支部' });
  const members = [];
  for (const [i, name] of ['周芳', '吴刚'].entries()) {
    const gender = i ? 'male' : 'female';
    members.push(await apiCall(app, 'party.createMember', {
      name, gender, idNumber: idNumber('130104', `196${i}-03-0${i + 1}`, i, gender), phone: null,
      joinedOn: '2001-07-01', status: 'full', category: 'community', orgId: branch.id,
    }));
  }
  return { branch, members };
}

const lastMonth = month === 1 ? { y: year - 1, m: 12 } : { y: year, m: month - 1 };
const lastMonthDay = `${lastMonth.y}-${String(lastMonth.m).padStart(2, '0')}-05`;

test('the meeting drawer: opened for a known unit it is ready on the topic; the topic follows type and date until it is written, and Ctrl+Enter saves from the resolution line', async ({ page, app }) => {
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '王芳' });
  const { branch } = await branchOfTwo(app);
  // The way in with the unit already chosen (a branch's page, a missed month on 三会一课).
  const newMeeting = () => page.goto(`${new URL(app.url).origin}/#/party/meetings?new=1&newOrg=${branch.id}&newType=committee`);
  await newMeeting();
  const dialog = page.getByRole('dialog');
  const topic = dialog.getByLabel('会议名称 / 议题');
  const filledIn = `${year}年${month}月支委会`;
  await expect(topic).toHaveValue(filledIn);

  // It opens with the caret in the topic, the filled-in one selected, and no calendar over it: one Esc closes it.
  await expect(topic).toBeFocused();
  expect(await topic.evaluate((el: { selectionStart: number | null; selectionEnd: number | null }) => [el.selectionStart, el.selectionEnd])).toEqual([0, filledIn.length]);
  await expect(page.locator('[data-dates-dropdown]')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // Typing straight away replaces it.
  await newMeeting();
  await expect(topic).toBeFocused();
  await page.keyboard.type('研究小区停车管理');
  await expect(topic).toHaveValue('研究小区停车管理');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').getByRole('button', { name: '放弃修改' }).click();
  await expect(dialog).toBeHidden();

  await newMeeting();
  await expect(topic).toHaveValue(filledIn);

  // Another type, then another date: the filled-in topic follows both (it kept the first month before).
  await dialog.getByRole('combobox', { name: '会议类型' }).click();
  await page.getByRole('option', { name: '主题党日' }).click();
  await expect(topic).toHaveValue(`${year}年${month}月主题党日`);
  const date = dialog.getByLabel('会议日期');
  await date.fill(lastMonthDay);
  await date.press('Tab');
  await expect(date).toHaveValue(lastMonthDay);
  await expect(topic).toHaveValue(`${lastMonth.y}年${lastMonth.m}月主题党日`);

  // Clicking into it and typing replaces the filled-in topic; from then on it is the clerk's and stays.
  await topic.click();
  await page.keyboard.type('学习贯彻全会精神');
  await expect(topic).toHaveValue('学习贯彻全会精神');
  await dialog.getByRole('combobox', { name: '会议类型' }).click();
  await page.getByRole('option', { name: '支部党员大会' }).click();
  await date.fill(today);
  await date.press('Tab');
  await expect(topic).toHaveValue('学习贯彻全会精神');

  // Ctrl+Enter in the resolution line (where Enter adds the resolution) saves the meeting, with what was typed there.
  await dialog.getByLabel('决议内容', { exact: true }).fill('组织党员清理楼道杂物');
  await still(page, 'party-meeting-drawer-new');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  const saved = (await apiCall(app, 'party.listMeetings', { orgId: branch.id })).rows;
  expect(saved.map((m) => [m.topic, m.type, m.heldOn])).toEqual([['学习贯彻全会精神', 'general', today]]);
  const meeting = await apiCall(app, 'party.getMeeting', { id: saved[0]!.id });
  expect(meeting.resolutions.map((r) => r.content)).toEqual(['组织党员清理楼道杂物']);

  // And from a resolution already in the list, after an edit there.
  await page.getByText('学习贯彻全会精神').click();
  await dialog.getByLabel('决议内容 1', { exact: true }).fill('组织党员清理楼道和车棚杂物');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await apiCall(app, 'party.getMeeting', { id: meeting.id })).resolutions[0]!.content).toBe('组织党员清理楼道和车棚杂物');
});

test('deleting a meeting whose base points were credited says whose and how many, and reverses them on the ledger', async ({ page, app }) => {
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '王芳' });
  const { branch, members } = await branchOfTwo(app);
  const meeting = await apiCall(app, 'party.createMeeting', {
    orgId: branch.id, type: 'general', heldOn: today, topic: '误建的支部党员大会', resolutions: [],
    attendance: members.map((m) => ({ memberId: m.id, name: m.name, status: 'present' as const })),
  });
  const applied = await apiCall(app, 'volunteer.applyMeeting', { meetingId: meeting.id });
  expect(applied.entries).toBe(2);
  const points = (applied.points / 10).toLocaleString('zh-CN');

  await page.goto(`${new URL(app.url).origin}/#/party/meetings?meeting=${meeting.id}`);
  await page.getByRole('dialog').getByRole('button', { name: '删除会议记录' }).click();
  const confirm = page.getByRole('dialog', { name: '删除这次会议记录？' });
  await expect(confirm).toContainText(`这次会议已给 2 人计入参会基础分共 ${points} 分，删除时将在积分台账逐条冲正`);
  await still(page, 'party-meeting-delete-points');
  await confirm.getByRole('button', { name: '删除' }).click();
  await expect(page.getByText('会议记录已删除')).toBeVisible();

  // The ledger keeps both entries and their reversals; nobody keeps the points.
  const entries = (await apiCall(app, 'volunteer.listEntries', {})).rows;
  expect(entries.filter((e) => e.reversesId).map((e) => [e.name, e.amount])).toEqual(
    expect.arrayContaining([['周芳', -applied.points / 2], ['吴刚', -applied.points / 2]]),
  );
  await page.goto(`${new URL(app.url).origin}/#/volunteer/ledger`);
  await expect(page.getByText('冲正：删除会议记录“误建的支部党员大会”').first()).toBeVisible();
  await still(page, 'volunteer-ledger-meeting-reversed');
});
