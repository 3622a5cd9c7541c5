/**
 * Rates in integers: a share is kept as its numerator and denominator and shown in tenths of a percent (‰ of the
 * whole, 50.4% = 504). Over several rows a rate is Σ numerators / Σ denominators, never a mean of percentages: an
 * estate billing ¥100 at 90% and one billing ¥10,000 at 50% collect 50.4% together, not 70%.
 */

/** A share as counted: part of a whole (collected of receivable, satisfied of answers). */
export interface Share {
  num: number;
  den: number;
}

/**
 * num / den in tenths of a percent, rounded to the nearest tenth, halves up (509,000 / 1,010,000 = 50.396% →
 * 504, as the issue reads it: 50.4%) — except that a share short of the whole never reads 100.0%: 99.95% (one
 * fen unpaid of ¥20.00) shows 99.9%, so 100.0% always means nothing is unpaid. Whether a target is met is asked
 * of the counts (`reaches`), never of this rounded figure: 89.96% shows 90.0% and still misses a 90% standard.
 * BigInt keeps num × 1000 exact whatever the street's totals. No denominator, no rate (null).
 */
export function permille({ num, den }: Share): number | null {
  if (den <= 0) return null;
  const [n, d] = [BigInt(num), BigInt(den)];
  const nearest = Number((n * 2000n + d) / (2n * d));
  return nearest === 1000 && n < d ? 999 : nearest;
}

/** 504 → "50.4%", null → "—". */
export function permilleText(p: number | null | undefined): string {
  if (p === null || p === undefined) return '—';
  return `${Math.floor(p / 10)}.${p % 10}%`;
}

/** Whether a share reaches a target in whole percent, compared exactly (cross-multiplied, not on the rounded rate). */
export function reaches({ num, den }: Share, targetPercent: number): boolean {
  return den > 0 && BigInt(num) * 100n >= BigInt(targetPercent) * BigInt(den);
}

/** The shares of several rows as one: Σ numerators / Σ denominators. */
export function combined(shares: readonly Share[]): Share {
  return shares.reduce((a, s) => ({ num: a.num + s.num, den: a.den + s.den }), { num: 0, den: 0 });
}
