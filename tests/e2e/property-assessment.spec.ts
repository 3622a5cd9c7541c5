import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { apiCall } from './api';
import { today } from './clock';
import { expect, setUp, shotsDir, still, test, type RunningApp } from './fixtures';

test.use({ actionTimeout: 15_000 });

const dialog = (page: Page, name: string | RegExp) => page.getByRole('dialog', { name });
/**
 * still() after the confirmations have closed by themselves: on a loaded machine a notification still sliding in
 * is not stable enough for still() to click its close button within its budget.
 */
async function settledStill(page: Page, name: string) {
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 12_000 });
  await still(page, name);
}

const period = `${today.slice(0, 4)}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`;

/** Two estates of the community, each with the company serving it. */
async function seed(app: RunningApp) {
  const places = await apiCall(app, 'party.listPlaces', {});
  const community = places.find((p) => p.kind === 'community')!;
  const estate = async (name: string, company: string, creditCode: string) => {
    const place = await apiCall(app, 'party.createPlace', { kind: 'estate', parentId: community.id, name, households: 400 });
    await apiCall(app, 'property.createEstate', { placeId: place.id, management: 'company' });
    const k = await apiCall(app, 'property.createCompany', { name: company, creditCode });
    await apiCall(app, 'property.createContract', { estateId: place.id, companyId: k.id, startsOn: '2026-01-01' });
    return { estateId: place.id, companyId: k.id };
  };
  return {
    sunny: await estate('阳光小区', '阳光物业服务有限公司', '91350100M000100Y43'),
    bamboo: await estate('翠竹苑', '安居物业有限公司', '91110108MA01A0KE67'),
  };
}

/** Keys typed into the street's sheet of the starter draft, item by item (Enter moves on; 1/0 move on by themselves). */
async function typeStreetSheet(page: Page) {
  const k = page.keyboard;
  const finding = async (...notes: string[]) => {
    for (const n of notes) {
      await k.type(n);
      await k.press('Enter');
    }
    await k.press('Enter');
  };
  await k.type('1'); // 1 公示
  await k.type('1'); // 2 持证上岗
  await finding('缺席三方联动会议一次'); // 3
  await finding(); // 4 投诉
  await finding('3号楼楼道堆物', '垃圾桶满溢'); // 5 清扫保洁
  await finding(); // 6
  await finding(); // 7
  await k.type('1'); // 8 化粪池
  await k.type('1'); // 9 门岗
  await finding(); // 10
  await finding(); // 11
  await k.type('0'); // 12 车辆停放
  await k.type('1'); // 13 电梯
  await k.type('1'); // 14 二次供水
  await finding(); // 15
  await finding(); // 16
  await k.type('96'); // 17 收缴率
  await k.press('Enter');
  await k.type('85'); // 18 满意度
  await k.press('Enter');
}

