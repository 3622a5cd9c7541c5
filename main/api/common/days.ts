/**
 * Arithmetic on calendar days (YYYY-MM-DD), for deadlines and warnings. Pure and clock-free; UTC is used only as
 * a calendar without time zones, so the result never depends on where the machine is.
 */

const parts = (iso: string): [number, number, number] => iso.split('-').map(Number) as [number, number, number];
const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The day `n` days after (negative: before) a day. */
export function addDays(iso: string, n: number): string {
  const [y, m, d] = parts(iso);
  return fromUtc(Date.UTC(y, m - 1, d + n));
}

/**
 * The same day `n` months later (negative: earlier), held to the month's last day when it has fewer days:
 * 2026-08-31 − 6 months = 2026-02-28, 2024-02-29 + 12 months = 2025-02-28. (JavaScript's Date would roll over
 * into March.)
 */
export function addMonths(iso: string, n: number): string {
  const [y, m, d] = parts(iso);
  const lastDay = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(y, m - 1 + n, Math.min(d, lastDay)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier): 2026-12-31 → 2027-01-01 is 1. */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** The Monday of the week a day falls in (a Chinese office's week runs Monday to Sunday): 周汇总's first day. */
export function mondayOf(iso: string): string {
  const [y, m, d] = parts(iso);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 is Sunday
  return addDays(iso, -((weekday + 6) % 7));
}
