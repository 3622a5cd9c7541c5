import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { chineseName, idNumber, rng } from '../../scripts/lib/people';
import { apiCall, rootOrg } from './api';
import { addDays, daysAgo, month, today, year } from './clock';
import { expect, scratchDir, setUp, shot, shotsDir, still, test, type RunningApp } from './fixtures';

const monthLabel = `${month}月`;

/** A community with one branch of 30 members (the one that meets in this test) and a smaller one with a group. */
async function seed(app: RunningApp) {
  const root = await rootOrg(app);
  const branch = await apiCall(app, 'party.createOrg', { parentId: root.id, level: 'branch', kind: '小区党支部', name: '阳光小区党支部' });
  const other = await apiCall(app, 'party.createOrg', { parentId: root.id, level: 'branch', kind: '楼院党支部', name: '和平里党支部' });
  const group = await apiCall(app, 'party.createOrg', { parentId: other.id, level: 'group', kind: '楼栋党小组', name: '3号楼党小组' });
  const r = rng(7);
  const member = (orgId: string, seq: number, extra: Record<string, unknown> = {}) => {
    const gender = seq % 2 ? 'male' : 'female';
    const birth = `19${50 + (seq % 40)}-0${1 + (seq % 9)}-1${seq % 10}`;
    return apiCall(app, 'party.createMember', {
      name: chineseName(r), gender, idNumber: idNumber('130104', birth, seq, gender), phone: null,
      joinedOn: `20${String(seq % 20).padStart(2, '0')}-07-01`, status: 'full', category: 'community', orgId, ...extra,
    });
  };
  for (let i = 0; i < 30; i++) {
    await member(branch.id, i, {
      ...(i === 0 ? { role: 'secretary' } : i === 1 ? { role: 'committee' } : {}),
      ...(i === 5 ? { category: 'in_service', workUnit: '区卫健委' } : {}),
      // Two probationary members whose year ends within the month: the overview and home list them.
      ...(i >= 28 ? { status: 'probationary', joinedOn: addDays(`${year - 1}${today.slice(4)}`.replace('-02-29', '-02-28'), i - 20) } : {}),
    });
  }
  for (let i = 30; i < 35; i++) await member(i < 33 ? group.id : other.id, i);
  // Last month's committee meeting with a resolution now past its deadline.
  await apiCall(app, 'party.createMeeting', {
    orgId: branch.id, type: 'committee', heldOn: daysAgo(35), topic: '研究小区停车管理议题', place: '党群服务站',
    attendance: [], resolutions: [{ content: '协调物业增设非机动车充电桩', owner: '物业公司', dueOn: daysAgo(5) }],
  });
  return { branch, other };
}

const counts = (page: Page) => page.getByTestId('attendance-counts');

