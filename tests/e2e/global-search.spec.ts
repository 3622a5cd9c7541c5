import { idNumber } from '../../scripts/lib/people';
import { apiCall, rootOrg } from './api';
import { expect, setUp, shot, test } from './fixtures';

test('Ctrl+K finds a member by pinyin initials and opens the record', async ({ page, app }) => {
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '王芳' });
  const root = await rootOrg(app);
  const branch = await apiCall(app, 'party.createOrg', { parentId: root.id, level: 'branch', kind: '小区党支部', name: '阳光小区党支部' });
  const people = [['张三丰', 'male'], ['赵四', 'female'], ['詹姆斯', 'male']] as const;
  for (const [i, [name, gender]] of people.entries()) {
    await apiCall(app, 'party.createMember', {
      name, gender, idNumber: idNumber('130104', '1970-01-0' + (i + 1), i + 1, gender), joinedOn: '2000-07-01',
      status: 'full', category: 'community', orgId: branch.id,
    });
  }
  await page.reload();
  await expect(page.getByRole('banner').getByText('西里社区')).toBeVisible();
  await page.keyboard.press('Control+k');
  const box = page.getByPlaceholder('输入姓名、拼音（zs 或 zhang）、身份证或手机尾号，或组织、小区名称');
  await expect(box).toBeFocused();
  await box.fill('zsf');
  await expect(page.getByRole('button', { name: /张三丰/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /赵四/ })).toHaveCount(0);
  await shot(page, '80-global-search');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog').getByText('张三丰').first()).toBeVisible();
  await expect(page).toHaveURL(/member=/);
  // Organisations and places are found by name.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+k');
  await box.fill('阳光');
  await expect(page.getByRole('button', { name: /阳光小区党支部/ })).toBeVisible();
});
