import fs from 'node:fs';
import path from 'node:path';
import { afterEach, onTestFinished } from 'vitest';
import { openFile, type Db } from '../../db/open';
import type { Contract } from '../../main/api/contract';
import type { InputOf, OutputOf } from '../../main/api/common/channel';
import type { Envelope } from '../../main/api/common/errors';
import { calendarDay, DEFAULT_TIME_ZONE } from '../../main/api/common/calendar';
import { withMoment } from '../../db/moment';
import { clockStartingAt, momentOf, type Clock } from '../../main/clock';
import { createCore, DB_FILE_NAME, type Core } from '../../main/core';
import type { Logger } from '../../main/log';
import type { Role } from '../../main/api/common/roles';
import { tempDir } from './temp-dirs';

const open: { core: Core; dir: string }[] = [];

afterEach(() => {
  for (const { core, dir } of open.splice(0)) {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * The tests' time: a fixed instant, never the machine's, so a test cannot pass on some days only. The default is an
 * hour when UTC and Beijing disagree on the date (2026-12-01 in UTC, 2026-12-02 04:00 in Beijing), which is where
 * "today" bugs live; STREETDESK_TEST_NOW runs the suite at another instant (e.g. a quarter's first morning).
 */
export const TEST_NOW = process.env.STREETDESK_TEST_NOW ?? '2026-12-01T20:00:00Z';
export const testClock: Clock = clockStartingAt(TEST_NOW);

/** The installation's today on the tests' clock (what a handler sees as ctx.today). */
export const today = (): string => calendarDay(testClock.nowMs(), DEFAULT_TIME_ZONE);

/**
 * For tests whose data is written with fixed 2026 dates (a transfer on 2026-09-01, an account opened 2026-01-01): a
 * fixed instant after all of them, whatever STREETDESK_TEST_NOW is (2026-12-02 04:00 in Beijing).
 */
export const FIXED_NOW = '2026-12-01T20:00:00Z';
export const fixedClock = (): Clock => clockStartingAt(FIXED_NOW);
export const fixedToday = (): string => calendarDay(Date.parse(FIXED_NOW), DEFAULT_TIME_ZONE);

/** Runs work in a moment of the tests' clock, as the core runs a request (for code called without the router). */
export const inMoment = <T>(work: () => T): T => withMoment(momentOf(testClock, DEFAULT_TIME_ZONE), work);

/** The day `n` days before the tests' today. */
export const daysAgo = (n: number): string => new Date(Date.parse(`${today()}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

export { tempDir };

export const quietLog: Logger & { errors: string[] } = {
  errors: [],
  info: () => undefined,
  error(message) {
    this.errors.push(message);
  },
};

/** The administrator's password in every test installation (and the first one a test gives another account). */
export const TEST_PASSWORD = 'xili-2026-test';

/** First-start setup's input for a district, a street or a community, with the administrator 王芳 (or `operator`). */
export const setupInput = (level: 'district' | 'street' | 'community', operator = '王芳', unit: { name?: string; code?: string } = {}) => ({
  unitLevel: level,
  unitName: unit.name ?? (level === 'street' ? '西里街道' : '西里社区'),
  unitCode: unit.code ?? '130104001',
  operator,
  password: TEST_PASSWORD,
  confirm: TEST_PASSWORD,
});

/**
 * A core on a real SQLite file in a fresh temporary folder, closed and removed after the test. Set up, it is signed
 * in as its administrator: `call` and `attempt` carry that session (`session`), as a transport would.
 * Plain unless `encrypted`: most tests read the data file beside the core; tests/unit/encryption*.test.ts take the
 * encrypted path (setup encrypts, as in the app), and `recoveryCode()` is what setup showed.
 */
export async function testCore(opts: { setUp?: 'street' | 'community' | false; dataDir?: string; clock?: Clock; encrypted?: boolean } = {}) {
  const dir = opts.dataDir ?? tempDir();
  const core = await createCore({ dataDir: dir, log: quietLog, autoBackup: false, clock: opts.clock ?? testClock, encrypt: opts.encrypted ?? false });
  open.push({ core, dir });
  let session: string | undefined;
  let recoveryCode: string | undefined;
  const callAs = async <K extends keyof Contract>(token: string | undefined, channel: K, input: InputOf<Contract[K]>): Promise<OutputOf<Contract[K]>> => {
    const env = (await core.dispatch(channel, input, token)) as Envelope<OutputOf<Contract[K]>>;
    if (!env.ok) throw Object.assign(new Error(`${channel}: ${env.error.message} ${JSON.stringify(env.error.fields ?? [])}`), { body: env.error });
    return env.data;
  };
  const call = async <K extends keyof Contract>(channel: K, input: InputOf<Contract[K]>) => {
    const out = await callAs(session, channel, input);
    // Set up (or signed in) by the test itself: that account is signed in from then on.
    if (channel === 'system.setup') ({ token: session, recoveryCode = recoveryCode } = (out as OutputOf<Contract['system.setup']>).session);
    if (channel === 'system.signIn' || channel === 'system.setFirstPassword' || channel === 'system.recover') {
      ({ token: session, recoveryCode = recoveryCode } = out as OutputOf<Contract['system.signIn']>);
    }
    return out;
  };
  const attempt = (channel: keyof Contract, input: unknown) => core.dispatch(channel, input, session);
  /** An account of that role, created by the administrator, whose own password is set: its session's token. */
  const signInAs = async (role: Role, name = `${role}-用户`): Promise<string> => {
    await call('system.createAccount', { name, role, password: 'first-pass-1', confirm: 'first-pass-1' });
    const first = await callAs(undefined, 'system.signIn', { name, password: 'first-pass-1' });
    await callAs(first.token, 'system.changePassword', { current: 'first-pass-1', password: TEST_PASSWORD, confirm: TEST_PASSWORD });
    return first.token;
  };
  const setUp = opts.setUp ?? 'street';
  if (setUp) {
    await call('system.setup', setupInput(setUp));
  }
  /** A second connection to the data file, as someone with a database tool has it (a plain file); closed after the test. */
  const rawDb = (): Db => {
    const conn = openFile(path.join(dir, DB_FILE_NAME));
    onTestFinished(() => {
      conn.close();
    });
    return conn;
  };
  return { core, dir, call, callAs, attempt, signInAs, rawDb, session: () => session, recoveryCode: () => recoveryCode };
}
