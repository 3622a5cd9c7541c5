import { z } from 'zod';
import { todayIso } from '../common/calendar';
import { chosen, id, optionalText } from '../common/fields';
import { yuanField } from '../common/money';
import type { Share } from '../common/rates';

/**
 * Satisfaction surveys and fee collection (满意度调查 · 物业费收缴): the periods they are reported for, what each
 * rate is a share of, and the inputs of the entry grids. Pure (runs in the renderer too).
 *
 * The period is a **quarter** ('2026-Q3'). Offices report collection per period and assessments come round by
 * quarter; the service-grade standard's yearly survey (reach ≥ 70% of households a year) is the sum of the
 * quarters it was done in, and a year's rate is Σ over its quarters — a quarter sums up, a month would be more
 * typing than any source asks for and a year alone could not show a trend such as 凯乐花园's 46% → 94%.
 */

export type Period = `${number}-Q${1 | 2 | 3 | 4}`;

const PERIOD = /^(\d{4})-Q([1-4])$/;

export const isPeriod = (v: string): v is Period => PERIOD.test(v);

/** The quarter a day falls in: 2026-08-31 → 2026-Q3. */
export const quarterOf = (day: string): Period => `${Number(day.slice(0, 4))}-Q${(Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1) as 1 | 2 | 3 | 4}`;

/** n quarters later (earlier when negative): 2026-Q1 − 1 = 2025-Q4. */
export function shiftQuarter(p: Period, n: number): Period {
  const [, y, q] = PERIOD.exec(p)!;
  const index = Number(y) * 4 + Number(q) - 1 + n;
  return `${Math.floor(index / 4)}-Q${((index % 4) + 1) as 1 | 2 | 3 | 4}`;
}

/** The last `n` quarters up to and including `last`, oldest first. */
export const quartersUpTo = (last: Period, n: number): Period[] => Array.from({ length: n }, (_, i) => shiftQuarter(last, i - n + 1));

/** 2026-Q3 → 2026年第3季度 (tables, notices); short: 26年Q3 (a chart's axis). */
export const periodLabel = (p: string): string => (isPeriod(p) ? `${p.slice(0, 4)}年第${p.slice(-1)}季度` : p);
export const periodShort = (p: string): string => (isPeriod(p) ? `${p.slice(2, 4)}年Q${p.slice(-1)}` : p);

/** The quarter offices report on now: the last one that has ended. */
export const reportingQuarter = (today: string): Period => shiftQuarter(quarterOf(today), -1);

/** A survey is expected at least once in this many quarters (the 一级 standard surveys households yearly). */
export const SURVEY_EVERY_QUARTERS = 4;

/** The service-grade (一级) standard: satisfaction ≥ 90%, at least 70% of households reached in a year. */
export const SATISFACTION_TARGET_PERCENT = 90;
export const COVERAGE_TARGET_PERCENT = 70;

// ---------------------------------------------------------------- what the rates are shares of

export interface SurveyCounts {
  households: number;
  sampleSize: number;
  reached: number;
  satisfied: number;
  mostlySatisfied: number;
  unsatisfied: number;
}

/**
 * 满意率 = (满意 + 基本满意) / 有效问卷. The sources name the three answers (满意 / 基本满意 / 不满意, as residents
 * rate a resolution) but not the formula; counting 基本满意 as satisfied is how Chinese satisfaction rates are
 * usually reported, and the counts are kept so the strict share (满意 alone) can always be shown beside it.
 */
export const satisfactionShare = (s: Pick<SurveyCounts, 'satisfied' | 'mostlySatisfied' | 'reached'>): Share => ({
  num: s.satisfied + s.mostlySatisfied,
  den: s.reached,
});

/** 覆盖率 = households reached / households of the estate. */
export const coverageShare = (s: Pick<SurveyCounts, 'reached' | 'households'>): Share => ({ num: s.reached, den: s.households });

export interface FeeAmounts {
  receivableFen: number;
  unpaidFen: number;
}

/** 收缴率 = (应收 − 未缴) / 应收 for the period; 清欠 (arrears of earlier periods collected now) is not in it. */
export const collectionShare = (f: FeeAmounts): Share => ({ num: f.receivableFen - f.unpaidFen, den: f.receivableFen });

// ---------------------------------------------------------------- inputs

const issueAt = (ctx: z.RefinementCtx, path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

export const period = z
  .string({ error: '请选择统计季度' })
  .superRefine((p, ctx) => {
    const problem = !isPeriod(p) ? '统计季度应写作 2026-Q3' : p < '2000-Q1' ? '统计季度不早于 2000 年' : p > quarterOf(todayIso()) ? '统计季度不能晚于本季度' : null;
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((p) => p as Period);

const count = (label: string, min: number) =>
  z.number({ error: `请填写${label}` }).int(`${label}应为整数`).min(min, `${label}至少为 ${min}`).max(1_000_000, `${label}不超过 1,000,000`);

export const SurveyFigures = z
  .object({
    estateId: chosen('小区'),
    households: count('总户数', 1),
    sampleSize: count('抽样户数', 1),
    reached: count('有效问卷', 1),
    satisfied: count('满意', 0),
    mostlySatisfied: count('基本满意', 0),
    unsatisfied: count('不满意', 0),
    note: optionalText('备注', 200),
  })
  .superRefine((s, ctx) => {
    if (s.sampleSize > s.households) issueAt(ctx, ['sampleSize'], `抽样户数不能超过总户数（${s.households} 户）`);
    if (s.reached > s.sampleSize) issueAt(ctx, ['reached'], `有效问卷不能超过抽样户数（${s.sampleSize} 户）`);
    const answers = s.satisfied + s.mostlySatisfied + s.unsatisfied;
    if (answers !== s.reached) issueAt(ctx, ['unsatisfied'], `满意、基本满意、不满意合计 ${answers} 份，应等于有效问卷 ${s.reached} 份`);
  });

const nonNegative = (label: string) => yuanField(label).refine((v) => v >= 0, `${label}不能为负数`);

export const FeeFigures = z
  .object({
    estateId: chosen('小区'),
    receivableFen: yuanField('应收金额').refine((v) => v > 0, '应收金额应大于 0'),
    unpaidFen: nonNegative('未缴金额'),
    /** Arrears of earlier periods collected in this one (清欠); left empty: none. */
    arrearsCollectedFen: z
      .string()
      .nullish()
      .transform((s) => (s?.trim() ? s : '0'))
      .pipe(nonNegative('清欠金额')),
    note: optionalText('备注', 200),
  })
  .superRefine((f, ctx) => {
    if (f.unpaidFen > f.receivableFen) issueAt(ctx, ['unpaidFen'], '未缴金额不能超过应收金额');
  });

/** One estate once per period and grid. */
const oncePerEstate = (rows: { estateId: string }[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    if (seen.has(r.estateId)) issueAt(ctx, ['rows', i, 'estateId'], '同一小区在一个季度只登记一次');
    seen.add(r.estateId);
  });
};

/** A period's figures for several estates at once (the entry grid); estates not listed are left as they are. */
export const SaveSurveys = z.object({ period, rows: z.array(SurveyFigures).max(2000) }).superRefine((v, ctx) => oncePerEstate(v.rows, ctx));
export const SaveFees = z.object({ period, rows: z.array(FeeFigures).max(2000) }).superRefine((v, ctx) => oncePerEstate(v.rows, ctx));

export const PeriodQuery = z.object({ period, communityId: id.nullish().transform((v) => v ?? null) });
export const EstateTrendQuery = z.object({ estateId: chosen('小区') });
