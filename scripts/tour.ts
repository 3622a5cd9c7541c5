/**
 * `npx tsx scripts/tour.ts [--data-dir DIR --account NAME --password PW] [--out DIR]`: every page of the navigation
 * at 1366×768, as a clerk would first see it — a screenshot each (artifacts/tour/ by default) and axe's serious and
 * critical findings. Without --data-dir it tours a fresh demo street (scripts/demo.ts's data, signed in as its
 * administrator); with one, it signs in as --account / --password. Build the UI first
 * (`node scripts/build.mjs renderer`). This is for looking, not a gate: the e2e tests assert.
 */
import AxeBuilder from '@axe-core/playwright';
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startBrowserMode } from '../main/web/browser-mode';
import { SEED_ADMIN, SEED_PASSWORD, seedDataset } from './seed';

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, out: { type: 'string' }, account: { type: 'string' }, password: { type: 'string' } },
});
const out = path.resolve(values.out ?? 'artifacts/tour');
fs.mkdirSync(out, { recursive: true });
let dataDir = values['data-dir'];
if (!dataDir) {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'streetdesk-tour-'));
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
await page.getByLabel(/^账号/).fill(values.account ?? SEED_ADMIN);
await page.getByLabel(/^密码/).fill(values.password ?? SEED_PASSWORD);
await page.getByRole('button', { name: '登录' }).click();
await page.locator('nav a[href^="#/"]').first().waitFor();
const links = await page.locator('nav a[href^="#/"]').evaluateAll((as) =>
  as.map((a) => ({ href: a.getAttribute('href')!, label: a.textContent!.trim() })),
);
let serious = 0;
for (const [i, link] of [{ href: '#/', label: '首页' }, ...links].entries()) {
  await page.goto(new URL(link.href, app.url).toString());
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  const file = path.join(out, `${String(i).padStart(2, '0')}-${link.href.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}.png`);
  await page.screenshot({ path: file });
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  serious += bad.length;
  console.log(`${link.label}\t${path.basename(file)}\t${bad.map((v) => `${v.id}×${v.nodes.length}`).join(' ') || '无严重问题'}`);
  if (process.env.TOUR_DETAIL) for (const v of bad) for (const n of v.nodes.slice(0, 3)) console.log(`    ${v.id} ${n.target.join(' ')} ${n.failureSummary?.split('\n').slice(1, 2).join('')}`);
}
console.log(`共 ${links.length + 1} 页，axe 严重问题 ${serious} 类。截图在 ${out}`);
await browser.close();
await app.stop();
process.exit(0);
