/**
 * The reporting period of a submission. Monthly for now (月上报); registers that count by quarter (组织生活)
 * read the quarter the month falls in, up to the month's end.
 */
export interface Period {
  /** `2026-11` */
  key: string;
  year: number;
  month: number;
  quarter: number;
  /** First and last day of the month, `YYYY-MM-DD`. */
  from: string;
  to: string;
  /** First day of the quarter the month is in. */
  quarterFrom: string;
  /** `2026年11月` */
  label: string;
}

export const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

const pad = (n: number) => String(n).padStart(2, '0');

export function monthPeriod(key: string): Period {
  const m = PERIOD_PATTERN.exec(key);
  if (!m) throw new Error(`not a month period: ${key}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const quarter = Math.floor((month - 1) / 3) + 1;
  return {
    key,
    year,
    month,
    quarter,
    from: `${key}-01`,
    to: `${key}-${pad(lastDay)}`,
    quarterFrom: `${year}-${pad((quarter - 1) * 3 + 1)}-01`,
    label: `${year}年${month}月`,
  };
}

export const quarterLabel = (p: Period): string => `${p.year}年第${'一二三四'[p.quarter - 1]}季度`;

/** `2026-11-22` → `2026年11月22日`, as printed documents write dates. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
