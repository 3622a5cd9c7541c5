import { calendarDay } from './api/common/calendar';
import type { Moment } from '../db/moment';

/**
 * The core's one clock: the only code that reads the machine's time (lint forbids `new Date()` and `Date.now()`
 * everywhere else). Everything else takes the instant from a Clock the core was given, so tests and the
 * end-to-end server can set the time (`STREETDESK_CLOCK_START`).
 */
export interface Clock {
  /** The current instant, in milliseconds since the epoch. */
  nowMs(): number;
}

export const systemClock: Clock = { nowMs: () => Date.now() };

/** Time that starts at a given instant and runs on from there (tests, demos, the e2e server). */
export function clockStartingAt(iso: string): Clock {
  const start = Date.parse(iso);
  if (Number.isNaN(start)) throw new Error(`not an instant: ${iso}`);
  const since = Date.now();
  return { nowMs: () => start + (Date.now() - since) };
}

/** A clock a test moves by hand. */
export function manualClock(iso: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let at = Date.parse(iso);
  return {
    nowMs: () => at,
    set: (next) => {
      at = Date.parse(next);
    },
    advance: (ms) => {
      at += ms;
    },
  };
}

/** The moment of "now" on a clock, with the calendar day in the installation's time zone. */
export function momentOf(clock: Clock, timeZone: string): Moment {
  const ms = clock.nowMs();
  return { at: new Date(ms).toISOString(), today: calendarDay(ms, timeZone) };
}