test('red property assessments: a template built and published, an assessment scored by all four methods, the red and black list published and corrected', async ({ page, app }) => {
  test.setTimeout(240_000);
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '王芳' });
  const { bamboo } = await seed(app);
  const go = (p: string) => page.goto(`${new URL(app.url).origin}/#${p}`);

  // 考评表: from the starter draft; a category made to add up to 130 is refused with its gap, then put right.
  await go('/property/templates');
  await expect(page.getByText('还没有考评表')).toBeVisible();
  await page.getByRole('button', { name: '新建考评表' }).first().click();
  const drawer = dialog(page, '新建考评表');
  await drawer.getByRole('button', { name: '用示例草稿填写' }).click();
  await drawer.getByLabel('考评表名称').fill('西里社区物业服务质量考评表');
  await expect(drawer.getByTestId('totals-check')).toContainText('分值平衡');
  await drawer.getByLabel('分值 1', { exact: true }).fill('50');
  await expect(drawer.getByTestId('totals-check')).toContainText('各类别合计 130 分，比总分 100 分多 30 分');
  await expect(drawer.getByTestId('totals-check')).toContainText('“基础管理”各项合计 20 分，比类别分值 50 分少 30 分');
  await settledStill(page, 'property-template-130');
  await drawer.getByLabel('分值 1', { exact: true }).fill('20');
  await expect(drawer.getByTestId('totals-check')).toContainText('分值平衡');
  await page.keyboard.press('Control+Enter');
  const draft = dialog(page, /西里社区物业服务质量考评表 · 第 1 版（草稿）/);
  await expect(draft).toBeVisible();
  await draft.getByRole('button', { name: '发布' }).click();
  await page.getByRole('dialog', { name: '发布这张考评表？' }).getByRole('button', { name: '发布' }).click();
  const published = dialog(page, /第 1 版（已发布）/);
  await expect(published.getByText('已发布的版本不能修改')).toBeVisible();
  await settledStill(page, 'property-template-published');
  await page.keyboard.press('Escape');
  await expect(published).toBeHidden();

  // 服务考评: a new assessment of 阳光小区; the company serving it is filled in.
  await go(`/property/assessments?period=${period}`);
  await expect(page.getByText('这一期还没有考评')).toBeVisible();
  await page.getByRole('button', { name: '新建考评' }).first().click();
  const create = dialog(page, /新建考评/);
  await create.getByRole('combobox', { name: '小区' }).click();
  await page.getByRole('option', { name: /阳光小区/ }).click();
  await expect(create.getByRole('combobox', { name: '物业服务企业' })).toHaveValue('阳光物业服务有限公司');
  await create.getByRole('button', { name: '新建' }).click();

  // The street's sheet typed from the keyboard: binary 1/0, findings one per Enter, rates, the vetoes left empty.
  const sheet = dialog(page, /阳光小区 · .*考评/);
  await sheet.getByLabel('考评人').fill('街道城管办 陈明');
  await sheet.getByLabel('录入 1', { exact: true }).focus();
  await typeStreetSheet(page);
  await expect(sheet.getByTestId('sheet-total')).toHaveText('本表得分 88 分 / 100 分');
  await settledStill(page, 'property-assessment-sheet');
  // still() closed the notifications, taking the focus with it: back into the sheet, and Ctrl+Enter saves.
  await sheet.getByLabel('录入 19', { exact: true }).focus();
  await page.keyboard.press('Control+Enter');
  await expect(sheet.getByTestId('combined-score')).toHaveText('综合得分 88 分');
  await sheet.getByLabel('考评人').focus();
  await settledStill(page, 'property-assessment-saved');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  // 翠竹苑 is scored through the API: every item met, rates full (100 points).
  const template = (await apiCall(app, 'property.listTemplates', {}))[0]!;
  const other = await apiCall(app, 'property.createAssessment', { period, ...bamboo, templateId: template.id });
  await apiCall(app, 'property.saveAssessmentSheet', {
    assessmentId: other.assessment.id, body: 'street', scoredOn: today,
    entries: other.template.categories.flatMap((c) => c.items).map((i) => ({ itemId: i.id, met: true, ratePermille: 1000 })),
  });

  // 红黑榜: ranked from the scores, then published as a frozen snapshot (reloaded: 翠竹苑 was scored past the window).
  await go(`/property/lists?period=${period}`);
  await page.reload();
  const rows = page.getByRole('table', { name: '红黑榜' }).getByRole('row');
  await expect(rows.nth(1)).toContainText('翠竹苑');
  await expect(rows.nth(1)).toContainText('红榜');
  await expect(rows.nth(2)).toContainText('阳光小区');
  await page.getByRole('button', { name: '公布红黑榜' }).click();
  await page.getByRole('dialog', { name: '公布这一期的红黑榜？' }).getByRole('button', { name: '公布红黑榜' }).click();
  await expect(page.getByText(/由 王芳 公布/)).toBeVisible();
  await settledStill(page, 'property-list-published');

  // A correction: the street's sheet gets the veto it had missed; the list now differs and a 更正 is published.
  await go(`/property/assessments?period=${period}`);
  await page.getByRole('row', { name: /阳光小区/ }).click();
  // The drawer opens on the first body that has not scored; the street's sheet is one click away.
  await sheet.getByText(/^街道 ✓ 88 分/).click();
  await expect(sheet.getByLabel('考评人')).toHaveValue('街道城管办 陈明');
  await sheet.getByLabel('录入 19', { exact: true }).fill('电梯困人致一名住户受伤');
  await expect(sheet.getByText('已触发一票否决：列入黑榜')).toBeVisible();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('评分已保存')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  await go(`/property/lists?period=${period}`);
  await expect(page.getByText('成绩或规则在公布后有变化')).toBeVisible();
  await page.getByRole('button', { name: '发布更正' }).click();
  const correction = dialog(page, '发布更正');
  await correction.getByLabel('更正原因').fill('补录街道考评中遗漏的一票否决事项');
  await correction.getByRole('button', { name: '发布更正' }).click();
  await expect(page.getByTestId('correction-reason')).toHaveText('补录街道考评中遗漏的一票否决事项');
  await expect(rows.nth(2)).toContainText('黑榜');
  await expect(rows.nth(2)).toContainText('一票否决');
  await settledStill(page, 'property-list-correction');

  // The notice of the 更正, printed from its snapshot.
  // 打印公告 opens the PDF for printing (a tab of its own in browser mode); 保存 PDF downloads the same notice.
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: '打印公告' }).click()]);
  await popup.close();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '保存 PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/红黑榜（更正）-第2版\.pdf$/);
  fs.mkdirSync(shotsDir, { recursive: true });
  await file.saveAs(path.join(shotsDir, 'property-list-correction.pdf'));

  // The first publication is unchanged: 阳光小区 is not on the black list there.
  await page.getByText('第 1 版（公布）').click();
  await expect(rows.nth(2)).toContainText('阳光小区');
  await expect(rows.nth(2)).not.toContainText('黑榜');

  // 设置: the red-property card with the weights and the list rule.
  await go('/settings');
  await expect(page.getByText('考评主体权重')).toBeVisible();
  await page.getByText('考评主体权重').scrollIntoViewIfNeeded();
  await settledStill(page, 'property-settings');
});
