import { assessorBodies, scoringMethods } from './labels';

/**
 * Service-quality assessment (物业服务质量考评) as plain functions over integers: points are tenths (7.5 = 75),
 * rates tenths of a percent (95.5% = 955). Shared by the core, which stores what they compute, and the score
 * form, which shows the same numbers while the clerk types.
 */

export type ScoringMethod = keyof typeof scoringMethods;
export type AssessorBody = keyof typeof assessorBodies;

/** A sheet adds up to 100: the red and black list's thresholds (≥ 90, < 60) are on a 100-point scale. */
export const SHEET_TOTAL_TENTHS = 1000;

export interface ItemRule {
  method: ScoringMethod;
  pointsTenths: number;
  /** deduction: off for each finding. */
  perFindingTenths: number | null;
  /** band: full points at a rate ≥ this; bandPartTenths at ≥ bandPartPermille; 0 below. */
  bandFullPermille: number | null;
  bandPartPermille: number | null;
  bandPartTenths: number | null;
}

/** What the assessor entered for an item, by its method. */
export interface ItemEntry {
  met?: boolean | null;
  findings?: readonly string[];
  ratePermille?: number | null;
  vetoed?: boolean;
}

/**
 * An item's score, always between 0 and its standard: binary full or 0; deduction never below 0 however many
 * findings; band by the rate; veto carries no points (it decides the list, not the score).
 */
export function itemScore(item: ItemRule, entry: ItemEntry): number {
  switch (item.method) {
    case 'binary':
      return entry.met ? item.pointsTenths : 0;
    case 'deduction':
      return Math.max(0, item.pointsTenths - (entry.findings?.length ?? 0) * item.perFindingTenths!);
    case 'band': {
      const rate = entry.ratePermille ?? 0;
      if (rate >= item.bandFullPermille!) return item.pointsTenths;
      return rate >= item.bandPartPermille! ? item.bandPartTenths! : 0;
    }
    case 'veto':
      return 0;
  }
}

/** What an item still needs before the sheet can be saved: a binary answer, a rate, a veto's reason. */
export function entryProblem(item: ItemRule, entry: ItemEntry): string | null {
  if (item.method === 'binary' && (entry.met === null || entry.met === undefined)) return '请选择符合或不符合';
  if (item.method === 'band' && (entry.ratePermille === null || entry.ratePermille === undefined)) return '请填写比率';
  return null;
}

// ---------------------------------------------------------------- the template's totals

export interface TemplateShape {
  totalTenths: number;
  categories: readonly { name: string; pointsTenths: number; items: readonly { method: ScoringMethod; pointsTenths: number }[] }[];
}

export interface TotalProblem {
  /** Where the form shows it: `totalTenths` or `categories.2.pointsTenths`. */
  path: string;
  message: string;
}

const pts = (tenths: number) => String(tenths / 10);
const gapText = (sum: number, target: number) => (sum > target ? `多 ${pts(sum - target)} 分` : `少 ${pts(target - sum)} 分`);

/**
 * Why a template cannot be published: each category's items must add up to its points, the categories to the
 * sheet's total, and the total is 100. A sheet in circulation whose categories add up to 130 is refused with its
 * gap ("比总分多 30 分"), never scaled silently. Veto items carry no points and count in no sum.
 */
export function templateProblems(t: TemplateShape): TotalProblem[] {
  const problems: TotalProblem[] = [];
  if (t.totalTenths !== SHEET_TOTAL_TENTHS) {
    problems.push({ path: 'totalTenths', message: `考评表总分应为 ${pts(SHEET_TOTAL_TENTHS)} 分（红黑榜分数线按百分制），现为 ${pts(t.totalTenths)} 分` });
  }
  if (t.categories.length === 0) problems.push({ path: 'categories', message: '请至少设置一个考评类别' });
  t.categories.forEach((c, i) => {
    const sum = c.items.reduce((s, item) => s + item.pointsTenths, 0);
    if (c.items.length === 0) problems.push({ path: `categories.${i}.items`, message: `“${c.name}”还没有考评项目` });
    else if (sum !== c.pointsTenths) {
      problems.push({ path: `categories.${i}.pointsTenths`, message: `“${c.name}”各项合计 ${pts(sum)} 分，比类别分值 ${pts(c.pointsTenths)} 分${gapText(sum, c.pointsTenths)}` });
    }
  });
  const sum = t.categories.reduce((s, c) => s + c.pointsTenths, 0);
  if (t.categories.length > 0 && sum !== t.totalTenths) {
    problems.push({ path: 'totalTenths', message: `各类别合计 ${pts(sum)} 分，比总分 ${pts(t.totalTenths)} 分${gapText(sum, t.totalTenths)}` });
  }
  return problems;
}

// ---------------------------------------------------------------- several assessor bodies

/** The street, closest to the estates, weighs most; a body weighted 0 is scored but not counted (设置). */
export const DEFAULT_ASSESSOR_WEIGHTS: Readonly<Record<AssessorBody, number>> = {
  street: 30,
  residents_committee: 20,
  housing_bureau: 20,
  owners_committee: 20,
  third_party: 10,
};

