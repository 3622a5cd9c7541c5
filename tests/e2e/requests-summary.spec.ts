import { apiCall } from './api';
import { requestsCommunity } from './requests-fixture';
import { expect, still, test } from './fixtures';

test.use({ actionTimeout: 15_000 });

test('日登记与周汇总: today’s requests as registered and the week by category, state and source', async ({ page, app }) => {
  test.setTimeout(180_000);
  const { today, report } = await requestsCommunity(page, app);
  const lamp = await report('3号楼楼道灯不亮');
  await apiCall(app, 'requests.step', { id: lamp.id, to: 'sorted', category: 'facilities', urgency: 'normal' });
  await apiCall(app, 'requests.step', { id: lamp.id, to: 'assigned', handlerKind: 'community', handlerName: '西里社区' });
  await apiCall(app, 'requests.step', { id: lamp.id, to: 'done', doneOn: today, result: '已更换灯泡' });
  await report('垃圾桶满溢', { source: 'hotline' });
  const debt = await report('与邻居借款纠纷', { source: 'grid_round', anonymous: true });
  await apiCall(app, 'requests.step', { id: debt.id, to: 'not_accepted', category: 'private_contract', answer: '建议申请人民调解', reason: '私人之间的经济合同纠纷' });

  await page.goto(`${new URL(app.url).origin}/#/requests/summary`);
  const day = page.getByRole('region', { name: /^日登记/ });
  await expect(day.getByText('当日登记').locator('..')).toContainText('3');
  await expect(day.getByRole('row').filter({ hasText: '3号楼楼道灯不亮' })).toContainText('张**');
  await expect(day.getByText('张秀兰')).toHaveCount(0);
  const byCategory = page.getByRole('table', { name: '按类别' });
  await expect(byCategory.getByRole('row').filter({ hasText: '公共设施维修' })).toContainText('100.0%');
  await expect(byCategory.getByRole('row').filter({ hasText: '未分类（待梳理）' })).toBeVisible();
  await expect(page.getByRole('table', { name: '按来源' }).getByRole('row').filter({ hasText: '合计' })).toContainText('3');
  await still(page, 'requests-summary');
  // A row of the day register opens the request in the ledger.
  await day.getByRole('row').filter({ hasText: '垃圾桶满溢' }).click();
  await expect(page.getByRole('dialog', { name: '诉求' })).toContainText('垃圾桶满溢');
});
