import { test as base, chromium, expect, type Browser, type Locator, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { clockStart } from './clock';

const root = path.resolve(import.meta.dirname, '../..');
export const shotsDir = path.join(root, 'artifacts/screenshots');

/**
 * Which Chromium drives the tests: STREETDESK_CHROMIUM if set, else the one packaged on npm
 * (@sparticuz/chromium, self-contained, so a fresh machine needs nothing from apt), else Debian's.
 */
async function chromiumPath(): Promise<string> {
  if (process.env.STREETDESK_CHROMIUM) return process.env.STREETDESK_CHROMIUM;
  try {
    const { default: packaged } = await import('@sparticuz/chromium');
    return await packaged.executablePath();
  } catch {
    return '/usr/bin/chromium';
  }
}

export interface RunningApp {
  url: string;
  dataDir: string;
  /** Stops the server (the data folder stays until the test ends). */
  stop(): Promise<void>;
  /** Starts a server again on the same data folder; `laterDays` puts its clock that many days on (a deadline passing). */
  restart(laterDays?: number): Promise<RunningApp>;
}

/**
 * The servers started in the running test (this worker runs one test at a time): a failing test shows what each
 * printed and the end of its log, so a step that was slow or refused on CI says what the core did meanwhile.
 */
const serversOfThisTest: { dataDir: string; output: () => string; stop: () => Promise<void> }[] = [];

/** Folders the running test made for its files and its other installations: removed when it ends, as it ends. */
const scratchOfThisTest: string[] = [];

/** A folder of the test's own in the system's temp folder (downloads, a second installation), removed after it. */
export function scratchDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `streetdesk-e2e-${name}-`));
  scratchOfThisTest.push(dir);
  return dir;
}

