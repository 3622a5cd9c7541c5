import { addDays, addMonths, daysBetween } from '../common/days';
import { parseLooseDate, toHalfWidth } from '../common/identifiers';
import type { elevatorWarnings } from './labels';

/**
 * The elevator register's rules as plain functions (docs/elevator.md): the soft check of 注册代码, an elevator's
 * warnings on a day, and the rescue limit. Pure and clock-free: the day is always passed in (ctx.today).
 */

/** Street-wide settings of the module; every number a default a street may change. */
export interface ElevatorSettings {
  /** 设区的市: arrive within 30 minutes; elsewhere 60 (TSG / local rules on entrapment rescue). */
  rescueArea: 'city_district' | 'other';
  /** Warn this many days before the next inspection date printed on the certificate. */
  inspectionWarnDays: number;
}

export const DEFAULT_ELEVATOR_SETTINGS: ElevatorSettings = { rescueArea: 'city_district', inspectionWarnDays: 30 };

export const rescueLimitMinutes = (s: ElevatorSettings): number => (s.rescueArea === 'city_district' ? 30 : 60);

// ---------------------------------------------------------------- 注册代码, checked softly

/** The second-level categories of TSG 08 annex A under 电梯 (3000); a code outside them is worth a look, not a refusal. */
const ELEVATOR_CATEGORIES = new Set(['3100', '3110', '3120', '3130', '3200', '3210', '3220', '3300', '3310', '3320', '3400', '3410', '3420', '3430']);
/** GB/T 2260 provinces (the first two digits of a region code). */
const PROVINCES = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82]);

export type RegCodePart = 'format' | 'category' | 'region' | 'month';
export interface RegCodeWarning {
  part: RegCodePart;
  message: string;
}

/** What a clerk types or pastes (full-width digits, spaces), as stored. */
export const normaliseRegCode = (raw: string): string => toHalfWidth(raw).replace(/\s/g, '');

/**
 * 注册代码: 20 digits — 4 category (elevators start with 3), 6 region (GB/T 2260), 6 YYYYMM of registration, 4
 * sequence. There is no check digit, so nothing here refuses: each warning names the part that looks wrong, and the
 * register saves the code as typed. A month later than today's is wrong too.
 */
export function regCodeWarnings(code: string, today: string): RegCodeWarning[] {
  if (!/^\d+$/.test(code)) return [{ part: 'format', message: '注册代码应全为数字，这里含有其他字符' }];
  if (code.length !== 20) return [{ part: 'format', message: `注册代码应为 20 位数字，这里是 ${code.length} 位` }];
  const warnings: RegCodeWarning[] = [];
  const category = code.slice(0, 4);
  if (category[0] !== '3') warnings.push({ part: 'category', message: `前 4 位是设备类别，电梯以 3 开头，这里是 ${category}` });
  else if (!ELEVATOR_CATEGORIES.has(category)) warnings.push({ part: 'category', message: `设备类别 ${category} 不在电梯类别目录中（如 3110 曳引驱动乘客电梯）` });
  const region = code.slice(4, 10);
  if (!PROVINCES.has(Number(region.slice(0, 2)))) warnings.push({ part: 'region', message: `第 5–10 位是行政区划代码，${region} 不是有效的省级开头` });
  const [year, month] = [Number(code.slice(10, 14)), Number(code.slice(14, 16))];
  if (month < 1 || month > 12) warnings.push({ part: 'month', message: `第 11–16 位是注册年月，${code.slice(10, 16)} 的月份不对` });
  else if (year < 1950 || code.slice(10, 16) > today.slice(0, 7).replace('-', '')) {
    warnings.push({ part: 'month', message: `第 11–16 位是注册年月，${year} 年 ${month} 月不在合理范围内` });
  }
  return warnings;
}

// ---------------------------------------------------------------- wall times of a rescue

/**
 * A wall time as typed: `2026-11-30 14:05`, `2026.11.30 14:05`, `2026-11-30T14:05`, or only `14:05` / `1405` on
 * the day given (the alarm's, so a rescue is typed as three times). Stored as `YYYY-MM-DD HH:MM`.
 */
