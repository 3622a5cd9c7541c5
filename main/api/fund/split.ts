import { formatFen } from '../common/money';

/**
 * The fund's integer arithmetic for income that is computed rather than typed: the month's fee allocation and the
 * households' shares of a crowd-funding campaign. Pure, so the screens show the same figures the core posts.
 * BigInt throughout: rate × area × share numerators can pass 2^53 for a large estate.
 */

/** n ÷ d rounded to the nearest integer, a half rounded up (n ≥ 0, d > 0). */
export function roundHalfUp(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

/** 12,345.67 m² from hundredths: the same digits as money (hundredths too), without the ¥. */
export const formatArea = (hundredths: number): string => `${formatFen(hundredths).replace('¥', '')} m²`;

export interface FeeTerms {
  /** Fen per m² per month. */
  rateFen: number;
  /** The estate's floor area in hundredths of a m². */
  areaHundredths: number;
  shareNum: number;
  shareDen: number;
}

export interface FeeAllocation {
  /** The month's fee: rate × area, to the fen (half up). */
  feeFen: number;
  /** The fund's part: rate × area × share, to the fen (half up), computed from the exact product, not from feeFen. */
  amount: number;
  /** What the property company keeps: feeFen − amount, so the two parts are the fee to the fen. */
  companyFen: number;
}

/**
 * One rounding rule, once per figure: each is the exact rational value rounded half up to the fen. Rounding the
 * fund's part from the exact product (rather than from the rounded fee) keeps it within half a fen of the truth;
 * the company's part is the difference, so nothing is lost or invented between them. share ≤ 1 and rounding is
 * monotone, so amount ≤ feeFen.
 */
export function feeAllocation(t: FeeTerms): FeeAllocation {
  const product = BigInt(t.rateFen) * BigInt(t.areaHundredths);
  const feeFen = roundHalfUp(product, 100n);
  const amount = roundHalfUp(product * BigInt(t.shareNum), 100n * BigInt(t.shareDen));
  return { feeFen: Number(feeFen), amount: Number(amount), companyFen: Number(feeFen - amount) };
}

/**
 * Splits `total` fen in proportion to `weights` (largest remainder): each gets ⌊total × w ÷ Σw⌋, and the fen left
 * over go one each to the largest remainders, ties to the earlier position — deterministic, and Σ shares = total
 * exactly. A zero weight gets nothing; all-zero weights are refused by the caller.
 */
export function splitByWeight(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + BigInt(w), 0n);
  if (sum <= 0n) throw new RangeError('weights must add up to more than zero');
  const t = BigInt(total);
  const parts = weights.map((w, i) => ({ i, floor: (t * BigInt(w)) / sum, rest: (t * BigInt(w)) % sum }));
  let left = t - parts.reduce((s, p) => s + p.floor, 0n);
  const byRest = [...parts].sort((a, b) => (a.rest === b.rest ? a.i - b.i : a.rest > b.rest ? -1 : 1));
  for (const p of byRest) {
    if (left === 0n) break;
    p.floor += 1n;
    left -= 1n;
  }
  return parts.map((p) => Number(p.floor));
}

/** Each household's share of the owners' part under a scheme: equal per household, or by floor area. */
export function householdShares(ownersPart: number, scheme: 'equal' | 'area', areas: readonly (number | null)[]): number[] {
  return splitByWeight(ownersPart, scheme === 'equal' ? areas.map(() => 1) : areas.map((a) => a ?? 0));
}

/** A name on a public list: the surname and a star (张三 → 张*), as 房号 + 张* (PROPERTY-ELEVATOR.md). */
export const maskName = (name: string): string => `${Array.from(name.trim())[0] ?? ''}*`;

/** Progress in tenths of a percent, rounded down (99.95% never shows as 100%). */
export const permille = (part: number, whole: number): number => (whole > 0 ? Number((BigInt(part) * 1000n) / BigInt(whole)) : 0);
