import { addDays, addMonths } from '../common/days';

/**
 * Yellow and red cards (黄牌 / 红牌) of property companies, as pure rules. Qingdao's practice (PROPERTY-ELEVATOR.md):
 * a yellow for a problem not put right in time, a red after three yellows; the number and the window are settings.
 */

export interface CardRule {
  /** A red is due once this many yellows in force fall in the window. */
  redAfterYellows: number;
  /** How far back a card counts, in months, up to today. */
  windowMonths: number;
}

export const DEFAULT_CARD_RULE: CardRule = { redAfterYellows: 3, windowMonths: 12 };

/**
 * A card counts on `today` when it was issued after this day and not withdrawn: a window of 12 months on 2026-12-02
 * holds cards of 2025-12-03 … 2026-12-02. Months are held to month ends (2027-02-28 − 12 months = 2026-02-28).
 */
export const windowOpensAfter = (today: string, windowMonths: number): string => addMonths(today, -windowMonths);

export type CardStandingState = 'none' | 'yellow' | 'red_due' | 'red';

export interface CardStanding {
  state: CardStandingState;
  /** Yellows in force in the window. */
  yellows: number;
  /** The latest red in force in the window, if any. */
  redIssuedOn: string | null;
  /** The first day the window counts from, and the rule it was judged by. */
  windowFrom: string;
  rule: CardRule;
}

interface CountedCard {
  colour: 'yellow' | 'red';
  issuedOn: string;
  withdrawnAt: string | null;
}

/**
 * Where a company stands today: 红牌 while a red in force lies in the window; 应发红牌 when the yellows in force in
 * the window reach the rule's number; 黄牌 with fewer; otherwise none. Cards issued after today do not count yet.
 */
export function cardStanding(cards: readonly CountedCard[], today: string, rule: CardRule): CardStanding {
  const opensAfter = windowOpensAfter(today, rule.windowMonths);
  const counted = cards.filter((c) => c.withdrawnAt === null && c.issuedOn > opensAfter && c.issuedOn <= today);
  const yellows = counted.filter((c) => c.colour === 'yellow').length;
  const reds = counted.filter((c) => c.colour === 'red').map((c) => c.issuedOn).sort();
  const redIssuedOn = reds.at(-1) ?? null;
  const state: CardStandingState = redIssuedOn ? 'red' : yellows >= rule.redAfterYellows ? 'red_due' : yellows > 0 ? 'yellow' : 'none';
  return { state, yellows, redIssuedOn, windowFrom: addDays(opensAfter, 1), rule };
}
