/**
 * `npx tsx scripts/tour.ts [--data-dir DIR --account NAME --password PW] [--out DIR]`: every page of the navigation
 * at 1366×768, as a clerk would first see it — a screenshot each (artifacts/tour/ by default) and axe's serious and
 * critical findings. Without --data-dir it tours a fresh demo street (scripts/demo.ts's data, signed in as its
 * administrator); with one, it signs in as --account / --password. Build the UI first
 * (`node scripts/build.mjs renderer`). This is for looking, not a gate: the e2e tests assert.
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { signedInPage } from './lib/signed-in-page';

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, out: { type: 'string' }, account: { type: 'string' }, password: { type: 'string' } },
});
const out = path.resolve(values.out ?? 'artifacts/tour');
fs.mkdirSync(out, { recursive: true });
const { page, url, close } = await signedInPage({ dataDir: values['data-dir'], tempPrefix: 'streetdesk-tour-', account: values.account, password: values.password });
const links = await page.locator('nav a[href^="#/"]').evaluateAll((as) =>
  as.map((a) => ({ href: a.getAttribute('href')!, label: a.textContent!.trim() })),
);
let serious = 0;
for (const [i, link] of [{ href: '#/', label: '首页' }, ...links].entries()) {
  await page.goto(new URL(link.href, url).toString());
  await page.waitForLoadState('networkidle');
  // A street's lists and charts take a moment: the picture is of the page filled, not of its spinners.
  await page.locator('.mantine-Loader-root').first().waitFor({ state: 'detached', timeout: 20_000 }).catch(() => undefined);
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
await close();
process.exit(0);
