import { idNumber } from '../../scripts/lib/people';
import { apiCall, rootOrg } from './api';
import { E2E_PASSWORD, expect, setUp, still, test } from './fixtures';

/** A request from the page as its own client sends it (server token and session from the tab's storage). */
const fromThePage = (page: import('@playwright/test').Page, channel: string, input: unknown) =>
  page.evaluate(
    async ([channel, input]) => {
      const res = await fetch(`/api/${channel as string}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-streetdesk-token': sessionStorage.getItem('streetdesk.token') ?? '',
          'x-streetdesk-session': sessionStorage.getItem('streetdesk.session') ?? '',
        },
        body: JSON.stringify(input),
      });
      return res.json();
    },
    [channel, input] as const,
  );

test('accounts: the administrator creates a 录入员, who signs in, is refused what is not hers, and the idle lock hides everything', async ({ page, app }) => {
  // The page's timers are Playwright's, so ten idle minutes pass at once (the lock measures a duration).
  await page.clock.install();
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '王芳' });
  await expect(page.getByTestId('signed-in-account')).toHaveText('王芳（管理员）');
  const root = await rootOrg(app);
  const branch = await apiCall(app, 'party.createOrg', { parentId: root.id, level: 'branch', kind: '小区党支部', name: '阳光小区党支部' });
  await apiCall(app, 'party.createMember', {
    name: '张秀兰', gender: 'female', idNumber: idNumber('130104', '1958-03-02', 7, 'female'), joinedOn: '1985-07-01',
    status: 'full', category: 'community', orgId: branch.id,
  });

  // ---- 账号管理: a 录入员 with a first password she changes at her first sign-in
  await page.getByRole('link', { name: '设置' }).click();
  await page.getByRole('button', { name: '新增账号' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('账号名称').fill('李娜');
  await expect(dialog.getByRole('combobox', { name: '角色' })).toHaveValue('录入员');
  await dialog.getByLabel('初始密码').fill('短');
  await dialog.getByLabel('再输入一遍').fill('短');
  await dialog.getByRole('button', { name: '创建账号' }).click();
  await expect(dialog.getByText('密码至少 8 位')).toBeVisible();
  await dialog.getByLabel('初始密码').fill('lina-first-1');
  await dialog.getByLabel('再输入一遍').fill('lina-first-1');
  await dialog.getByRole('button', { name: '创建账号' }).click();
  const accounts = page.getByRole('region', { name: '账号管理' });
  await expect(accounts.getByRole('row').filter({ hasText: '李娜' })).toContainText('待改密码');
  await still(page, 'accounts-01-settings');

  // ---- signing out, a wrong password, then hers
  await page.getByRole('button', { name: /当前账号/ }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await page.getByLabel(/^账号/).fill('李娜');
  await page.getByLabel(/^密码/).fill('not-her-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('账号或密码不正确')).toBeVisible();
  await still(page, 'accounts-02-sign-in');
  await page.getByLabel(/^密码/).fill('lina-first-1');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: '请设置自己的密码' })).toBeVisible();
  await page.getByLabel(/^现在的密码/).fill('lina-first-1');
  await page.getByLabel(/^新密码/).fill('lina-own-pass');
  await page.getByLabel(/^再输入一遍/).fill('lina-own-pass');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByTestId('signed-in-account')).toHaveText('李娜（录入员）');

  // ---- what a 录入员 may not do: accounts (not offered, and refused if asked), an unmasked export
  await page.getByRole('link', { name: '设置' }).click();
  await expect(page.getByRole('heading', { name: '设置' })).toBeVisible();
  await expect(page.getByRole('region', { name: '账号管理' })).toHaveCount(0);
  expect(await fromThePage(page, 'system.createAccount', { name: '张三', role: 'admin', password: '12345678', confirm: '12345678' })).toMatchObject({
    ok: false, error: { code: 'FORBIDDEN', message: '当前账号（录入员）不能进行此操作，需要管理员账号' },
  });
  await page.getByRole('link', { name: '台账导出' }).click();
  await page.getByRole('combobox', { name: '台账' }).click();
  await page.getByRole('option', { name: '党员花名册（党组织）' }).click();
  await page.getByRole('switch', { name: /导出完整的身份证号/ }).check();
  await page.getByLabel(/^用途/).fill('区委组织部核对');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  await expect(page.getByText('当前账号（录入员）不能进行此操作，需要管理员或审核人账号')).toBeVisible();
  await still(page, 'accounts-03-refused-export');

  // ---- idle for ten minutes: locked, nothing of the data on screen, the session over in the core
  await page.getByRole('link', { name: '党员名册' }).click();
  await expect(page.getByText('张秀兰')).toBeVisible();
  const session = await page.evaluate(() => sessionStorage.getItem('streetdesk.session'));
  await page.clock.fastForward('10:05');
  await expect(page.getByRole('heading', { name: '已锁定' })).toBeVisible();
  await expect(page.getByText('张秀兰')).toHaveCount(0);
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByText('请 李娜 输入密码解锁', { exact: false })).toBeVisible();
  await still(page, 'accounts-04-locked');
  await page.evaluate((s) => sessionStorage.setItem('streetdesk.session', s ?? ''), session);
  expect(await fromThePage(page, 'party.orgChildren', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  await page.evaluate(() => sessionStorage.removeItem('streetdesk.session'));

  // ---- unlock with her password; Ctrl+L locks again at once
  await page.getByLabel(/^密码/).fill('lina-own-pass');
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByTestId('signed-in-account')).toHaveText('李娜（录入员）');
  // Meeting mode is in use though nobody touches it: it never locks.
  await page.goto(`${new URL(app.url).origin}/#/party/meeting-mode`);
  await expect(page.getByRole('heading', { name: '会议模式' })).toBeVisible();
  await page.clock.fastForward('15:00');
  await page.clock.runFor(10_000);
  await expect(page.getByRole('heading', { name: '会议模式' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '已锁定' })).toHaveCount(0);
  await page.goto(`${new URL(app.url).origin}/#/party/members`);
  await expect(page.getByText('张秀兰')).toBeVisible();
  await page.keyboard.press('Control+L');
  await expect(page.getByRole('heading', { name: '已锁定' })).toBeVisible();
  await expect(page.getByText('张秀兰')).toHaveCount(0);

  // ---- a window opened afresh (a new tab, nothing in its storage) shows her lock, not a bare sign-in; 切换账号 ends it
  const fresh = await page.context().newPage();
  await fresh.goto(app.url);
  await expect(fresh.getByRole('heading', { name: '已锁定' })).toBeVisible();
  await expect(fresh.getByText('请 李娜 输入密码解锁', { exact: false })).toBeVisible();
  await expect(fresh.getByLabel(/^账号/)).toHaveCount(0);
  await still(fresh, 'accounts-05-locked-new-window');
  await fresh.getByRole('button', { name: '切换账号' }).click();
  await fresh.getByLabel(/^账号/).fill('王芳');
  await fresh.getByLabel(/^密码/).fill(E2E_PASSWORD);
  await fresh.getByRole('button', { name: '登录' }).click();
  await expect(fresh.getByTestId('signed-in-account')).toHaveText('王芳（管理员）');

  // Every entry names the account that signed in; her locked session ended when 王芳 signed in, and says so.
  const audit = await apiCall(app, 'system.listAudit', { entity: 'account' });
  expect(audit.rows.slice(0, 7).map((r) => [r.action, r.operator])).toEqual([
    ['sign_in', '王芳'], ['sign_out', '李娜'], ['lock', '李娜'], ['unlock', '李娜'], ['lock', '李娜'], ['change_password', '李娜'], ['sign_in', '李娜'],
  ]);
  expect(JSON.parse(audit.rows[1]!.after!)).toEqual({ reason: '切换账号', nextAccount: '王芳' });
});
