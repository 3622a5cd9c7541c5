import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { clockStartingAt } from '../../main/clock';
import { SEED_ADMIN, SEED_PASSWORD, seedDataset } from '../../scripts/seed';
import { clockStart } from './clock';
import { expect, scratchDir, setUp, signIn, startApp, still, test } from './fixtures';

/**
 * axe finds no serious or critical violation on any page of the navigation (issue 15): once on a new
 * installation (every page's empty state) and once on a seeded street (every page full), at 1366×768.
 */
async function everyPage(page: Page, url: string, shots?: string) {
  await page.locator('nav a[href^="#/"]').first().waitFor();
  const links = await page.locator('nav a[href^="#/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  expect(links.length).toBeGreaterThan(20);
  const found: string[] = [];
  for (const link of ['#/', ...links]) {
    await page.goto(new URL(link, url).toString());
    await expect(page.locator('main h3, main h2').first()).toBeVisible();
    await expect(page.locator('main .mantine-Loader-root')).toHaveCount(0);
    // resultTypes: only violations are worked out in full — the seeded compliance page has thousands of nodes.
    const { violations } = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
    for (const v of violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
      found.push(`${link} ${v.id}: ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')}`);
    }
    if (shots) await still(page, `${shots}-${link.replace(/[^a-z]+/gi, '-').replace(/^-|-$/g, '') || 'home'}`);
  }
  expect(found).toEqual([]);
}

test('every page of a new installation passes axe', async ({ page, app }) => {
  test.setTimeout(300_000);
  await setUp(page, app, { level: 'street', name: '西里街道', code: '130104001', operator: '王芳' });
  await everyPage(page, app.url);
});

test('every page of a seeded street passes axe, screenshot each', async ({ page }) => {
  test.setTimeout(600_000); // the street seed (every module, 20,000 requests included) and axe on every page
  const dataDir = scratchDir('seeded');
  await seedDataset(dataDir, 'street', { clock: clockStartingAt(clockStart()) });
  // Plain: encrypting a street at its first sign-in would spend this test's time box on the conversion, which
  // tests/unit/encryption-upgrade.test.ts and encryption.spec.ts cover (its time at scale: docs/benchmarks.md).
  const seeded = await startApp(dataDir, 0, { plain: true });
  try {
    await signIn(page, seeded, { name: SEED_ADMIN, password: SEED_PASSWORD });
    await everyPage(page, seeded.url, 'a11y');
  } finally {
    await seeded.stop();
  }
});

/**
 * The drawers and dialogs a page opens to add a record (新增…, 登记…, 录入…): axe over the dialog alone, on a new
 * installation, each page's first such button. Fields without a name, or a focus trap without a label, show here.
 */
test('every page’s add drawer passes axe', async ({ page, app }) => {
  test.setTimeout(600_000);
  await setUp(page, app, { level: 'street', name: '西里街道', code: '130104001', operator: '王芳' });
  await page.locator('nav a[href^="#/"]').first().waitFor();
  const links = await page.locator('nav a[href^="#/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  const found: string[] = [];
  const opened: string[] = [];
  for (const link of links) {
    await page.goto(new URL(link, app.url).toString());
    await expect(page.locator('main h3, main h2').first()).toBeVisible();
    await expect(page.locator('main .mantine-Loader-root')).toHaveCount(0);
    const add = page.locator('main button:not([disabled])').filter({ hasText: /^(新增|添加|登记|新建|录入|手工记分)/ }).first();
    if (!(await add.count())) continue;
    await add.click();
    const dialog = page.locator('[role="dialog"]');
    // A button may open a page rather than a dialog: then there is nothing to check here.
    if (!(await dialog.first().waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false))) continue;
    await page.waitForTimeout(300); // the drawer's opening transition, so axe reads it settled
    opened.push(link);
    const { violations } = await new AxeBuilder({ page }).include('[role="dialog"]').options({ resultTypes: ['violations'] }).analyze();
    for (const v of violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
      found.push(`${link} ${v.id}: ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')}`);
    }
  }
  expect(opened.length, opened.join(' ')).toBeGreaterThan(8);
  expect(found).toEqual([]);
});
