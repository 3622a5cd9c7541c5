import { addDays, addMonths } from '../common/days';
import { stepProblem, type Steps } from '../common/steps';
import { DEFAULT_CARD_RULE, type CardRule } from './cards';
import { committeeRoles, resolutionStatuses } from './labels';
import { DEFAULT_ASSESSOR_WEIGHTS, DEFAULT_LIST_RULE, type AssessorBody, type ListRule } from './scoring';

/**
 * The red-property rules as plain functions returning a Chinese message (or null when fine), or a state code.
 * The handlers throw the messages as field or domain errors; the importer (next part) can put them beside a cell.
 */

/** Street-wide settings of the module (设置 → 红色物业); every number a default a street may change. */
export interface PropertySettings {
  /** Re-election (换届) work starts this many months before a term ends (Shenzhen: 6). */
  reelectionLeadMonths: number;
  /** The share of party members a committee should reach, in whole percent ("一般不低于50%"). */
  partyRatioTargetPercent: number;
  /** Estates of at most this many households may have a committee of 3 (Hangzhou: 100); null: none may. */
  smallEstateMaxHouseholds: number | null;
  /** Whole-number weights of the assessor bodies in an assessment's score (scoring.ts, combinedScore). */
  assessorWeights: Readonly<Record<AssessorBody, number>>;
  /** Who is on the red and black list (红黑榜) of a period. */
  listRule: ListRule;
  /** When yellow cards make a red one (cards.ts). */
  cardRule: CardRule;
}

export const DEFAULT_PROPERTY_SETTINGS: PropertySettings = {
  reelectionLeadMonths: 6,
  partyRatioTargetPercent: 50,
  smallEstateMaxHouseholds: 100,
  assessorWeights: DEFAULT_ASSESSOR_WEIGHTS,
  listRule: DEFAULT_LIST_RULE,
  cardRule: DEFAULT_CARD_RULE,
};

export type RatioState = 'not_formed' | 'meets' | 'below';

/**
 * The party-member share of a committee against the target. Compared by cross-multiplication in integers
 * (5 of 10 at 50%: 500 ≥ 500), never as a float, so an exact half is never "just below".
 */
export function partyRatio(partyMembers: number, total: number, targetPercent: number): { partyMembers: number; total: number; state: RatioState } {
  if (total === 0) return { partyMembers, total, state: 'not_formed' };
  return { partyMembers, total, state: partyMembers * 100 >= targetPercent * total ? 'meets' : 'below' };
}

const isSmallEstate = (households: number | null, settings: PropertySettings) =>
  settings.smallEstateMaxHouseholds !== null && households !== null && households <= settings.smallEstateMaxHouseholds;

/**
 * 5–11 members, an odd number (指导规则 §31); 3 for a small estate. An empty roster passes: a term may be
 * entered before its members, and then reads 未组建.
 */
export function committeeSizeProblem(size: number, households: number | null, settings: PropertySettings): string | null {
  if (size === 0) return null;
  const small = isSmallEstate(households, settings);
  if ((size === 3 && small) || (size >= 5 && size <= 11 && size % 2 === 1)) return null;
  if (small) return `业委会成员应为 3 人，或 5–11 人中的单数（现为 ${size} 人）`;
  const threeNote = size === 3 && settings.smallEstateMaxHouseholds !== null ? `；3 人仅限 ${settings.smallEstateMaxHouseholds} 户以下的小区` : '';
  return `业委会成员应为 5–11 人中的单数（现为 ${size} 人）${threeNote}`;
}

/** One 主任 at most (none yet is fine: the first meeting chooses them). Returns the index of the second one. */
export function secondChairIndex(roles: readonly (keyof typeof committeeRoles)[]): number | null {
  const first = roles.indexOf('chair');
  const second = first < 0 ? -1 : roles.indexOf('chair', first + 1);
  return second < 0 ? null : second;
}

export type ResolutionStatus = keyof typeof resolutionStatuses;

/**
 * The only steps a resolution may take: open → in_progress → done (with the day) or dropped (with a reason).
 * Done and dropped are final; a deadline moves by an extension, never by a step back. Data, so a street with
 * another procedure changes one line.
 */
export const resolutionSteps: Steps<ResolutionStatus> = {
  open: ['in_progress'],
  in_progress: ['done', 'dropped'],
  done: [],
  dropped: [],
};

export const transitionProblem = (from: ResolutionStatus, to: ResolutionStatus): string | null =>
  stepProblem(resolutionSteps, resolutionStatuses, '决议', from, to);

/** Open and in-progress resolutions are still owed: they can be extended and become overdue. */
export const isUnfinished = (status: ResolutionStatus): boolean => status === 'open' || status === 'in_progress';

// ---------------------------------------------------------------- the owners' committee's calendar

/**
 * The owners' committee's calendar (业主大会和业主委员会指导规则 §31–34): a term of at most 5 years, filing (备案)
 * within 30 days of the election, the first meeting within 7, and re-election from N months before the end.
 */

export const MAX_TERM_YEARS = 5;
export const FILING_DAYS = 30;
export const FIRST_MEETING_DAYS = 7;

/** The last day a term starting on `startsOn` may end on. */
export const latestTermEnd = (startsOn: string): string => addMonths(startsOn, MAX_TERM_YEARS * 12);

export const filingDueOn = (electedOn: string): string => addDays(electedOn, FILING_DAYS);
export const firstMeetingDueOn = (electedOn: string): string => addDays(electedOn, FIRST_MEETING_DAYS);

/** The day re-election work should start: `leadMonths` before the end, held to month ends (08-31 − 6 = 02-28). */
export const reelectionStartsOn = (endsOn: string, leadMonths: number): string => addMonths(endsOn, -leadMonths);

export type TermState = 'upcoming' | 'serving' | 'reelection_due' | 'overdue' | 'succeeded';

/**
 * Where a term stands today. A term with a successor is over whatever its dates; otherwise it is 逾期未换届 from
 * the day after its end, and re-election is due from `reelectionStartsOn` through the last day.
 */
export function termState(
  term: { startsOn: string; endsOn: string },
  today: string,
  leadMonths: number,
  succeeded: boolean,
): TermState {
  if (succeeded) return 'succeeded';
  if (today < term.startsOn) return 'upcoming';
  if (today > term.endsOn) return 'overdue';
  return today >= reelectionStartsOn(term.endsOn, leadMonths) ? 'reelection_due' : 'serving';
}

export type DeadlineState = 'pending' | 'overdue' | 'done' | 'done_late';

/** A deadline is met on its day and overdue from the next; a late deed is still recorded as late. */
export function deadlineState(dueOn: string, doneOn: string | null, today: string): DeadlineState {
  if (doneOn) return doneOn <= dueOn ? 'done' : 'done_late';
  return today > dueOn ? 'overdue' : 'pending';
}
