import type { Page } from '@playwright/test';
import { expect, setUp, test } from './fixtures';

const drawer = (page: Page) => page.getByRole('dialog');

/**
 * A record drawer opens with the caret in its first field and no error shown: typing straight away fills it
 * (issue 15: 「1号楼」 was saved as 「号楼」, and 「请填写名称」 showed before anything was typed).
 */
async function opensReady(page: Page, open: () => Promise<void>, first: string, typed: string) {
  await open();
  const field = drawer(page).getByRole('textbox', { name: first, exact: true });
  await expect(field).toBeFocused();
  await expect(drawer(page).locator('[aria-invalid="true"]')).toHaveCount(0);
  await page.keyboard.type(typed);
  await expect(field).toHaveValue(typed);
  await expect(drawer(page).locator('[aria-invalid="true"]')).toHaveCount(0);
}

test('record drawers open with focus in the first field and no error until one is left', async ({ page, app }) => {
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '王芳' });
  await page.getByRole('link', { name: '组织与地点' }).click();
  await page.getByRole('tab', { name: '地点' }).click();
  await opensReady(page, () => page.getByRole('region', { name: '西里社区' }).getByRole('button', { name: '新增小区' }).first().click(), '名称', '1号院');
  // Leaving a required field empty shows its error then, not before.
  await drawer(page).getByRole('textbox', { name: '名称', exact: true }).fill('');
  await page.keyboard.press('Tab');
  await expect(drawer(page).getByText('请填写名称')).toBeVisible();
  // Ctrl+Enter saves from the last field as from any other.
  await drawer(page).getByRole('textbox', { name: '名称', exact: true }).fill('阳光小区');
  await drawer(page).getByLabel('户数').fill('600');
  await drawer(page).getByLabel('户数').press('Control+Enter');
  await expect(drawer(page)).toHaveCount(0);

  await page.getByRole('tab', { name: '党组织' }).click();
  await opensReady(page, () => page.getByRole('button', { name: '新增下级组织' }).first().click(), '组织名称', '阳光小区党支部');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').getByRole('button', { name: '放弃修改' }).click();

  await page.getByRole('link', { name: '党员名册' }).click();
  // Leaving the first field unchanged (Tab, or clicking a button) says nothing yet: the save will.
  await page.getByRole('button', { name: '新增党员' }).first().click();
  await expect(drawer(page).getByRole('textbox', { name: '姓名', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(drawer(page).locator('[aria-invalid="true"]')).toHaveCount(0);
  await drawer(page).getByRole('button', { name: '保存' }).click();
  await expect(drawer(page).getByText('请填写姓名')).toBeVisible();
  await drawer(page).getByRole('button', { name: '取消' }).click();
  await opensReady(page, () => page.getByRole('button', { name: '新增党员' }).first().click(), '姓名', '李明');

  // Esc in a date field closes its calendar only; the next Esc asks about the typed name as usual.
  const calendar = page.locator('[data-dates-dropdown]');
  const joined = drawer(page).getByRole('textbox', { name: '入党日期' });
  await joined.click();
  await expect(calendar).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(calendar).toHaveCount(0);
  await expect(drawer(page)).toHaveCount(1);
  await expect(page.getByRole('button', { name: '放弃修改' })).toHaveCount(0);
  await expect(drawer(page).getByRole('textbox', { name: '姓名', exact: true })).toHaveValue('李明');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').getByRole('button', { name: '放弃修改' }).click();
  await expect(drawer(page)).toHaveCount(0);

  // Untouched: the calendar's Esc, then the drawer's (nothing to ask about).
  await page.getByRole('button', { name: '新增党员' }).first().click();
  await joined.click();
  await expect(calendar).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(calendar).toHaveCount(0);
  await expect(drawer(page)).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(drawer(page)).toHaveCount(0);

  // The focus alone (given by a drawer, or coming back after a save) shows no calendar, so one Esc closes; typing
  // or ↓ shows it.
  await page.getByRole('button', { name: '新增党员' }).first().click();
  await joined.focus();
  await expect(calendar).toHaveCount(0);
  await page.keyboard.press('ArrowDown');
  await expect(calendar).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.type('2019.7.1');
  await expect(calendar).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(calendar).toHaveCount(0);
  await expect(joined).toHaveValue('2019-07-01');
  await joined.focus();
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').getByRole('button', { name: '放弃修改' }).click();
  await expect(drawer(page)).toHaveCount(0);
});
