import type { Page } from '@playwright/test';
import { apiCall } from './api';
import { daysAgo } from './clock';
import { expect, setUp, still, test, type RunningApp } from './fixtures';

test.use({ actionTimeout: 15_000 });

/** A street keeping two communities, an estate in each with a joint meeting whose one resolution is overdue. */
async function twoCommunities(app: RunningApp) {
  for (const [community, estateName] of [['西里社区', '阳光小区'], ['东湖社区', '东湖花园']] as const) {
    const c = await apiCall(app, 'party.createPlace', { kind: 'community', name: community });
    const e = await apiCall(app, 'party.createPlace', { kind: 'estate', parentId: c.id, name: estateName });
    await apiCall(app, 'property.createEstate', { placeId: e.id, management: 'company' });
    await apiCall(app, 'property.createJointMeeting', {
      estateId: e.id, heldOn: daysAgo(20), convener: '王芳', place: null, minutes: null, attendees: [], topics: ['停车秩序'],
      resolutions: [{ content: `${estateName}清理消防通道`, responsibleParty: 'property_company', responsiblePerson: null, dueOn: daysAgo(5) }],
    });
  }
}

async function pickCommunity(page: Page, name: string) {
  await page.getByRole('combobox', { name: '社区', exact: true }).click();
  await page.getByRole('option', { name, exact: true }).click();
}

test('a street with two communities: estates, joint meetings, the overdue list and committees filtered by community', async ({ page, app }) => {
  test.setTimeout(120_000);
  await setUp(page, app, { level: 'street', name: '西里街道', code: '130104001', operator: '王芳' });
  await twoCommunities(app);
  const go = (path: string) => page.goto(`${new URL(app.url).origin}/#${path}`);
  const rows = page.getByRole('row');

  await go('/property/estates');
  await expect(page.getByText('共 2 个小区')).toBeVisible();
  await pickCommunity(page, '东湖社区');
  await expect(page.getByText('共 1 个小区')).toBeVisible();
  await expect(rows.filter({ hasText: '东湖花园' })).toBeVisible();
  await expect(rows.filter({ hasText: '阳光小区' })).toHaveCount(0);
  await still(page, 'property-estates-by-community');

  await go('/property/meetings');
  await expect(page.getByText('共 2 次会议')).toBeVisible();
  await pickCommunity(page, '西里社区');
  await expect(page.getByText('共 1 次会议')).toBeVisible();
  await expect(rows.filter({ hasText: '阳光小区' })).toBeVisible();
  // The estates to pick are the community's own.
  await page.getByRole('combobox', { name: '小区' }).click();
  await expect(page.getByRole('option')).toHaveText(['阳光小区 · 西里社区']);
  await page.keyboard.press('Escape');
  await page.getByText('逾期决议（全街道）').click();
  await expect(page.getByText('共 1 条逾期')).toBeVisible();
  await expect(rows.filter({ hasText: '阳光小区清理消防通道' })).toBeVisible();
  await expect(rows.filter({ hasText: '东湖花园清理消防通道' })).toHaveCount(0);

  await go('/property/committees');
  await pickCommunity(page, '东湖社区');
  await page.getByRole('combobox', { name: '小区' }).click();
  await expect(page.getByRole('option')).toHaveText(['东湖花园 · 东湖社区']);
});
