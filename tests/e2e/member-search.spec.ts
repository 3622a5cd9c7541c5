import { idNumber } from '../../scripts/lib/people';
import { apiCall, rootOrg } from './api';
import { expect, setUp, still, test } from './fixtures';

test('a member is found by the end or the whole of an ID number or phone, and by full pinyin, in the list and Ctrl+K', async ({ page, app }) => {
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '王芳' });
  const root = await rootOrg(app);
  const branch = await apiCall(app, 'party.createOrg', { parentId: root.id, level: 'branch', kind: '小区党支部', name: '阳光小区党支部' });
  const id = idNumber('130104', '1968-05-12', 7, 'male');
  const people = [['张三丰', 'male', id, '13912345678'], ['张三', 'male', idNumber('130104', '1970-01-02', 8, 'male'), '13800001111'], ['赵四', 'female', idNumber('130104', '1972-03-04', 9, 'female'), null]] as const;
  for (const [name, gender, idn, phone] of people) {
    await apiCall(app, 'party.createMember', { name, gender, idNumber: idn, phone, joinedOn: '2000-07-01', status: 'full', category: 'community', orgId: branch.id });
  }
  await page.goto(`${new URL(app.url).origin}/#/party/members`);
  const box = page.getByRole('textbox', { name: '查找党员' });
  const rows = page.getByRole('row').filter({ hasText: '阳光小区党支部' });
  const found = async (q: string, names: string[]) => {
    await box.fill(q);
    await expect(page.getByText(`共 ${names.length} 人`)).toBeVisible();
    for (const n of names) await expect(rows.filter({ hasText: n }).first()).toBeVisible();
  };
  await found(id, ['张三丰']);
  await found(id.slice(-6), ['张三丰']);
  await found('5678', ['张三丰']);
  await found('13800001111', ['张三']);
  await found('zhangsanf', ['张三丰']);
  await found('zhangsan', ['张三丰', '张三']);
  // The list shows the numbers masked, as ever: the search did not bring the full ones along.
  await box.fill('5678');
  await expect(page.getByText('共 1 人')).toBeVisible();
  await expect(page.getByText('13912345678')).toHaveCount(0);
  await expect(page.getByText(id)).toHaveCount(0);
  await expect(page.getByText('139****5678')).toBeVisible();
  await still(page, 'party-members-search-phone');

  await page.keyboard.press('Control+k');
  const search = page.getByPlaceholder('输入姓名、拼音（zs 或 zhang）、身份证或手机尾号，或组织、小区名称');
  await expect(search).toBeFocused();
  await search.fill(id.slice(-4));
  await expect(page.getByRole('button', { name: /张三丰/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /张三丰/ })).not.toContainText(id.slice(-4));
  await expect(page.getByRole('button', { name: /赵四/ })).toHaveCount(0);
  await still(page, 'global-search-id-tail');
  await search.fill('zhaosi');
  await expect(page.getByRole('button', { name: /赵四/ })).toBeVisible();
  await page.getByRole('button', { name: /赵四/ }).click();
  await expect(page).toHaveURL(/member=/);
});
