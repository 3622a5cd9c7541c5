import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../main/api/common/days';
import { checklistFor } from '../../main/api/elevator/checklist';
import {
  DEFAULT_ELEVATOR_SETTINGS,
  elevatorWarningsOn,
  parseWallTime,
  regCodeWarnings,
  type MaintenanceFacts,
} from '../../main/api/elevator/rules';

/** Pure rules with the day given explicitly: these dates are the edges themselves, not the tests' clock. */

const parts = (code: string, today = '2026-12-02') => regCodeWarnings(code, today).map((w) => w.part);

describe('注册代码, checked softly', () => {
  it('passes a well-formed elevator code', () => {
    expect(regCodeWarnings('31104201022015060123', '2026-12-02')).toEqual([]);
  });

  it('names the part that looks wrong', () => {
    expect(parts('21603101012006010101')).toEqual(['category']); // the layout example: 2160 is not an elevator
    expect(regCodeWarnings('21603101012006010101', '2026-12-02')[0]!.message).toContain('电梯以 3 开头，这里是 2160');
    expect(parts('39994201022015060123')).toEqual(['category']); // starts with 3 but no such category
    expect(parts('31109901022015060123')).toEqual(['region']);
    expect(parts('31104201022015130123')).toEqual(['month']); // month 13
    expect(parts('31104201022015000123')).toEqual(['month']); // month 00
    expect(parts('31104201022027010123')).toEqual(['month']); // registered after today's month
    expect(parts('31104201022026120123', '2026-12-02')).toEqual([]); // this month is fine
    expect(parts('21609901022015130123')).toEqual(['category', 'region', 'month']);
  });

  it('warns about length and non-digits, and only that', () => {
    expect(regCodeWarnings('3110420102201506012', '2026-12-02')).toEqual([{ part: 'format', message: '注册代码应为 20 位数字，这里是 19 位' }]);
    expect(parts('311042010220150601234')).toEqual(['format']);
    expect(parts('3110420102201506012A')).toEqual(['format']);
  });

  it('never throws, whatever is typed', () => {
    fc.assert(fc.property(fc.string(), (s) => Array.isArray(regCodeWarnings(s, '2026-12-02'))));
  });
});

describe('wall times of a rescue', () => {
  it('read full times and times on the alarm day', () => {
    expect(parseWallTime('2026-11-30 14:05', null)).toBe('2026-11-30 14:05');
    expect(parseWallTime('2026.11.30 9:05', null)).toBe('2026-11-30 09:05');
    expect(parseWallTime('2026-11-30T14:05', null)).toBe('2026-11-30 14:05');
    expect(parseWallTime('１４：３０', '2026-11-30')).toBe('2026-11-30 14:30');
    expect(parseWallTime('1430', '2026-11-30')).toBe('2026-11-30 14:30');
  });
  it('refuse what is not a time', () => {
    for (const s of ['14:05', '24:00', '2026-11-30 12:60', '2026-02-30 10:00', 'abc']) expect(parseWallTime(s, null), s).toBeNull();
  });
});

const facts = (f: Partial<MaintenanceFacts>): MaintenanceFacts => ({
  status: 'in_service', intervalDays: 15, lastRoutineOn: null, routineDueOn: '', firstRoutineOn: null, lastQuarterlyOn: null,
  lastHalfYearlyOn: null, lastYearlyOn: null, lastSelfInspectionOn: '2026-03-01', nextInspectionOn: null, ...f,
});
/** As the database computes routine_due_on (last + interval days). */
const routine = (last: string, intervalDays = 15) => ({ lastRoutineOn: last, routineDueOn: addDays(last, intervalDays), intervalDays, firstRoutineOn: last });
const codes = (f: MaintenanceFacts, today: string) => elevatorWarningsOn(f, today, DEFAULT_ELEVATOR_SETTINGS).map((w) => w.code);

