import { chineseName, idNumber, rng } from '../../scripts/lib/people';
import { apiCall, rootOrg } from './api';
import { expect, setUp, still, test, type RunningApp } from './fixtures';

/**
 * Names a branch's sign-in sheet really holds beside the common two- and three-character ones: compound surnames,
 * a minority name with its middle dot, and people who share a surname (「董…」 twice told nothing apart).
 */
const LONG_NAMES = ['欧阳建国', '司马晓红', '阿依古丽·买买提', '董建华', '董建平', '诸葛明亮'];

/** A branch of 80 members, the size where meeting mode's tiles became too narrow for their names. */
async function branchOf80(app: RunningApp) {
  const root = await rootOrg(app);
  const branch = await apiCall(app, 'party.createOrg', { parentId: root.id, level: 'branch', kind: '小区党支部', name: '阳光小区党支部' });
  const r = rng(15);
  for (let i = 0; i < 80; i++) {
    const gender = i % 2 ? 'male' : 'female';
    const birth = `19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`;
    // Three-character names for most: the length that was cut to 「陈…」.
    let name = chineseName(r);
    while (i >= LONG_NAMES.length && name.length < 3) name = chineseName(r);
    await apiCall(app, 'party.createMember', {
      name: LONG_NAMES[i] ?? name, gender, idNumber: idNumber('130104', birth, i, gender), phone: null,
      joinedOn: `20${String(i % 20).padStart(2, '0')}-07-01`, status: 'full', category: 'community', orgId: branch.id,
      ...(i === 6 ? { role: 'secretary' } : i === 7 ? { role: 'committee' } : {}),
    });
  }
  return branch;
}

test('meeting mode at 80 attendees: every name in full at 18 px or more, and marking moves to the next person', async ({ page, app }) => {
  test.setTimeout(180_000);
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '王芳' });
  const branch = await branchOf80(app);
  await page.goto(`${new URL(app.url).origin}/#/party/meeting-mode?org=${branch.id}&type=general`);
  const tiles = page.locator('[data-attendee]');
  await expect(tiles).toHaveCount(80);
  await expect(page.getByTestId('attendance-counts')).toContainText('应到 80 人');

  // Every name: not cut (no ellipsis, no clipped line), at 18 px or more.
  const cut = await page.locator('[data-attendee-name]').evaluateAll((els) =>
    els
      .map((el) => ({ name: el.textContent, px: parseFloat(el.ownerDocument.defaultView!.getComputedStyle(el).fontSize), w: el.scrollWidth - el.clientWidth, h: el.scrollHeight - el.clientHeight }))
      .filter((n) => n.px < 18 || n.w > 0 || n.h > 0),
  );
  expect(cut).toEqual([]);
  await expect(page.locator('[data-attendee-name]')).toHaveCount(80);
  await expect(page.locator('[data-attendee-name]').filter({ hasText: /^阿依古丽·买买提$/ })).toBeVisible();
  await still(page, 'party-meeting-mode-80');

  // The sign-in sheet read out from the top: one key a person, the keyboard moving on by itself.
  await expect(tiles.first()).toBeFocused();
  for (let i = 0; i < 10; i++) await page.keyboard.press('1');
  await expect(tiles.nth(10)).toBeFocused();
  await expect(page.getByTestId('attendance-counts')).toContainText('出席 10 · 缺席 0 · 请假 0 · 未登记 70');
  // Absent: the reason is asked straight away, and Enter goes on to the next person.
  await page.keyboard.press('2');
  await expect(page.getByRole('textbox', { name: `${await nameOf(tiles.nth(10))}缺席原因` })).toBeFocused();
  await page.keyboard.type('外出务工');
  await page.keyboard.press('Enter');
  await expect(tiles.nth(11)).toBeFocused();
  // Space marks the unmarked person present and moves on too; on someone marked it corrects in place.
  await page.keyboard.press('Space');
  await expect(tiles.nth(12)).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Space');
  await expect(tiles.nth(11)).toBeFocused();
  await expect(tiles.nth(11)).toHaveAccessibleName(/：缺席$/);
  await expect(page.getByTestId('attendance-counts')).toContainText('出席 10 · 缺席 2');
  // The last person marked keeps the keyboard (nowhere further to go).
  await page.keyboard.press('End');
  await page.keyboard.press('1');
  await expect(tiles.last()).toBeFocused();
  await expect(page.getByTestId('save-status')).toContainText('已保存');
  await still(page, 'party-meeting-mode-80-marked');

  // The filled-in topic is replaced by what is typed into it, not appended to.
  const topic = page.getByLabel('议题', { exact: true });
  await expect(topic).toHaveValue(/^\d{4}年\d{1,2}月支部党员大会$/);
  await topic.click();
  await page.keyboard.type('选举支部委员会');
  await expect(topic).toHaveValue('选举支部委员会');
  await page.keyboard.type('委员');
  await expect(topic).toHaveValue('选举支部委员会委员');
});

async function nameOf(tile: import('@playwright/test').Locator): Promise<string> {
  return (await tile.locator('[data-attendee-name]').textContent()) ?? '';
}
