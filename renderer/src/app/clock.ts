import { calendarDay, DEFAULT_TIME_ZONE, setTodaySource, wallTime } from '../../../main/api/common/calendar';
import type { ClockReading } from '../../../main/api/system/contract';

/**
 * The renderer's one clock. It follows the core's (main/clock.ts) instead of the machine's, so the window and the
 * core agree on "today" whatever time zone the machine is set to, and tests set time in the core alone: it takes a
 * reading from the core and runs on with the monotonic timer, taking a new reading every minute and whenever the
 * window comes back (a laptop that slept). Days and times are in the installation's time zone.
 */

interface Anchor {
  atMs: number;
  perfMs: number;
  timeZone: string;
}

let anchor: Anchor | null = null;

export function followCore(reading: ClockReading): void {
  anchor = { atMs: Date.parse(reading.at), perfMs: performance.now(), timeZone: reading.timeZone };
}

/** Before the first reading (the core unreachable) the machine's time stands in; nothing is saved without the core. */
export const nowMs = (): number => (anchor ? anchor.atMs + (performance.now() - anchor.perfMs) : Date.now());
export const timeZone = (): string => anchor?.timeZone ?? DEFAULT_TIME_ZONE;

/** Today, YYYY-MM-DD, in the installation's time zone. */
export const today = (): string => calendarDay(nowMs(), timeZone());

/** The time now, HH:mm, in the installation's time zone (a meeting's start time). */
export const nowHm = (): string => wallTime(nowMs(), timeZone()).slice(0, 5);

/** A stored instant as the installation's calendar day and time, e.g. 2026-11-22 09:12. */
export const dayAndTime = (iso: string): string => {
  const ms = Date.parse(iso);
  return `${calendarDay(ms, timeZone())} ${wallTime(ms, timeZone()).slice(0, 5)}`;
};

setTodaySource(today);

/** Keeps following the core: a reading now, every minute, and when the window is shown again. */
export function keepFollowing(read: () => Promise<ClockReading>): Promise<void> {
  const sync = () => read().then(followCore, () => undefined);
  setInterval(sync, 60_000);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void sync();
  });
  return sync();
}
