import { apiCall } from './api';
import { expect, setUp, still, test } from './fixtures';

test.use({ actionTimeout: 15_000 });

test('设置 → 民呼必应: a category added and one in use retired; 梳理 offers the new one and no longer the retired', async ({ page, app }) => {
  test.setTimeout(180_000);
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '王芳' });
  const community = (await apiCall(app, 'party.listPlaces', {})).find((p) => p.kind === 'community')!;
  const today = (await apiCall(app, 'system.getClock', {})).today;
  const report = (content: string) => apiCall(app, 'requests.report', { reportedOn: today, source: 'visit', anonymous: true, placeId: community.id, content });
  const used = await report('小区门口井盖松动');
  await apiCall(app, 'requests.step', { id: used.id, to: 'sorted', category: 'safety', urgency: 'urgent' });
  const fresh = await report('5号楼想加装电梯，一楼住户不同意');
  const go = (path: string) => page.goto(`${new URL(app.url).origin}/#${path}`);

  await go('/settings');
  const accepted = page.getByRole('group', { name: '应受理事项' });
  await accepted.getByRole('textbox', { name: '新增应受理事项类别' }).fill('加装电梯协调');
  await accepted.getByRole('textbox', { name: '新增应受理事项类别' }).press('Enter');
  await expect(accepted.getByText('加装电梯协调')).toBeVisible();
  // 安全隐患 has a request: it can be retired, not deleted.
  await expect(accepted.getByRole('button', { name: '删除 安全隐患' })).toHaveCount(0);
  await accepted.getByRole('button', { name: '停用 安全隐患' }).click();
  await expect(accepted.getByRole('button', { name: '启用 安全隐患' })).toBeVisible();
  await accepted.scrollIntoViewIfNeeded();
  await still(page, 'requests-settings-categories');

  await go(`/requests/ledger?request=${fresh.id}`);
  await page.getByRole('dialog', { name: '诉求' }).getByRole('button', { name: '梳理受理', exact: true }).click();
  const modal = page.getByRole('dialog', { name: '梳理受理' });
  await modal.getByRole('combobox', { name: '受理类别' }).click();
  await expect(page.getByRole('option', { name: '加装电梯协调' })).toBeVisible();
  await expect(page.getByRole('option', { name: '安全隐患' })).toHaveCount(0);
  await page.getByRole('option', { name: '加装电梯协调' }).click();
  await modal.getByRole('button', { name: '梳理受理', exact: true }).click();
  await expect(modal).toBeHidden();
  await expect(page.getByRole('dialog', { name: '诉求' }).getByText('加装电梯协调')).toBeVisible();
  // The request already sorted keeps its retired category.
  expect((await apiCall(app, 'requests.getRequest', { id: used.id })).category).toBe('safety');
});
