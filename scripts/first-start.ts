// First start (issue 17): from launching browser mode on an empty data folder to the first screen painted in
// Chromium, the median of a few runs. Serves the build in STREETDESK_RENDERER_DIR (or out/renderer), so two builds
// compare: `STREETDESK_RENDERER_DIR=/tmp/r node scripts/build.mjs renderer && STREETDESK_RENDERER_DIR=/tmp/r npx tsx
// scripts/first-start.ts [--runs 5] [--cpu-slowdown 4]`. Numbers in docs/benchmarks.md ("First start").
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '..');
const arg = (name: string) => Number(process.argv[process.argv.indexOf(name) + 1]) || undefined;
const runs = arg('--runs') ?? 5;
// `--cpu-slowdown 4`: Chromium's CPU throttling, for an office machine slower than this one.
const slowdown = arg('--cpu-slowdown') ?? 1;

async function chromiumPath(): Promise<string> {
  if (process.env.STREETDESK_CHROMIUM) return process.env.STREETDESK_CHROMIUM;
  const { default: packaged } = await import('@sparticuz/chromium');
  return packaged.executablePath();
}

/** Starts the server as `npm run web` does; resolves with the URL it prints and a stop. */
function launch(dataDir: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['main/web.ts', '--data-dir', dataDir], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /^(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)$/m.exec(out)?.[1];
      if (url) resolve({ url, stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${out}`)));
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const browser = await chromium.launch({ executablePath: await chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-zygote'] });
const rows: { server: number; painted: number }[] = [];
for (let i = 0; i < runs; i++) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'streetdesk-first-'));
  const t0 = performance.now();
  const app = await launch(dataDir);
  const server = performance.now() - t0;
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const page = await context.newPage();
  if (slowdown > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  await page.goto(app.url);
  await page.getByRole('heading', { name: '欢迎使用街道治理工作台' }).waitFor();
  const painted = performance.now() - t0;
  rows.push({ server, painted });
  await context.close();
  app.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
await browser.close();
const ms = (n: number) => `${Math.round(n)} ms`;
// The page's part (navigation to the first screen: loading and running the entry chunk) apart from the server's.
console.log(`runs ${runs}, CPU slowdown ${slowdown}×; medians after launch: server ready ${ms(median(rows.map((r) => r.server)))}, first screen painted ` +
  `${ms(median(rows.map((r) => r.painted)))}; the page's part ${ms(median(rows.map((r) => r.painted - r.server)))}`);