test('a secretary records a theme day in meeting mode, and the branch catches up', async ({ page, app }) => {
  test.setTimeout(180_000);
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '王芳' });
  const { branch, other } = await seed(app);
  const go = (path: string) => page.goto(`${new URL(app.url).origin}/#${path}`);

  // A fresh load: the home page cached the figures from before the seed went in behind its back.
  await go('/party');
  await page.reload();
  await expect(page.getByText('在册党员')).toBeVisible();
  await expect(page.getByRole('region', { name: '各支部党员人数' }).getByText('阳光小区党支部')).toBeVisible();
  // The two charts, each read out whole by its name: this quarter's share held (— on a quarter's first day, with
  // nothing judged yet), and the register at each month's end
  // (nobody joined or left within the year: 34 社区党员 and 1 在职党员 throughout, today's month last).
  const quarterLabel = `${year}年Q${Math.floor((month - 1) / 3) + 1}`;
  const compliance = page.getByRole('region', { name: '组织生活落实率（按季度）' });
  await expect(compliance.getByRole('img', { name: new RegExp(`^组织生活落实率（按季度）：.*${quarterLabel} (\\d+(\\.\\d)?%|—)$`) })).toBeVisible();
  const members = page.getByRole('region', { name: '党员人数变化（按月末）' });
  await expect(members.getByRole('img', { name: new RegExp(`，${monthLabel} 共35：社区党员34、在职党员1、流动党员0$`) })).toBeVisible();
  await expect(members.getByText('流动党员', { exact: true })).toBeVisible();
  await still(page, 'party-dashboard');
  // A unit chosen: the figures and both charts are its own (和平里党支部: five members, no meeting held).
  await go(`/party?org=${other.id}`);
  await expect(page.getByPlaceholder('全部组织')).toHaveValue('和平里党支部');
  await expect(members.getByRole('img', { name: new RegExp(`，${monthLabel} 共5：社区党员5、在职党员0、流动党员0$`) })).toBeVisible();
  await expect(compliance.getByRole('img', { name: new RegExp(`${quarterLabel} (0%|—)$`) })).toBeVisible();

  await go('/');
  await expect(page.getByRole('region', { name: '逾期未办结的决议' }).getByText('协调物业增设非机动车充电桩')).toBeVisible();
  await shot(page, 'home-todos');

  // This quarter: the branch is behind; this month's theme day is still to hold.
  await go('/party/compliance');
  const row = page.getByTestId('compliance-阳光小区党支部');
  const themeDay = row.locator('td[data-type="theme_day"]');
  await expect(themeDay.getByText(`${monthLabel} 待开`)).toBeVisible();
  await expect(row.locator('td[data-type="general"]').getByText(/季度 (缺|待开)/)).toBeVisible();
  await expect(page.getByTestId('compliance-summary')).toContainText('共 2 个支部');
  await shot(page, 'party-compliance-before');
  // A missed month opens the meeting drawer ready to record it after the fact. On a quarter's first month nothing
  // in it is missed yet: the quarter before has the missed months then.
  if (month % 3 === 1) {
    await go(`/party/compliance?year=${month === 1 ? year - 1 : year}&q=${month === 1 ? 4 : (month - 1) / 3}`);
    await expect(themeDay.getByRole('button', { name: /缺/ }).first()).toBeVisible();
  }
  const missed = await themeDay.getByRole('button', { name: /缺/ }).first().getAttribute('aria-label');
  await themeDay.getByRole('button', { name: /缺/ }).first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByRole('dialog').getByRole('combobox', { name: '召开组织' })).toHaveValue('阳光小区党支部');
  await expect(page.getByRole('dialog').getByRole('combobox', { name: '会议类型' })).toHaveValue('主题党日');
  await expect(page.getByRole('dialog').getByLabel('会议日期')).toHaveValue(new RegExp(`-${missed!.match(/(\d+)月/)![1]!.padStart(2, '0')}-`));
  // Ready on the topic (the unit came chosen), no calendar open: one Esc closes it.
  await expect(page.getByRole('dialog').getByLabel('会议名称 / 议题')).toBeFocused();
  await expect(page.locator('[data-dates-dropdown]')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  await go('/party/meetings');
  await expect(page.getByText('共 1 次会议')).toBeVisible();
  await page.getByText('研究小区停车管理议题').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByLabel('会议名称 / 议题')).toHaveValue('研究小区停车管理议题');
  await shot(page, 'party-meeting-drawer');
  // The saved record on paper, to sign: 下载 PDF gives the 会议记录 that reads in Chinese.
  const drawer = page.getByRole('dialog');
  await drawer.getByRole('button', { name: '下载 PDF' }).scrollIntoViewIfNeeded();
  await still(page, 'party-meeting-drawer-print');
  const [download] = await Promise.all([page.waitForEvent('download'), drawer.getByRole('button', { name: '下载 PDF' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^会议记录-阳光小区党支部-支委会-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdf = path.join(scratchDir('meeting-pdf'), download.suggestedFilename());
  await download.saveAs(pdf);
  const printed = execFileSync('/usr/bin/pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const s of ['会议记录', '阳光小区党支部', '会议类型：支委会', '会议地点：党群服务站', '会议议题：研究小区停车管理议题', '协调物业增设非机动车充电桩', '主持人（签字）', '记录人（签字）']) {
    expect(printed).toContain(s);
  }
  execFileSync('/usr/bin/pdftoppm', ['-r', '70', '-png', '-singlefile', '-f', '1', '-l', '1', pdf, path.join(shotsDir, 'party-meeting-record-pdf')]);
  // 打印 opens it in a tab of its own, where the browser's viewer prints it (see volunteer.spec.ts).
  const [popup] = await Promise.all([page.waitForEvent('popup'), drawer.getByRole('button', { name: '打印', exact: true }).click()]);
  await popup.close();
  // Deleting says what goes with the record, and can be called off.
  await page.getByRole('dialog').getByRole('button', { name: '删除会议记录' }).click();
  await expect(page.getByText('将删除“研究小区停车管理议题”的会议记录，连同 0 人的出席登记和 1 条决议')).toBeVisible();
  await page.getByRole('dialog', { name: '删除这次会议记录？' }).getByRole('button', { name: '取消' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  // Without a unit, meeting mode first asks which unit meets.
  await go('/party/meeting-mode');
  await expect(page.getByRole('heading', { name: '会议模式' })).toBeVisible();
  await expect(page.getByRole('button', { name: '开始会议' })).toBeDisabled();
  await shot(page, 'party-meeting-mode-start');

  // Meeting mode, from the keyboard alone once the first attendee has focus.
  await go(`/party/meeting-mode?org=${branch.id}&type=theme_day`);
  const topic = page.getByLabel('议题', { exact: true });
  await expect(topic).toHaveValue(`${year}年${month}月主题党日`);
  await expect(counts(page)).toContainText('应到 30 人');
  await expect(page.getByTestId('save-status')).toContainText('开始登记后自动保存');
  // Meeting mode starts with the keyboard on the first attendee.
  await expect(page.locator('[data-attendee]').first()).toBeFocused();
  // Space marks the unmarked person present and moves on to the next.
  for (let i = 0; i < 30; i++) await page.keyboard.press('Space');
  await expect(counts(page)).toContainText('出席 30');
  // The last one was away: one more press makes it 缺席 in place, Tab reaches the reason, Enter returns to the list.
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.type('外出务工');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-attendee]').last()).toBeFocused();
  await expect(counts(page)).toContainText('出席 29 · 缺席 1');

  await page.getByLabel('决议内容', { exact: true }).focus();
  await page.keyboard.type('组织党员清理小区楼道杂物');
  await page.keyboard.press('Enter');
  await page.keyboard.type('走访慰问辖区困难党员');
  await page.keyboard.press('Tab');
  await page.keyboard.type('李建国');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2026.12.31');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('决议内容 2', { exact: true })).toHaveValue('走访慰问辖区困难党员');

  await topic.fill('学习贯彻全会精神主题党日');
  const minutes = page.getByRole('textbox', { name: '会议纪要' });
  await minutes.fill('书记传达全会精神。');
  await expect(page.getByTestId('save-status')).toContainText('已保存');
  await expect(page).toHaveURL(/meeting-mode\?id=/);

  // The service drops out mid-meeting: typing goes on, the header says so, and nothing is lost once it is back.
  await page.route('**/api/party.updateMeeting', (route) => route.abort());
  await minutes.press('End');
  await minutes.pressSequentially('党员逐一谈体会。');
  await expect(page.getByTestId('save-status')).toContainText('保存失败，正在重试');
  await page.unroute('**/api/party.updateMeeting');
  await page.getByRole('button', { name: '立即重试' }).click();
  await expect(page.getByTestId('save-status')).toContainText('已保存');
  await shot(page, 'party-meeting-mode');

  // Reload: everything typed is still there.
  await page.reload();
  await expect(topic).toHaveValue('学习贯彻全会精神主题党日');
  await expect(counts(page)).toContainText('出席 29 · 缺席 1');
  await expect(page.getByPlaceholder('缺席原因，如：出差')).toHaveValue('外出务工');
  await expect(page.getByLabel('决议内容 1', { exact: true })).toHaveValue('组织党员清理小区楼道杂物');
  await expect(page.getByLabel('责任人 2', { exact: true })).toHaveValue('李建国');
  await expect(page.getByLabel('完成时限 2', { exact: true })).toHaveValue('2026-12-31');
  await expect(minutes).toHaveValue('书记传达全会精神。党员逐一谈体会。');

  // An emptied topic is not sent; the header says what to correct and saving resumes once it is.
  await topic.fill('');
  await expect(page.getByTestId('save-status')).toContainText('请填写议题');
  await topic.fill('学习贯彻全会精神主题党日');
  await expect(page.getByTestId('save-status')).toContainText('已保存');

  await page.getByRole('button', { name: '结束会议' }).click();
  await expect(page.getByText('学习贯彻全会精神主题党日')).toBeVisible();
  await expect(page.getByText('共 2 次会议')).toBeVisible();
  await shot(page, 'party-meetings-list');

  // 会议日期从, typed as a clerk writes a date: the list keeps the meetings from that day on.
  const latest = (await page.getByRole('rowgroup').getByRole('row').first().getByRole('cell').first().textContent())!;
  await page.getByLabel('会议日期从').fill(latest.replaceAll('-', '.'));
  await page.keyboard.press('Enter');
  await expect(page.getByText('共 1 次会议')).toBeVisible();
  await page.getByRole('button', { name: '清除会议日期从' }).click();
  await expect(page.getByText('共 2 次会议')).toBeVisible();

  await go('/party/compliance');
  await expect(themeDay.getByText(`${monthLabel} 已开`)).toBeVisible();
  await shot(page, 'party-compliance-after');

  // 五星支部 for last year.
  await go('/party/ratings');
  await page.getByTestId('rating-阳光小区党支部').getByRole('button', { name: '评定' }).click();
  // By keyboard: the drawer opens on the stars (ring shown); a digit sets them, the arrows move them a star.
  const stars = page.getByRole('dialog').getByRole('radiogroup', { name: '星级' });
  const star = (n: number) => stars.getByRole('radio', { name: `${n} 星` });
  await expect(star(1)).toBeFocused();
  await expect(star(1)).toHaveCSS('outline-style', 'solid');
  await expect(star(1)).not.toBeChecked();
  // A group of radios axe accepts (the accessibility spec opens only the add drawers, not this one).
  const { violations } = await new AxeBuilder({ page }).include('[role="dialog"]').options({ resultTypes: ['violations'] }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.keyboard.press('3');
  await expect(star(3)).toBeChecked();
  await expect(star(3)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(star(5)).toBeChecked();
  await page.keyboard.press('ArrowLeft');
  await expect(star(4)).toBeChecked();
  await expect(stars.getByRole('radio', { checked: true })).toHaveCount(1);
  await page.keyboard.press('5');
  await expect(star(5)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('评定理由')).toBeFocused();
  await page.keyboard.type('三会一课落实到位，党员中心户作用发挥明显，群众满意度高。');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByTestId('rating-阳光小区党支部').getByRole('button', { name: '重新评定' })).toBeVisible();
  await expect(page.getByTestId('rating-阳光小区党支部').getByRole('img', { name: '5 星' })).toBeVisible();
  await expect(page.getByTestId('ratings-summary')).toContainText('已评定 1 / 2 个支部');
  await expect(page.getByText('评定已保存')).toBeHidden();
  await shot(page, 'party-ratings');
  // Re-rating shows the branch's history beside the form.
  await page.getByTestId('rating-阳光小区党支部').getByRole('button', { name: '重新评定' }).click();
  await expect(page.getByRole('dialog').getByText('历年评定')).toBeVisible();
  await expect(page.getByLabel('评定理由')).toHaveValue(/三会一课落实到位/);
  await expect(star(5)).toBeChecked();
  await expect(star(5)).toBeFocused();
  await shot(page, 'party-rating-drawer');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  // One unit's branches: the list and its figures keep to that subtree.
  await page.getByRole('combobox', { name: '组织' }).click();
  await page.getByRole('option', { name: '和平里党支部' }).click();
  await expect(page.getByTestId('ratings-summary')).toContainText('已评定 0 / 1 个支部');
  await expect(page.getByTestId('rating-阳光小区党支部')).toBeHidden();
  await expect(page.getByTestId('rating-和平里党支部').getByRole('button', { name: '评定' })).toBeVisible();
});
