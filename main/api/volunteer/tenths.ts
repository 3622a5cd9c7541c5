/**
 * Points and hours are stored as integer tenths (2.5 hours = 25): exact sums, no floating point in the ledger.
 * These convert at the edges (forms, tables, documents).
 */


/** 25 → "2.5", 30 → "3", -5 → "-0.5", with thousands separators for large values. */
export function tenthsText(t: number | null | undefined): string {
  if (t === null || t === undefined) return '';
  // 0 for -0 (已兑换 of nothing is written -0 by the dashboard's negation): "-0" is no amount a clerk writes.
  const v = t / 10 || 0;
  return v.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 1 });
}

/** With a sign for ledger amounts: +2.5 / -10. */
export const signedTenths = (t: number): string => (t > 0 ? `+${tenthsText(t)}` : tenthsText(t));

/** True when a number has at most one decimal (what the forms accept for points and hours). */
export const isTenths = (v: number): boolean => Math.abs(v * 10 - Math.round(v * 10)) < 1e-6;

/**
 * A typed decimal (2.5) as tenths (25). More than one decimal is passed on unrounded (2.55 → 25.5), so the API's
 * schema refuses it with its message instead of the number being silently changed.
 */
export const typedTenths = (v: number): number => (isTenths(v) ? Math.round(v * 10) : v * 10);