describe("an elevator's warnings on a day", () => {
  it('routine maintenance: day 15 after the last record is fine, day 16 is overdue, across a month and a year end', () => {
    for (const last of ['2026-11-20', '2026-12-20', '2027-02-14', '2028-02-14']) {
      const f = facts({ ...routine(last), lastQuarterlyOn: last, lastHalfYearlyOn: last, lastYearlyOn: last, lastSelfInspectionOn: `${last.slice(0, 4)}-01-01` });
      const [day15, day16] = [addDays(last, 15), addDays(last, 16)];
      if (day16.slice(0, 4) !== last.slice(0, 4)) continue; // the year-end case is below (self-inspection joins it)
      expect(codes(f, day15), `${last} +15`).toEqual([]);
      expect(codes(f, day16), `${last} +16`).toEqual(['maintenance_overdue']);
    }
    const yearEnd = facts({ ...routine('2026-12-20') });
    expect(elevatorWarningsOn(yearEnd, '2027-01-04', DEFAULT_ELEVATOR_SETTINGS).find((w) => w.code === 'maintenance_overdue')).toBeUndefined();
    expect(elevatorWarningsOn(yearEnd, '2027-01-05', DEFAULT_ELEVATOR_SETTINGS).find((w) => w.code === 'maintenance_overdue'))
      .toEqual({ code: 'maintenance_overdue', message: '距上次维保已 16 天（间隔 15 天）' });
  });

  it('the interval is the elevator’s own (按需维保 on a 30-day contract)', () => {
    const f = facts({ ...routine('2026-11-01', 30), lastQuarterlyOn: '2026-11-01', lastHalfYearlyOn: '2026-11-01', lastYearlyOn: '2026-11-01' });
    expect(codes(f, '2026-12-01')).toEqual([]);
    expect(codes(f, '2026-12-02')).toEqual(['maintenance_overdue']);
  });

  it('no signed-off routine record yet: overdue at once', () => {
    expect(elevatorWarningsOn(facts({}), '2026-12-02', DEFAULT_ELEVATOR_SETTINGS)[0]).toEqual({ code: 'maintenance_overdue', message: '还没有已签认的例行维保记录' });
  });

  it('quarterly, half-yearly and yearly levels fall due by calendar months, held to month ends', () => {
    // Last quarterly on 08-31: due on 11-30 (November has no 31st), not 12-01.
    const q = facts({ ...routine('2026-11-25'), firstRoutineOn: '2026-01-10', lastQuarterlyOn: '2026-08-31', lastHalfYearlyOn: '2026-08-31', lastYearlyOn: '2026-08-31' });
    expect(codes(q, '2026-11-29')).toEqual([]);
    expect(elevatorWarningsOn(q, '2026-11-30', DEFAULT_ELEVATOR_SETTINGS)).toEqual([{ code: 'level_due', message: '季度维保 2026-11-30 到期' }]);
    // A yearly visit on 2024-02-29 is due on 2025-02-28.
    const y = facts({ ...routine('2025-02-20'), lastQuarterlyOn: '2025-02-20', lastHalfYearlyOn: '2025-02-20', lastYearlyOn: '2024-02-29', lastSelfInspectionOn: '2025-01-05' });
    expect(codes(y, '2025-02-27')).toEqual([]);
    expect(elevatorWarningsOn(y, '2025-02-28', DEFAULT_ELEVATOR_SETTINGS)).toEqual([{ code: 'level_due', message: '年度维保 2025-02-28 到期' }]);
    // Never a yearly record: counted from the first routine record.
    const first = facts({ ...routine('2026-12-25'), firstRoutineOn: '2025-12-28', lastQuarterlyOn: '2026-12-25', lastHalfYearlyOn: '2026-12-25' });
    expect(codes(first, '2026-12-27')).toEqual([]);
    expect(codes(first, '2026-12-28')).toEqual(['level_due']);
  });

  it('self-inspection not done this year: on 12-31 this year’s counts, on 01-01 it no longer does', () => {
    const f = facts({ ...routine('2026-12-25'), lastQuarterlyOn: '2026-12-25', lastHalfYearlyOn: '2026-12-25', lastYearlyOn: '2026-12-25', lastSelfInspectionOn: '2026-06-10' });
    expect(codes(f, '2026-12-31')).toEqual([]);
    expect(elevatorWarningsOn(f, '2027-01-01', DEFAULT_ELEVATOR_SETTINGS)).toEqual([{ code: 'self_inspection_missing', message: '2027 年尚无自行检查记录' }]);
  });

  it('the inspection: a warning from 30 days before the date on the certificate, overdue after it', () => {
    const f = facts({ nextInspectionOn: '2027-01-30' });
    const inspection = (today: string) => elevatorWarningsOn(f, today, DEFAULT_ELEVATOR_SETTINGS).filter((w) => w.code.startsWith('inspection'));
    expect(inspection('2026-12-30')).toEqual([]);
    expect(inspection('2026-12-31')).toEqual([{ code: 'inspection_due', message: '30 天后（2027-01-30）应定期检验' }]); // across the year end
    expect(inspection('2027-01-30')).toEqual([{ code: 'inspection_due', message: '今天（2027-01-30）应定期检验' }]);
    expect(inspection('2027-01-31')).toEqual([{ code: 'inspection_overdue', message: '下次检验日期 2027-01-30 已过 1 天' }]);
  });

  it('an elevator out of service has none', () => {
    expect(codes(facts({ status: 'stopped', nextInspectionOn: '2026-01-01' }), '2026-12-02')).toEqual([]);
  });
});

describe('the TSG T5002 checklist', () => {
  const street = [
    { code: 'A3-01', level: 'half_yearly', name: '半年项目一', retired: false },
    { code: 'A3-02', level: 'half_yearly', name: '半年项目二（停用）', retired: true },
    { code: 'A4-01', level: 'yearly', name: '年度项目一', retired: false },
  ] as const;

  it('is cumulative: a quarterly visit lists the half-monthly items first', () => {
    expect(checklistFor('half_monthly', street)).toHaveLength(31);
    expect(checklistFor('quarterly', street)).toHaveLength(44);
    expect(checklistFor('quarterly', street).slice(0, 31)).toEqual(checklistFor('half_monthly', street));
    expect(checklistFor('repair', street)).toEqual([]);
  });

  it("adds the street's own half-yearly and yearly items after the shipped tables, a retired one only where a record kept it", () => {
    const codes = (kind: string, kept: string[] = []) => checklistFor(kind, street, kept).slice(44).map((i) => i.code);
    expect(codes('half_yearly')).toEqual(['A3-01']);
    expect(codes('yearly')).toEqual(['A3-01', 'A4-01']);
    expect(codes('yearly', ['A3-02'])).toEqual(['A3-01', 'A3-02', 'A4-01']);
    expect(checklistFor('quarterly', street, ['A3-01'])).toHaveLength(44);
  });
});
