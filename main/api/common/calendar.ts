/**
 * Calendar days and wall-clock times in the installation's time zone, and "today" for the shared schemas.
 *
 * Pure: nothing here reads the clock. The instant comes from the one clock module of each process (the core's
 * main/clock.ts; the renderer's renderer/src/app/clock.ts, which follows the core's), so tests set time in one place.
 * Imported by the renderer too: zod-free and Node-free.
 */

/** Where Chinese street offices are; an installation can be set to another IANA zone. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const formats = new Map<string, Intl.DateTimeFormat>();

function partsIn(instantMs: number, timeZone: string): Record<string, string> {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formats.set(timeZone, f);
  }
  return Object.fromEntries(f.formatToParts(instantMs).map((p) => [p.type, p.value]));
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone: 2026-12-01T20:00Z is 2026-12-02 in Beijing. */
export function calendarDay(instantMs: number, timeZone: string): string {
  const p = partsIn(instantMs, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The wall-clock time (HH:mm:ss) of an instant in a time zone. */
export function wallTime(instantMs: number, timeZone: string): string {
  const p = partsIn(instantMs, timeZone);
  return `${p.hour}:${p.minute}:${p.second}`;
}

/** The instant (ISO-8601 UTC) a calendar day begins in a time zone: 2026-12-02 begins at 2026-12-01T16:00:00.000Z in Beijing. */
export function dayStartInstant(day: string, timeZone: string): string {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  // How far the zone's wall clock is ahead of UTC at an instant; asked twice, for a day on which it changes.
  const ahead = (ms: number) => Date.parse(`${calendarDay(ms, timeZone)}T${wallTime(ms, timeZone)}Z`) - ms;
  const first = midnightUtc - ahead(midnightUtc);
  return new Date(midnightUtc - ahead(first)).toISOString();
}

let todaySource: (() => string) | null = null;

/**
 * Each process says once where "today" comes from: the core from the request's moment, the renderer from its
 * clock. Shared schemas ("不能晚于今天") call todayIso() and so agree with the handler that runs after them.
 */
export function setTodaySource(source: () => string): void {
  todaySource = source;
}

/** Today in the installation's time zone, as YYYY-MM-DD. */
export function todayIso(): string {
  if (!todaySource) throw new Error('todayIso() before a clock was installed (main/clock.ts or renderer/src/app/clock.ts)');
  return todaySource();
}
