import { apiCall } from './api';
import { requestsCommunity } from './requests-fixture';
import { expect, scrollToRedrawn, still, test } from './fixtures';

test.use({ actionTimeout: 15_000 });

test('fast entry: a 常见事项 and a place by pinyin from the keyboard, Ctrl+Enter saves and opens the next blank form', async ({ page, app }) => {
  test.setTimeout(180_000);
  const { community, estate: sunny } = await requestsCommunity(page, app);
  await apiCall(app, 'party.createPlace', { kind: 'building', parentId: sunny.id, name: '3号楼' });
  await apiCall(app, 'party.createPlace', { kind: 'building', parentId: sunny.id, name: '5号楼' });
  const changan = await apiCall(app, 'party.createPlace', { kind: 'estate', parentId: community.id, name: '长安小区' });
  await apiCall(app, 'party.createPlace', { kind: 'building', parentId: changan.id, name: '3号楼' });

  await page.goto(`${new URL(app.url).origin}/#/requests/ledger`);
  await page.getByRole('button', { name: '登记诉求' }).first().click();
  const report = page.getByRole('dialog', { name: '登记诉求' });
  const template = report.getByRole('combobox', { name: '常见事项' });
  await expect(template).toBeFocused();
  // ldd: 楼道灯不亮 by its initials; Enter picks it, the content and category are filled, the content has the focus.
  await page.keyboard.type('ldd');
  await page.keyboard.press('Enter');
  const content = report.getByLabel('诉求内容');
  await expect(content).toHaveValue('楼道灯不亮');
  await expect(content).toBeFocused();
  await page.keyboard.type('，2单元三楼');
  await page.keyboard.press('Tab');
  await expect(report.getByRole('combobox', { name: '地点' })).toBeFocused();
  await page.keyboard.type('yg 3hl');
  await expect(page.getByRole('option')).toHaveText(['西里社区 阳光小区 3号楼']);
  await page.keyboard.press('Enter');
  await expect(report.getByRole('combobox', { name: '地点' })).toHaveValue('西里社区 阳光小区 3号楼');
  await expect(report.getByRole('combobox', { name: '类别' })).toHaveValue('公共设施维修');
  await report.getByLabel('反映人').fill('张秀兰');
  await still(page, 'requests-fast-entry');
  await page.keyboard.press('Control+Enter');

  // The next blank form: 常见事项 focused, the content empty, the place carried.
  await expect(template).toBeFocused();
  await expect(content).toHaveValue('');
  await expect(report.getByRole('combobox', { name: '地点' })).toHaveValue('西里社区 阳光小区 3号楼');
  await page.keyboard.type('垃圾');
  await page.keyboard.press('Enter');
  await expect(content).toHaveValue('垃圾清运不及时');
  await report.getByLabel('反映人').fill('李建国');
  await page.keyboard.press('Control+Enter');
  await expect(template).toBeFocused();
  await page.keyboard.press('Escape');

  const rows = (await apiCall(app, 'requests.listRequests', {})).rows;
  expect(rows.map((r) => [r.content, r.state, r.category, r.placeName])).toEqual([
    ['垃圾清运不及时', 'sorted', 'environment', '西里社区 阳光小区 3号楼'],
    ['楼道灯不亮，2单元三楼', 'sorted', 'facilities', '西里社区 阳光小区 3号楼'],
  ]);

  // 设置 → 民呼必应 · 常见事项模板: one more, offered at once.
  await page.goto(`${new URL(app.url).origin}/#/settings`);
  const card = page.getByRole('heading', { name: '民呼必应 · 常见事项模板' }).locator('xpath=ancestor::div[contains(@class, "mantine-Card-root")]');
  await card.getByRole('button', { name: '添加一条' }).click();
  const last = card.getByRole('group', { name: '第 8 条' });
  await last.getByRole('combobox', { name: '类别' }).click();
  await page.getByRole('option', { name: '安全隐患' }).click();
  await last.getByRole('textbox', { name: '诉求内容' }).fill('井盖松动');
  await expect(last.getByRole('combobox', { name: '紧急程度' })).toHaveValue('一般');
  await last.getByRole('combobox', { name: '紧急程度' }).click();
  await page.getByRole('option', { name: '紧急' }).click();
  await card.getByRole('button', { name: '保存模板' }).click();
  await expect(page.getByText('常见事项模板已保存')).toBeVisible();
  await scrollToRedrawn(card);
  await still(page, 'requests-templates-settings');
  expect((await apiCall(app, 'requests.listTemplates', {})).at(-1)).toMatchObject({ category: 'safety', content: '井盖松动', urgency: 'urgent', usable: true });

  // The urgent template fills the form with 紧急, and 梳理受理 records it.
  await page.goto(`${new URL(app.url).origin}/#/requests/ledger`);
  await page.getByRole('button', { name: '登记诉求' }).first().click();
  await expect(template).toBeFocused();
  await page.keyboard.type('jg');
  await expect(page.getByRole('option')).toHaveText(['井盖松动（安全隐患，紧急）']);
  await page.keyboard.press('Enter');
  await expect(content).toHaveValue('井盖松动');
  await expect(report.getByRole('combobox', { name: '紧急程度' })).toHaveValue('紧急');
  await page.keyboard.type('，小区北门');
  await page.keyboard.press('Tab');
  await page.keyboard.type('yg 3hl');
  await expect(page.getByRole('option')).toHaveText(['西里社区 阳光小区 3号楼']);
  await page.keyboard.press('Enter');
  await report.getByLabel('反映人').fill('王桂兰');
  await page.getByRole('checkbox', { name: '保存后继续登记下一件' }).uncheck();
  await page.keyboard.press('Control+Enter');
  await expect(report).toBeHidden();
  expect((await apiCall(app, 'requests.listRequests', {})).rows[0]).toMatchObject({ content: '井盖松动，小区北门', category: 'safety', urgency: 'urgent' });
});