export function parseWallTime(raw: string, day: string | null): string | null {
  const s = toHalfWidth(raw).trim();
  const m = /^(?:(.+?)[\sT]+)?(\d{1,2})[:：]?(\d{2})$/.exec(s);
  if (!m) return null;
  const date = m[1] ? parseLooseDate(m[1]) : day;
  const [h, min] = [Number(m[2]), Number(m[3])];
  if (!date || h > 23 || min > 59) return null;
  return `${date} ${String(h).padStart(2, '0')}:${m[3]}`;
}

// ---------------------------------------------------------------- an elevator's warnings on a day

/** What the warnings are computed from: the elevator and the dates of its signed-off records. */
export interface MaintenanceFacts {
  status: 'in_service' | 'stopped' | 'retired';
  intervalDays: number;
  lastRoutineOn: string | null;
  /** The day routine maintenance is next due (last + interval, from the database); '' without a record. */
  routineDueOn: string;
  firstRoutineOn: string | null;
  /** The last record of the level or a higher one (a yearly visit does the quarterly items too). */
  lastQuarterlyOn: string | null;
  lastHalfYearlyOn: string | null;
  lastYearlyOn: string | null;
  lastSelfInspectionOn: string | null;
  nextInspectionOn: string | null;
}

export type WarningCode = keyof typeof elevatorWarnings;
export interface ElevatorWarning {
  code: WarningCode;
  message: string;
}

const LEVELS = [
  ['季度', 3, 'lastQuarterlyOn'],
  ['半年', 6, 'lastHalfYearlyOn'],
  ['年度', 12, 'lastYearlyOn'],
] as const;

/** When each higher level falls due: months after its last record, or after the first routine record if none. */
export function levelsDue(f: MaintenanceFacts, today: string): { label: string; dueOn: string }[] {
  return LEVELS.flatMap(([label, months, key]) => {
    const since = f[key] ?? f.firstRoutineOn;
    const dueOn = since ? addMonths(since, months) : null;
    return dueOn && today >= dueOn ? [{ label, dueOn }] : [];
  });
}

/**
 * An elevator's warnings on `today` (only elevators in service have any). Routine maintenance is overdue once more
 * days than the interval have passed since the last signed-off routine record (15 days: day 15 is fine, day 16 is
 * not). Unsigned records do not count: they are what "假维保" looks like.
 */
export function elevatorWarningsOn(f: MaintenanceFacts, today: string, settings: ElevatorSettings): ElevatorWarning[] {
  if (f.status !== 'in_service') return [];
  const out: ElevatorWarning[] = [];
  if (f.routineDueOn < today) {
    out.push({
      code: 'maintenance_overdue',
      message: f.lastRoutineOn
        ? `距上次维保已 ${daysBetween(f.lastRoutineOn, today)} 天（间隔 ${f.intervalDays} 天）`
        : '还没有已签认的例行维保记录',
    });
  }
  for (const { label, dueOn } of levelsDue(f, today)) out.push({ code: 'level_due', message: `${label}维保 ${dueOn} 到期` });
  if (!f.lastSelfInspectionOn || f.lastSelfInspectionOn.slice(0, 4) !== today.slice(0, 4)) {
    out.push({ code: 'self_inspection_missing', message: `${today.slice(0, 4)} 年尚无自行检查记录` });
  }
  if (f.nextInspectionOn) {
    const days = daysBetween(today, f.nextInspectionOn);
    if (days < 0) out.push({ code: 'inspection_overdue', message: `下次检验日期 ${f.nextInspectionOn} 已过 ${-days} 天` });
    else if (days <= settings.inspectionWarnDays) out.push({ code: 'inspection_due', message: days === 0 ? `今天（${f.nextInspectionOn}）应定期检验` : `${days} 天后（${f.nextInspectionOn}）应定期检验` });
  }
  return out;
}

/** The last day an inspection may fall on and still be listed as due within the warning window. */
export const inspectionWindowEnd = (today: string, settings: ElevatorSettings): string => addDays(today, settings.inspectionWarnDays);
