/**
 * `npx tsx scripts/scroll-fps.ts [--data-dir DIR --account NAME --password PW] [--frames N]`: how the long lists
 * scroll at 1366×768 in the real Chromium (issue 15, "scrolling holds 60 fps"). For each list it scrolls the table
 * one step per animation frame (as a wheel or a held arrow key does) and records every frame's interval, then jumps
 * to the middle and to the end and times how long the 「…」 placeholders show before the rows are filled. Without
 * --data-dir it seeds a street (scripts/seed.ts) in a temporary folder. Build the UI first
 * (`node scripts/build.mjs renderer`). A measurement, not a gate: say how loaded the machine was beside its numbers
 * (docs/benchmarks.md, "Scrolling").
 */
import type { Locator } from '@playwright/test';
import { parseArgs } from 'node:util';
import { signedInPage } from './lib/signed-in-page';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' }, account: { type: 'string' }, password: { type: 'string' }, frames: { type: 'string' },
  },
});
const FRAMES = Number(values.frames ?? 240);
/** Pixels per frame: about three rows of 34 px a frame (two of 44 px) — a brisk wheel, faster than reading. */
const STEP = 100;
/** The lists a clerk scrolls through, longest first. */
const LISTS = [
  { label: '党员名册', route: '#/party/members' },
  { label: '积分台账', route: '#/volunteer/ledger' },
  { label: '志愿者', route: '#/volunteer/people' },
  { label: '志愿活动', route: '#/volunteer/activities' },
  { label: '三会一课', route: '#/party/meetings' },
  { label: '诉求台账', route: '#/requests/ledger' },
];

const { page, url, close } = await signedInPage({ dataDir: values['data-dir'], tempPrefix: 'streetdesk-fps-', account: values.account, password: values.password });
// tsx (esbuild, keepNames) wraps the named functions below in __name(); the page has none, so give it the identity.
await page.evaluate('globalThis.__name = (f) => f');

/** Scrolls the table one step per frame and returns each frame's interval in ms, and the frames that showed 「…」. */
function scrollFrames(body: Locator): Promise<{ intervals: number[]; blank: number }> {
  return body.evaluate((el, { frames, step }) => new Promise<{ intervals: number[]; blank: number }>((resolve) => {
    const intervals: number[] = [];
    let blank = 0;
    let last = performance.now();
    const tick = (t: number) => {
      intervals.push(t - last);
      last = t;
      if ([...el.querySelectorAll('[role="cell"]')].some((c) => c.textContent === '…')) blank++;
      el.scrollTop += step;
      if (intervals.length < frames) requestAnimationFrame(tick);
      else resolve({ intervals: intervals.slice(1), blank });
    };
    requestAnimationFrame(tick);
  }), { frames: FRAMES, step: STEP });
}

/** Jumps to a fraction of the table's height and returns the ms until no visible cell is a placeholder. */
function jumpFill(body: Locator, at: number): Promise<number> {
  return body.evaluate((el, fraction) => new Promise<number>((resolve) => {
    const start = performance.now();
    el.scrollTop = (el.scrollHeight - el.clientHeight) * fraction;
    const check = () => {
      const blank = [...el.querySelectorAll('[role="cell"]')].some((c) => c.textContent === '…');
      if (!blank || performance.now() - start > 10_000) resolve(performance.now() - start);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }), at);
}

/** The page's own; this script's program has no DOM library. */
declare const requestAnimationFrame: (tick: (t: number) => void) => number;

const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;
console.log(`\n| 列表 | 行数 | 帧数 | 帧间隔中位数 | p95 | 最长 | 超过 20 ms 的帧 | 出现「…」的帧 | 跳到中间填满 | 跳到末尾填满 |`);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
// Browser mode logs an uncaught exception and goes on (a clerk's window must not die): a failed measurement
// must end this script instead, leaving no server holding the data folder.
try {
  for (const list of LISTS) {
    await page.goto(new URL(list.route, url).toString());
    const body = page.getByTestId('virtual-table-body');
    try {
      await body.getByRole('row').first().waitFor({ timeout: 15_000 });
    } catch {
      console.log(`| ${list.label} | — | 没有数据，跳过 |`);
      continue;
    }
    await page.waitForLoadState('networkidle');
    // Rows of 34 px, or 44 where a column wraps (所在组织): the extent over one row's height.
    const rowHeight = await body.getByRole('row').first().evaluate((r) => r.getBoundingClientRect().height);
    const rows = await body.evaluate((el, h) => Math.round(el.scrollHeight / h), rowHeight);
    const { intervals, blank } = await scrollFrames(body);
    await body.evaluate((el) => (el.scrollTop = 0));
    const middle = await jumpFill(body, 0.5);
    const end = await jumpFill(body, 1);
    const slow = intervals.filter((x) => x > 20).length;
    console.log(`| ${list.label} | ${rows.toLocaleString('en-US')} | ${intervals.length} | ${ms(pct(intervals, 0.5))} | ${ms(pct(intervals, 0.95))} | ${ms(Math.max(...intervals))} | ${slow} (${((100 * slow) / intervals.length).toFixed(1)}%) | ${blank} | ${ms(middle)} | ${ms(end)} |`);
  }
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  await close();
}
process.exit();
