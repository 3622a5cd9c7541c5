import { expect, setUp, shot, test } from './fixtures';

test('first start asks for the unit and operator, then shows the shell', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: '欢迎使用街道治理工作台' })).toBeVisible();
  await page.getByRole('button', { name: '开始使用' }).click();
  await expect(page.getByText('请填写单位名称')).toBeVisible();
  await shot(page, '00-setup-errors');
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '王芳' });
  await expect(page.getByTestId('signed-in-account')).toHaveText('王芳（管理员）');
  // Nothing is on file yet: the home page says where to begin, not that every register is up to date.
  await expect(page.getByText('还没有可检查的台账')).toBeVisible();
  await expect(page.getByText('各项台账都已按时登记')).toHaveCount(0);
  await shot(page, '01-home');
  await page.getByRole('link', { name: '建立组织' }).click();
  await expect(page).toHaveURL(/#\/party\/orgs/);
});
