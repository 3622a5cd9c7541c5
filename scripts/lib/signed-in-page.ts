import { chromium, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserMode } from '../../main/web/browser-mode';
import { SEED_ADMIN, SEED_PASSWORD, seedDataset } from '../seed';

/**
 * The scripts that look at the app (tour, scroll-fps): browser mode on a data folder — a freshly seeded street in a
 * temporary one without `dataDir` — and the npm-packaged Chromium at 1366×768, signed in (the seed's administrator
 * unless told). Call `close` at the end.
 */
export async function signedInPage(o: { dataDir?: string; tempPrefix: string; account?: string; password?: string }): Promise<{ page: Page; url: string; close(): Promise<void> }> {
  let dataDir = o.dataDir;
  if (!dataDir) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), o.tempPrefix));
    console.log('正在生成街道规模的示例数据……');
    await seedDataset(dataDir, 'street');
  }
  const app = await startBrowserMode({ dataDir, port: 0 });
  const { default: packaged } = await import('@sparticuz/chromium');
  const browser = await chromium.launch({
    executablePath: process.env.STREETDESK_CHROMIUM ?? (await packaged.executablePath()),
    args: ['--no-sandbox', '--disable-gpu', '--no-zygote', '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log(`  页面错误：${e.message}`));
  await page.goto(app.url);
  await page.getByLabel(/^账号/).fill(o.account ?? SEED_ADMIN);
  await page.getByLabel(/^密码/).fill(o.password ?? SEED_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  // A freshly seeded folder is plain: the first sign-in encrypts it (a minute or more at street scale), as in the app.
  await page.locator('nav a[href^="#/"]').first().waitFor({ timeout: 600_000 });
  return { page, url: app.url, close: async () => (await browser.close(), await app.stop()) };
}
