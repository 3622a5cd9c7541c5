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
 * over go one each to the largest remainders — deterministic, and Σ shares = total exactly. Ties go to the smaller
 * `tieKeys` entry (code-point order) when keys are given, else to the earlier position: with distinct keys the result
 * does not depend on the order of the input. A zero weight gets nothing; all-zero weights are refused by the caller.
 */
export function splitByWeight(total: number, weights: readonly number[], tieKeys?: readonly string[]): number[] {
  const sum = weights.reduce((s, w) => s + BigInt(w), 0n);
  if (sum <= 0n) throw new RangeError('weights must add up to more than zero');
  const t = BigInt(total);
  const parts = weights.map((w, i) => ({ i, key: tieKeys?.[i] ?? '', floor: (t * BigInt(w)) / sum, rest: (t * BigInt(w)) % sum }));
  let left = t - parts.reduce((s, p) => s + p.floor, 0n);
  const earlier = (a: (typeof parts)[number], b: (typeof parts)[number]) => (a.key === b.key ? a.i - b.i : a.key < b.key ? -1 : 1);
  const byRest = [...parts].sort((a, b) => (a.rest === b.rest ? earlier(a, b) : a.rest > b.rest ? -1 : 1));
  for (const p of byRest) {
    if (left === 0n) break;
    p.floor += 1n;
    left -= 1n;
  }
  return parts.map((p) => Number(p.floor));
}

/** What a household brings to a scheme: the room (the tie-break), area and floor, and a custom 份额. */
export interface ShareBasis {
  room: string;
  /** Hundredths of a m². */
  areaHundredths: number | null;
  floor?: number | null;
  /** The custom scheme's 份额 in hundredths: a proportion (yuan amounts, percentages or 份 alike). */
  weightHundredths?: number | null;
}

export type Scheme = 'equal' | 'area' | 'floor_area' | 'custom';

/** A floor's coefficient in hundredths (1.05 = 105). */
export interface FloorCoefficient {
  floor: number;
  coefficientHundredths: number;
}

/**
 * The default floor coefficients a campaign starts from — a DRAFT to be checked against the scheme the estate's
 * owners actually publicised (docs/fund.md "众筹"): no rule fixes them. Higher floors depend on the elevator more, so
 * 1 层 0.40, 2 层 0.70, then 1.00 from 3 层 rising 0.05 a floor, at most 2.00.
 */
export function defaultFloorCoefficient(floor: number): number {
  if (floor <= 1) return 40;
  if (floor === 2) return 70;
  return Math.min(100 + 5 * (floor - 3), 200);
}

/** The weight each household brings under a scheme; a floor missing from `coefficients` weighs nothing. */
export function schemeWeight(scheme: Scheme, h: ShareBasis, coefficients: ReadonlyMap<number, number>): number {
  switch (scheme) {
    case 'equal':
      return 1;
    case 'area':
      return h.areaHundredths ?? 0;
    case 'floor_area':
      return (h.areaHundredths ?? 0) * (h.floor == null ? 0 : (coefficients.get(h.floor) ?? 0));
    case 'custom':
      return h.weightHundredths ?? 0;
  }
}

/**
 * Each household's share of the owners' part under a scheme: equal per household, by area, by floor coefficient ×
 * area, or in proportion to a custom table. Largest remainder, ties to the smaller 房号, so the shares are the same
 * whatever order the households were typed in (rooms are unique in a campaign). Throws RangeError when every weight
 * is zero (the schema refuses that first).
 */
export function householdShares(ownersPart: number, scheme: Scheme, households: readonly ShareBasis[], coefficients: readonly FloorCoefficient[] = []): number[] {
  const table = new Map(coefficients.map((c) => [c.floor, c.coefficientHundredths]));
  return splitByWeight(ownersPart, households.map((h) => schemeWeight(scheme, h, table)), households.map((h) => h.room));
}

/** A name on a public list: the surname and a star (张三 → 张*), as 房号 + 张* (PROPERTY-ELEVATOR.md). */
export const maskName = (name: string): string => `${Array.from(name.trim())[0] ?? ''}*`;

/** Progress in tenths of a percent, rounded down (99.95% never shows as 100%). */
export const permille = (part: number, whole: number): number => (whole > 0 ? Number((BigInt(part) * 1000n) / BigInt(whole)) : 0);
