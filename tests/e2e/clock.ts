import { calendarDay, DEFAULT_TIME_ZONE } from '../../main/api/common/calendar';

/**
 * The end-to-end suite's time. Every server it starts runs on a clock that begins at E2E_NOW (STREETDESK_CLOCK_START)
 * and runs on continuously across restarts, so no test depends on the day it runs. The default is an hour when UTC
 * and Beijing disagree on the date; STREETDESK_TEST_NOW picks another instant. The browser is deliberately put in
 * another time zone (fixtures.ts): what the window shows must follow the installation's, not the machine's.
 */
export const E2E_NOW = process.env.STREETDESK_TEST_NOW ?? '2026-12-01T20:00:00Z';
const loadedAt = performance.now();

/** The instant to start a server's clock at: E2E_NOW plus the time the suite has run so far. */
export const clockStart = (): string => new Date(Date.parse(E2E_NOW) + (performance.now() - loadedAt)).toISOString();

const DAY_MS = 86_400_000;
const ms = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
export const addDays = (iso: string, n: number): string => new Date(ms(iso) + n * DAY_MS).toISOString().slice(0, 10);

/** The installation's today (Beijing) at E2E_NOW. */
export const today = calendarDay(Date.parse(E2E_NOW), DEFAULT_TIME_ZONE);
export const daysAgo = (n: number): string => addDays(today, -n);
export const year = Number(today.slice(0, 4));
export const month = Number(today.slice(5, 7));
