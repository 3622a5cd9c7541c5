import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../main/api/common/days';
import {
  committeeSizeProblem,
  DEFAULT_PROPERTY_SETTINGS as settings,
  deadlineState,
  filingDueOn,
  firstMeetingDueOn,
  latestTermEnd,
  partyRatio,
  reelectionStartsOn,
  resolutionSteps,
  termState,
  transitionProblem,
  type ResolutionStatus,
} from '../../main/api/property/rules';

describe('calendar days', () => {
  it('move by months held to the month end, and by days across years', () => {
    expect(addMonths('2026-08-31', -6)).toBe('2026-02-28');
    expect(addMonths('2028-08-31', -6)).toBe('2028-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-03-15', -15)).toBe('2024-12-15');
    expect(addDays('2026-12-25', 7)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });
});

describe('party-member ratio', () => {
  it('is 未组建 without members and compares in integers', () => {
    expect(partyRatio(0, 0, 50).state).toBe('not_formed');
    expect(partyRatio(5, 10, 50).state).toBe('meets');
    expect(partyRatio(4, 9, 50).state).toBe('below');
    expect(partyRatio(5, 9, 50).state).toBe('meets');
    expect(partyRatio(0, 5, 0).state).toBe('meets');
    expect(partyRatio(7, 7, 100).state).toBe('meets');
    // 1 of 3 at a 33% target: 100 ≥ 99; 2 of 3 at 67%: 200 < 201.
    expect(partyRatio(1, 3, 33).state).toBe('meets');
    expect(partyRatio(2, 3, 67).state).toBe('below');
  });
});

describe('committee size', () => {
  it('takes 5–11 odd, 3 only for a small estate, and an empty roster', () => {
    expect([5, 7, 9, 11].map((n) => committeeSizeProblem(n, 420, settings))).toEqual([null, null, null, null]);
    expect(committeeSizeProblem(0, 420, settings)).toBeNull();
    expect(committeeSizeProblem(6, 420, settings)).toBe('业委会成员应为 5–11 人中的单数（现为 6 人）');
    expect(committeeSizeProblem(13, 420, settings)).toMatch(/现为 13 人/);
    expect(committeeSizeProblem(3, 420, settings)).toBe('业委会成员应为 5–11 人中的单数（现为 3 人）；3 人仅限 100 户以下的小区');
    expect(committeeSizeProblem(3, 100, settings)).toBeNull();
    expect(committeeSizeProblem(4, 80, settings)).toBe('业委会成员应为 3 人，或 5–11 人中的单数（现为 4 人）');
    expect(committeeSizeProblem(3, null, settings)).not.toBeNull();
    expect(committeeSizeProblem(3, 80, { ...settings, smallEstateMaxHouseholds: null })).toBe('业委会成员应为 5–11 人中的单数（现为 3 人）');
  });
});

describe('term calendar', () => {
  const term = { startsOn: '2021-09-01', endsOn: '2026-08-31' };

  it('starts re-election N months before the end, held to month ends, and is overdue from the next day', () => {
    expect(reelectionStartsOn('2026-08-31', 6)).toBe('2026-02-28');
    expect(termState(term, '2026-02-27', 6, false)).toBe('serving');
    expect(termState(term, '2026-02-28', 6, false)).toBe('reelection_due');
    expect(termState(term, '2026-08-31', 6, false)).toBe('reelection_due');
    expect(termState(term, '2026-09-01', 6, false)).toBe('overdue');
    expect(termState(term, '2026-05-31', 3, false)).toBe('reelection_due');
    expect(termState(term, '2026-05-30', 3, false)).toBe('serving');
    expect(termState(term, '2021-08-31', 6, false)).toBe('upcoming');
    expect(termState(term, '2026-09-01', 6, true)).toBe('succeeded');
  });

  it('limits a term to five years and counts filing and the first meeting from the election', () => {
    expect(latestTermEnd('2024-02-29')).toBe('2029-02-28');
    expect(filingDueOn('2026-01-10')).toBe('2026-02-09');
    expect(firstMeetingDueOn('2026-12-28')).toBe('2027-01-04');
    expect(deadlineState('2026-02-09', null, '2026-02-09')).toBe('pending');
    expect(deadlineState('2026-02-09', null, '2026-02-10')).toBe('overdue');
    expect(deadlineState('2026-02-09', '2026-02-09', '2026-03-01')).toBe('done');
    expect(deadlineState('2026-02-09', '2026-02-12', '2026-03-01')).toBe('done_late');
  });
});

describe('resolution steps', () => {
  it('allow only open → in_progress → done | dropped', () => {
    const all = Object.keys(resolutionSteps) as ResolutionStatus[];
    const allowed = all.flatMap((from) => all.filter((to) => transitionProblem(from, to) === null).map((to) => `${from}→${to}`));
    expect(allowed).toEqual(['open→in_progress', 'in_progress→done', 'in_progress→dropped']);
    expect(transitionProblem('open', 'done')).toBe('“待办理”的决议只能改为“办理中”，不能改为“已办结”');
    expect(transitionProblem('done', 'open')).toBe('决议已经“已办结”，不能再改变状态');
  });
});
