import { accounts, expect, E2E_PASSWORD, FIRST_ENCRYPTION_MS, shot, signIn, test } from './fixtures';

// Issue 13: the recovery code shown once at setup, a restarted app that shows nothing until a sign-in opens the
// data, and the recovery with the code when the password is lost.
test('setup shows the recovery code once; after a restart the code recovers the data when the password is lost', async ({ page, app }) => {
  test.setTimeout(180_000); // three starts of an encrypted folder and a dozen scrypt derivations: 17 s alone, over 90 s on a loaded machine
  await page.goto(app.url);
  await expect(page.getByText('密码和恢复码都丢失，数据将无法找回')).toBeVisible();
  await page.getByLabel('单位名称').fill('西里社区');
  await page.getByLabel('单位代码').fill('130104001001');
  await page.getByLabel('管理员姓名').fill('王芳');
  await page.getByLabel(/^管理员密码/).fill(E2E_PASSWORD);
  await page.getByLabel('再输入一遍密码').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: '开始使用' }).click();
  await expect(page.getByRole('heading', { name: '请抄下恢复码' })).toBeVisible({ timeout: FIRST_ENCRYPTION_MS });
  const code = (await page.getByTestId('recovery-code').textContent())!.trim();
  expect(code).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);
  await expect(page.getByRole('button', { name: '继续' })).toBeDisabled();
  await shot(page, '02-recovery-code');
  // A reload before 已抄写 shows the same code again (the core keeps it until confirmed, never on disk).
  await page.reload();
  await expect(page.getByTestId('recovery-code')).toHaveText(code);
  const written = async () => {
    await page.getByLabel('我已把恢复码抄下（或打印）并交单位妥善保管').check();
    await page.getByRole('button', { name: '继续' }).click();
    await expect(page.getByTestId('signed-in-account')).toHaveText('王芳（管理员）');
  };
  await written();
  await page.reload();
  await expect(page.getByTestId('signed-in-account')).toHaveText('王芳（管理员）');

  // 设置 → 重新生成恢复码: the password again; the new code is shown once, and the old one stops working (below).
  await page.getByRole('link', { name: '设置' }).click();
  await page.getByRole('button', { name: '重新生成恢复码' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/^您的密码/).fill('not-my-password');
  await dialog.getByRole('button', { name: '生成新的恢复码' }).click();
  await expect(dialog.getByText('密码不正确')).toBeVisible();
  await shot(page, '02b-renew-recovery-code');
  await dialog.getByLabel(/^您的密码/).fill(E2E_PASSWORD);
  await dialog.getByRole('button', { name: '生成新的恢复码' }).click();
  await expect(page.getByRole('heading', { name: '请抄下恢复码' })).toBeVisible();
  const renewed = (await page.getByTestId('recovery-code').textContent())!.trim();
  expect(renewed).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);
  expect(renewed).not.toBe(code);
  await written();
  accounts.set(app.dataDir, { name: '王芳', password: E2E_PASSWORD, recoveryCode: renewed });

  const again = await app.restart();
  await page.goto(again.url);
  await expect(page.getByText('西里社区 · 请用您的账号登录')).toBeVisible();
  await page.getByRole('button', { name: '忘记了所有密码？使用恢复码' }).click();
  await page.getByLabel(/^恢复码/).fill(code);
  await page.getByLabel(/^管理员账号/).fill('王芳');
  await page.getByLabel(/^新密码/).fill('neue-pass-2027');
  await page.getByLabel(/^再输入一遍/).fill('neue-pass-2027');
  await page.getByRole('button', { name: '找回并登录' }).click();
  await expect(page.getByText('恢复码不正确：请按纸上的 25 个字符填写')).toBeVisible();
  await shot(page, '03-recovery-wrong-code');
  await page.getByLabel(/^恢复码/).fill(renewed.toLowerCase());
  await page.getByRole('button', { name: '找回并登录' }).click();
  await expect(page.getByTestId('signed-in-account')).toHaveText('王芳（管理员）');
  await page.getByRole('link', { name: '设置' }).click();
  await expect(page.getByText('已加密（数据文件和备份；登录后才能打开）')).toBeVisible();

  const third = await again.restart();
  await signIn(page, third, { name: '王芳', password: 'neue-pass-2027' });
});
