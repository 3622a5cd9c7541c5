import { daysBetween } from '../common/days';
import { stepProblem, type Steps } from '../common/steps';
import { consentRules, applicationStatuses } from './labels';

/**
 * The rules of a maintenance-fund use application (维修资金使用申请; docs/fund.md): the owners' vote, the steps it
 * moves along and the notices' lengths. Pure and shared, so the screen shows the core's verdict as the clerk types.
 */

export type ApplicationStatus = keyof typeof applicationStatuses;
export type ConsentRule = keyof typeof consentRules;

/** A fraction of a whole; `strict`: more than it (过半数), otherwise at least it (三分之二以上, 四分之三以上). */
interface Threshold {
  num: number;
  den: number;
  strict: boolean;
}

/**
 * 民法典 §278: owners holding 2/3 or more of the area and 2/3 or more of the number take part; using the fund needs
 * more than half of the participating area and of the participating owners; raising it, or rebuilding, 3/4 or more
 * of each. Chinese law reads 以上 as including the number itself, 过半数 as more than half. Data, so a city with
 * another rule (older rules asked 双2/3) changes one line.
 */
export const consentThresholds: Readonly<Record<ConsentRule, { participation: Threshold; agreement: Threshold }>> = {
  use: { participation: { num: 2, den: 3, strict: false }, agreement: { num: 1, den: 2, strict: true } },
  raise: { participation: { num: 2, den: 3, strict: false }, agreement: { num: 3, den: 4, strict: false } },
};

/** part ÷ whole against the threshold, in integers: part × den against whole × num, no division, no float. */
const reaches = (part: number, whole: number, t: Threshold): boolean => {
  const left = BigInt(part) * BigInt(t.den);
  const right = BigInt(whole) * BigInt(t.num);
  return t.strict ? left > right : left >= right;
};

export interface VoteTally {
  totalHouseholds: number;
  /** Hundredths of a m². */
  totalArea: number;
  votedHouseholds: number;
  votedArea: number;
  agreedHouseholds: number;
  agreedArea: number;
}

export interface ConsentVerdict {
  /** Enough households and enough area took part. */
  quorum: { households: boolean; area: boolean };
  /** Enough of those taking part agreed. */
  agreement: { households: boolean; area: boolean };
  passed: boolean;
}

/** Both counts must reach both thresholds: the 双 of 双过半. */
export function consentVerdict(rule: ConsentRule, v: VoteTally): ConsentVerdict {
  const t = consentThresholds[rule];
  const quorum = { households: reaches(v.votedHouseholds, v.totalHouseholds, t.participation), area: reaches(v.votedArea, v.totalArea, t.participation) };
  const agreement = { households: reaches(v.agreedHouseholds, v.votedHouseholds, t.agreement), area: reaches(v.agreedArea, v.votedArea, t.agreement) };
  return { quorum, agreement, passed: quorum.households && quorum.area && agreement.households && agreement.area };
}

/** What the verdict misses, in words (empty when it passed). */
export function consentProblems(rule: ConsentRule, verdict: ConsentVerdict): string[] {
  const agree = rule === 'use' ? '过半数' : '四分之三以上';
  const out: string[] = [];
  if (!verdict.quorum.households) out.push('参与表决的户数不足总户数的三分之二');
  if (!verdict.quorum.area) out.push('参与表决的专有部分面积不足总面积的三分之二');
  if (!verdict.agreement.households) out.push(`同意的户数未达参与表决户数的${agree}`);
  if (!verdict.agreement.area) out.push(`同意的面积未达参与表决面积的${agree}`);
  return out;
}

/**
 * The only steps an application takes: the plan publicised once the vote passed, approved once its notice is over
 * (or turned down), paid through the journal while approved, the result publicised, then closed. A proposal may be
 * withdrawn or turned down before works; nothing steps back.
 */
export const applicationSteps: Steps<ApplicationStatus> = {
  proposed: ['noticed', 'rejected', 'withdrawn'],
  noticed: ['approved', 'rejected', 'withdrawn'],
  approved: ['result_noticed'],
  result_noticed: ['closed'],
  closed: [],
  rejected: [],
  withdrawn: [],
};

export const applicationStepProblem = (from: ApplicationStatus, to: ApplicationStatus): string | null => stepProblem(applicationSteps, applicationStatuses, '申请', from, to);

/** Days a notice is posted, both ends counted (2026-12-01 to 2026-12-05 is 5 days). */
export const noticeDays = (from: string, to: string): number => daysBetween(from, to) + 1;