/** a / b rounded half up, for a ≥ 0 and b > 0, in integers: (2a + b) div 2b. */
export const roundHalfUp = (a: number, b: number): number => Math.floor((2 * a + b) / (2 * b));

/**
 * The assessment's score from its bodies' sheets: Σ weight × total / Σ weight over the bodies that scored and
 * have a weight, in tenths of a point, rounded half up (90.05 → 90.1). Bodies that did not score do not pull the
 * score down: the weights of those that did are what is divided by. Null when no weighted body has scored.
 */
export function combinedScore(sheets: readonly { body: AssessorBody; totalTenths: number }[], weights: Readonly<Record<AssessorBody, number>>): number | null {
  let num = 0;
  let den = 0;
  for (const s of sheets) {
    const w = weights[s.body];
    num += w * s.totalTenths;
    den += w;
  }
  return den === 0 ? null : roundHalfUp(num, den);
}

// ---------------------------------------------------------------- ranking and the red and black list

/** Score thresholds (whole points: red ≥ 90, black < 60) or the top and bottom N of the ranking. */
export type ListRule = { mode: 'threshold'; redMinPoints: number; blackBelowPoints: number } | { mode: 'rank'; redTop: number; blackBottom: number };

export const DEFAULT_LIST_RULE: ListRule = { mode: 'threshold', redMinPoints: 90, blackBelowPoints: 60 };

export type Standing = 'red' | 'black' | 'none';

export interface RankInput {
  assessmentId: string;
  estateId: string;
  estateName: string;
  /** The estate's pinyin key: ties are listed in name order, the same order every time. */
  sortKey: string;
  companyId: string;
  companyName: string;
  scoreTenths: number;
  vetoed: boolean;
}

export interface RankedEntry extends RankInput {
  rank: number;
  standing: Standing;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The period's ranking: vetoed assessments after all others (一票否决 is black whatever the score), then by score;
 * equal scores share a rank (1, 2, 2, 4) and are listed by the estate's pinyin key, then id — no locale, no
 * clock, so the same scores give the same bytes. Standing by the rule: thresholds on the score, or the top N
 * (ties at the edge are all in) and the bottom N (those with fewer than N ranked below them). A veto is always
 * black; an entry in both the top and the bottom N of a short list is red.
 */
export function rankEntries(entries: readonly RankInput[], rule: ListRule): RankedEntry[] {
  const sorted = [...entries].sort(
    (a, b) => Number(a.vetoed) - Number(b.vetoed) || b.scoreTenths - a.scoreTenths || byCodeUnits(a.sortKey, b.sortKey) || byCodeUnits(a.assessmentId, b.assessmentId),
  );
  const same = (a: RankInput, b: RankInput) => a.vetoed === b.vetoed && a.scoreTenths === b.scoreTenths;
  const ranks: number[] = [];
  sorted.forEach((e, i) => ranks.push(i > 0 && same(sorted[i - 1]!, e) ? ranks[i - 1]! : i + 1));
  // How many are ranked strictly below each entry: the length less the end of its tie group.
  const below = sorted.map((e, i) => {
    let end = i;
    while (end + 1 < sorted.length && same(sorted[end + 1]!, e)) end++;
    return sorted.length - end - 1;
  });
  return sorted.map((e, i) => ({ ...e, rank: ranks[i]!, standing: standingOf(e, ranks[i]!, below[i]!, rule) }));
}

function standingOf(e: RankInput, rank: number, below: number, rule: ListRule): Standing {
  if (e.vetoed) return 'black';
  if (rule.mode === 'threshold') {
    if (e.scoreTenths >= rule.redMinPoints * 10) return 'red';
    return e.scoreTenths < rule.blackBelowPoints * 10 ? 'black' : 'none';
  }
  if (rank <= rule.redTop) return 'red';
  return below < rule.blackBottom ? 'black' : 'none';
}

/** The rule as a sentence for the page and the printed notice. */
export function ruleText(rule: ListRule): string {
  return rule.mode === 'threshold'
    ? `${rule.redMinPoints} 分及以上列入红榜，低于 ${rule.blackBelowPoints} 分列入黑榜；触发一票否决的列入黑榜`
    : `排名前 ${rule.redTop} 名列入红榜，后 ${rule.blackBottom} 名列入黑榜（并列的同进同出）；触发一票否决的列入黑榜`;
}

const QUARTERS = ['一', '二', '三', '四'];

/** 2026 → 2026年度, 2026-H2 → 2026年下半年, 2026-Q4 → 2026年第四季度, 2026-11 → 2026年11月. */
export function periodText(period: string): string {
  const [year, part] = period.split('-');
  if (!part) return `${year}年度`;
  if (part[0] === 'H') return `${year}年${part === 'H1' ? '上' : '下'}半年`;
  if (part[0] === 'Q') return `${year}年第${QUARTERS[Number(part[1]) - 1]}季度`;
  return `${year}年${Number(part)}月`;
}