/** `npm run web`'s server on a data folder, as a user starts it; resolves with the URL it prints. */
export function startApp(dataDir: string, laterDays = 0, opts: { plain?: boolean } = {}): Promise<RunningApp> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(path.join(root, 'node_modules/.bin/tsx'), ['main/web.ts', '--data-dir', dataDir], {
      cwd: root,
      env: {
        ...process.env,
        STREETDESK_CLOCK_START: new Date(Date.parse(clockStart()) + laterDays * 86_400_000).toISOString(),
        ...(opts.plain ? { STREETDESK_ENCRYPT: 'off' } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const server = { dataDir, output: () => out, stop: async () => undefined as void };
    serversOfThisTest.push(server);
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /^(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)$/m.exec(out)?.[1];
      if (url) {
        clearTimeout(timer);
        const stop = () =>
          new Promise<void>((r, fail) => {
            // Stopped already (restarted): the fixture's own stop at the end must not wait for an exit that came.
            if (child.exitCode !== null || child.signalCode !== null) return r();
            // A server that does not stop is a failure to read, not a test that times out saying nothing (once, on
            // a machine loaded 8×, encryption.spec's restart waited out the test): say what it last printed.
            const stuck = setTimeout(() => fail(new Error(`server did not stop within 30 s of SIGTERM:\n${out.slice(-2000)}`)), 30_000);
            child.once('exit', () => (clearTimeout(stuck), r()));
            child.kill('SIGTERM');
          });
        server.stop = stop;
        resolve({ url, dataDir, stop, restart: async (days = 0) => (await stop(), startApp(dataDir, laterDays + days, opts)) });
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${out}`)));
  });
}

let browser: Browser | null = null;

/**
 * Under scripts/time-matrix.sh the machine clock is faked with libfaketime (LD_PRELOAD), which Chromium does not
 * survive (its pages stall). The browser keeps the real time — the window follows the core's clock anyway, which
 * is what the matrix proves — while the servers run under the faked one.
 */
function browserEnv(): Record<string, string> {
  const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
  if (env.LD_PRELOAD?.includes('faketime')) {
    delete env.LD_PRELOAD;
    for (const k of Object.keys(env)) if (k.startsWith('FAKETIME')) delete env[k];
  }
  return env;
}
export const BROWSER_TIME_ZONE = 'UTC';

export const test = base.extend<{ scratch: void; app: RunningApp; page: Page }>({
  // Set up before the others and torn down after them: every server the test started (a failing test's too) is
  // stopped, a failing test prints what each said, then its scratch folders go.
  scratch: [
    async ({}, use, testInfo) => {
      serversOfThisTest.length = 0;
      await use();
      for (const server of serversOfThisTest) await server.stop().catch(() => undefined);
      if (testInfo.status !== testInfo.expectedStatus) {
        for (const [i, server] of serversOfThisTest.entries()) {
          const log = path.join(server.dataDir, 'logs', 'streetdesk.log');
          const body = `${server.output().slice(-4_000)}\n--- ${log} ---\n${fs.existsSync(log) ? fs.readFileSync(log, 'utf8').slice(-8_000) : '(none)'}`;
          // On the console, not as an attachment: the list reporter cuts an attachment's text to a line or two.
          console.error(`─── server ${i + 1} of “${testInfo.title}” ───\n${body}`);
        }
      }
      for (const dir of scratchOfThisTest.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
    },
    { auto: true },
  ],
  // Stopped, reported and removed with the test's other servers and folders (scratch, above).
  app: async ({}, use) => {
    await use(await startApp(scratchDir('app')));
  },
  page: async ({ app: _app }, use) => {
    browser ??= await chromium.launch({
      executablePath: await chromiumPath(),
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-zygote', '--disable-dev-shm-usage', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
      env: browserEnv(),
    });
    // The browser in UTC while the installation keeps Beijing time: dates must come from the core, not the machine.
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: BROWSER_TIME_ZONE });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await use(page);
    await context.close();
    expect(errors, 'no uncaught errors in the page').toEqual([]);
  },
});

/** Keeps a screenshot of the screen as an artifact (open them to check the Chinese renders). */
export async function shot(page: Page, name: string) {
  fs.mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`) });
}

/**
 * A screenshot of the screen, not of the passing confirmations over it: notifications closed, the fonts in,
 * drawers and modals settled; and at 1366×768, the office monitor, nothing may push the page sideways.
 */
export async function still(page: Page, name: string) {
  // Closing the shown ones lets queued ones in (Mantine shows a few at a time): close until none is left.
  await expect(async () => {
    // A short click timeout: a button listed a moment ago may be gone (its notification closed), and waiting the
    // spec's actionTimeout for it would spend the whole budget on one click.
    for (const close of await page.locator('.mantine-Notification-closeButton').all()) await close.click({ timeout: 1_000 }).catch(() => undefined);
    await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await page.evaluate('Promise.all([document.fonts.ready, ...document.getAnimations().map((a) => a.finished.catch(() => undefined))])');
  expect(await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
  await shot(page, name);
}

/**
 * Picks an option of a focused Mantine Select with the arrow keys, as a clerk does: the first press opens the list
 * on the chosen option, each further one moves one option. The list marks its option a moment after it opens, and
 * a press that comes before the mark is lost (seen once on CI: two ↑ then Enter kept the old value), so each press
 * waits for the mark to move, and Enter comes once the wanted option carries it.
 */
export async function arrowTo(page: Page, key: 'ArrowUp' | 'ArrowDown', presses: number, option: string) {
  const marked = page.getByRole('listbox').locator('[data-combobox-selected]');
  await page.keyboard.press(key);
  await expect(marked).toHaveCount(1);
  for (let i = 1; i < presses; i++) {
    const before = await marked.textContent();
    await page.keyboard.press(key);
    await expect(marked).not.toHaveText(before ?? '');
  }
  await expect(marked).toHaveText(option);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listbox')).toHaveCount(0);
}

/**
 * Scrolls to a form drawn again from the saved values once they have been read again (after a save, not before):
 * the scroll is retried if it lands on the one being replaced.
 */
export async function scrollToRedrawn(locator: Locator) {
  await expect(async () => locator.scrollIntoViewIfNeeded({ timeout: 1_000 })).toPass({ timeout: 10_000 });
}

/**
 * How long the first sign-in or the setup may take to answer: it encrypts the data file (a copy proven table by
 * table, an encrypted backup checked) and derives the keys' wraps. 2–3 s here; twice on CI it was still not
 * answered after 10 s and 30 s (the servers' logs were not kept then — a failing test prints them now).
 */
export const FIRST_ENCRYPTION_MS = 60_000;

/** The administrator's password in every e2e installation. */
export const E2E_PASSWORD = 'xili-2026-e2e';

/** Who signs in to each data folder (set by `setUp`): `apiCall` (api.ts) and `signIn` use it. */
export const accounts = new Map<string, { name: string; password: string; recoveryCode?: string }>();

/**
 * The recovery code a sign-in shows once when it has just encrypted the data (setup; an administrator's first
 * sign-in on a seeded, plain folder): read, confirmed as written down, and returned — or null if none was shown.
 */
async function acknowledgeRecoveryCode(page: Page): Promise<string | null> {
  const code = page.getByTestId('recovery-code');
  await expect(code.or(page.getByTestId('signed-in-account'))).toBeVisible({ timeout: FIRST_ENCRYPTION_MS });
  if (!(await code.isVisible())) return null;
  const text = (await code.textContent())!.trim();
  await page.getByLabel('我已把恢复码抄下（或打印）并交单位妥善保管').check();
  await page.getByRole('button', { name: '继续' }).click();
  return text;
}

/** First start: fills the setup form for a community or a street; its administrator `operator` is signed in after it. */
export async function setUp(page: Page, app: RunningApp, unit: { level: 'community' | 'street' | 'district'; name: string; code: string; operator: string }) {
  await page.goto(app.url);
  if (unit.level === 'street') await page.getByText('街道（汇总各社区）').click();
  if (unit.level === 'district') await page.getByText('区（汇总各街道）').click();
  await page.getByLabel('单位名称').fill(unit.name);
  await page.getByLabel('单位代码').fill(unit.code);
  await page.getByLabel('管理员姓名').fill(unit.operator);
  await page.getByLabel(/^管理员密码/).fill(E2E_PASSWORD);
  await page.getByLabel('再输入一遍密码').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: '开始使用' }).click();
  const recoveryCode = await acknowledgeRecoveryCode(page);
  await expect(page.getByRole('banner').getByText(unit.name)).toBeVisible();
  accounts.set(app.dataDir, { name: unit.operator, password: E2E_PASSWORD, recoveryCode: recoveryCode ?? undefined });
}

/**
 * Signs in on the sign-in screen (a restarted server ends every session): as the folder's administrator, or `who`.
 * Opens the app's URL first unless `here`.
 */
export async function signIn(page: Page, app: RunningApp, who = accounts.get(app.dataDir)!, opts: { here?: boolean } = {}) {
  if (!opts.here) await page.goto(app.url);
  await page.getByLabel(/^账号/).fill(who.name);
  await page.getByLabel(/^密码/).fill(who.password);
  // Enter, not a click: the mouse stays where it was, not over whatever row of the next page lands under the button.
  await page.getByLabel(/^密码/).press('Enter');
  const recoveryCode = await acknowledgeRecoveryCode(page);
  if (recoveryCode) accounts.set(app.dataDir, { ...who, recoveryCode });
  await expect(page.getByTestId('signed-in-account')).toContainText(who.name);
}

/**
 * Another installation's window (a street's, a community's): a browser context of its own (a second installation,
 * as on another computer), with uncaught page errors collected like the fixture's page.
 */
export async function streetWindow(page: Page): Promise<{ page: Page; errors: string[] }> {
  const context = await page.context().browser()!.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: BROWSER_TIME_ZONE });
  const errors: string[] = [];
  const streetPage = await context.newPage();
  streetPage.on('pageerror', (e) => errors.push(e.message));
  return { page: streetPage, errors };
}

/**
 * Stops the second server after closing its browser context: the server's close waits for open connections,
 * and a context keeps sockets open (pre-connected ones too) even after its pages close.
 */
export async function stopStreet(street: RunningApp, ui: { page: Page } | undefined) {
  await ui?.page.context().close().catch(() => undefined);
  await street.stop().catch(() => undefined);
}

export { expect };
