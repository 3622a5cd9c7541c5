import { insertApplication, updateApplication, type ApplicationChange, type PaymentStage } from '../../db/fund/applications';
import type { Db } from '../../db/open';
import { addDays, int, type Rand } from './seed-plan';

/**
 * Maintenance-fund use applications (维修资金使用申请) for the seed: a few accounts have one, at every stage a clerk
 * meets — a proposal awaiting its vote, a plan on notice, an approved overhaul paid its first part this month, one
 * finished months ago (paid in two parts, the result publicised) and one the owners voted down. Written with the
 * repository functions the handlers use; the payments are posted by seed-fund.ts through the journal's real path
 * (draft, both sign-offs, postToChain) and linked here, dated where the month loop reaches them.
 */

export type ApplicationKind = 'proposed' | 'noticed' | 'approved' | 'closed' | 'rejected';
export const APPLICATION_KINDS: readonly ApplicationKind[] = ['proposed', 'noticed', 'approved', 'closed', 'rejected'];

export interface SeededApplication {
  id: string;
  title: string;
  budget: number;
  /** When each payment is due and its part of the budget in percent; seed-fund.ts posts them (or skips one the balance cannot bear). */
  payments: { onDate: string; stage: PaymentStage; percent: number }[];
}

const WORKS = ['更换曳引机、控制柜和层门', '更换主板和变频器', '更换钢丝绳和制动器', '更换门机系统和轿厢装潢'];

/**
 * `at(monthsBack, day)`: a day of a month the loop has reconciled, counted back from the last one; `today` anchors
 * the recent stages (the current month is not reconciled, so a payment dated in it changes no confirmed month).
 */
export function seedApplication(
  db: Db, r: Rand,
  a: { accountId: string; building: string; households: number; areaHundredths: number; kind: ApplicationKind; today: string; monthStart: string },
  at: (monthsBack: number, day: number) => string,
  operator: string,
): SeededApplication {
  const title = `${a.building}电梯大修`;
  const budget = int(r, 8, 20) * 1_000_000;
  const id = insertApplication(db, {
    accountId: a.accountId, title, works: WORKS[int(r, 0, WORKS.length - 1)]!, budget, rule: 'use', totalHouseholds: a.households, totalArea: a.areaHundredths,
  }, operator);
  const seeded: SeededApplication = { id, title, budget, payments: [] };
  if (a.kind === 'proposed') return seeded;

  // Three in four take part; 60% of them agree (more than half: passed), or 40% (voted down).
  const voted = { households: Math.ceil(a.households * 0.75), area: Math.ceil(a.areaHundredths * 0.75) };
  const share = a.kind === 'rejected' ? 0.4 : 0.6;
  const vote = (closedOn: string): ApplicationChange => ({
    voted_households: voted.households, voted_area: voted.area,
    agreed_households: Math.floor(voted.households * share), agreed_area: Math.floor(voted.area * share), vote_closed_on: closedOn,
  });
  const planNotice = (from: string): ApplicationChange => ({ plan_notice_from: from, plan_notice_to: addDays(from, 6) });
  const approval = (on: string): ApplicationChange => ({ approved_on: on, approval_ref: `街道〔${on.slice(0, 4)}〕${int(r, 3, 40)}号` });

  let change: ApplicationChange;
  if (a.kind === 'rejected') {
    change = { ...vote(addDays(a.today, -100)), status: 'rejected', end_reason: '业主表决未通过（同意的户数和面积均未过半数）' };
  } else if (a.kind === 'noticed') {
    change = { ...vote(addDays(a.today, -20)), ...planNotice(addDays(a.today, -15)), status: 'noticed' };
  } else if (a.kind === 'approved') {
    change = { ...vote(addDays(a.today, -60)), ...planNotice(addDays(a.today, -58)), ...approval(addDays(a.today, -45)), works_started_on: addDays(a.today, -40), status: 'approved' };
    seeded.payments.push({ onDate: a.monthStart, stage: 'first', percent: 30 });
  } else {
    const voteOn = at(10, 10);
    const final = at(6, 8);
    change = {
      ...vote(voteOn), ...planNotice(addDays(voteOn, 1)), ...approval(addDays(voteOn, 15)), works_started_on: addDays(voteOn, 20),
      result_notice_from: addDays(final, 5), result_notice_to: addDays(final, 15), status: 'closed',
    };
    seeded.payments.push({ onDate: at(9, 8), stage: 'first', percent: 60 }, { onDate: final, stage: 'final', percent: 40 });
  }
  updateApplication(db, id, change, operator);
  return seeded;
}
