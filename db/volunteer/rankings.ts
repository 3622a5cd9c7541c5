import type { Db } from '../open';
import { prefixRange, subtreeRange } from '../pinyin';
import type { MonthFigure, PeriodTotals, RankRow, UnitRankRow } from './types';
export type { MonthFigure, PeriodTotals, RankRow, UnitRankRow } from './types';

/**
 * Rankings and figures, read from the maintained totals only (never the ledger): a community's yearly ranking is
 * its volunteers' rows of points_totals, the district's an index walk of points_totals_rank; a unit's figures add
 * up points_org_totals over its subtree and the period's months.
 */

export interface RankFilter {
  year: number;
  /** 0: the whole year. */
  quarter: number;
  orgPath: string | null;
  offset: number;
  limit: number;
}

const PERSON = `CASE WHEN v.member_id IS NULL THEN v.name ELSE m.name END AS name,
  CASE WHEN v.member_id IS NULL THEN 'resident' ELSE 'member' END AS kind, o.id AS orgId, o.name AS orgName`;

/** People ranked by points earned in the period (redemptions do not lower a standing), ties sharing a rank. */
export function personRanking(db: Db, f: RankFilter): { rows: RankRow[]; total: number } {
  const scoped = f.orgPath !== null;
  const [lo, hi] = f.orgPath ? prefixRange(f.orgPath) : ['', ''];
  // A unit's volunteers first (volunteers_org), then each one's total by key; the whole district walks the
  // ranking index in order and stops at the page.
  const source = scoped
    ? `FROM orgs so CROSS JOIN volunteers sv ON sv.org_id = so.id
       CROSS JOIN points_totals t ON t.volunteer_id = sv.id AND t.year = ? AND t.quarter = ?
       WHERE so.path >= ? AND so.path < ? AND t.earned <> 0`
    : `FROM points_totals t INDEXED BY points_totals_rank WHERE t.year = ? AND t.quarter = ? AND t.earned <> 0`;
  const args = scoped ? [f.year, f.quarter, lo, hi] : [f.year, f.quarter];
  const columns = 'SELECT t.volunteer_id AS volunteerId, t.base, t.service, t.contribution, t.earned, t.hours_tenths AS hours';
  type Scored = Omit<RankRow, 'rank' | 'name' | 'kind' | 'orgName'>;
  let page: Scored[];
  let total: number;
  let ahead: number;
  if (scoped) {
    // A unit's few hundred volunteers in one pass: count, rank and page from the same rows.
    const all = db.prepare(`${columns} ${source} ORDER BY t.earned DESC, t.volunteer_id`).all(...args) as Scored[];
    total = all.length;
    page = all.slice(f.offset, f.offset + f.limit);
    ahead = page.length ? all.findIndex((r) => r.earned === page[0]!.earned) : 0;
  } else {
    // The period's count is kept (points_rank_counts, migration 038): counting the index walked 115k rows.
    total = (db.prepare('SELECT ranked FROM points_rank_counts WHERE year = ? AND quarter = ?').get(...args) as { ranked: number } | undefined)?.ranked ?? 0;
    page = db.prepare(`${columns} ${source} ORDER BY t.earned DESC, t.volunteer_id LIMIT ? OFFSET ?`).all(...args, f.limit, f.offset) as Scored[];
    // Nobody is ahead of the first page's first row; a later page counts those ahead of it.
    ahead = page.length && f.offset > 0 ? (db.prepare(`SELECT COUNT(*) AS n ${source} AND t.earned > ?`).get(...args, page[0]!.earned) as { n: number }).n : 0;
  }
  if (page.length === 0) return { rows: [], total };
  const who = db.prepare(`SELECT ${PERSON} FROM volunteers v JOIN orgs o ON o.id = v.org_id LEFT JOIN members m ON m.id = v.member_id WHERE v.id = ?`);
  let rank = ahead + 1;
  const rows = page.map((r, i) => {
    if (i > 0 && r.earned < page[i - 1]!.earned) rank = f.offset + i + 1;
    return { ...r, rank, ...(who.get(r.volunteerId) as Pick<RankRow, 'name' | 'kind' | 'orgName'>) };
  });
  return { rows, total };
}

export const monthsOf = (quarter: number): [number, number] => (quarter === 0 ? [1, 12] : [quarter * 3 - 2, quarter * 3]);

const SUMS = `COALESCE(SUM(t.base), 0) AS base, COALESCE(SUM(t.service), 0) AS service,
  COALESCE(SUM(t.contribution), 0) AS contribution, COALESCE(SUM(t.redeemed), 0) AS redeemed,
  COALESCE(SUM(t.base + t.service + t.contribution), 0) AS earned, COALESCE(SUM(t.hours_tenths), 0) AS hours`;

/**
 * Points and hours earned over a year or quarter, by where each entry was earned: in a unit's subtree (its units,
 * then each unit's months by points_org_totals_org), or everywhere (one range of the period-clustered table).
 */
export function subtreeTotals(db: Db, path: string | null, year: number, quarter: number): PeriodTotals {
  const [m1, m2] = monthsOf(quarter);
  if (path === null) {
    return db.prepare(`SELECT ${SUMS} FROM points_org_totals t WHERE t.year = ? AND t.month BETWEEN ? AND ?`).get(year, m1, m2) as PeriodTotals;
  }
  const [lo, hi] = prefixRange(path);
  return db
    .prepare(
      `SELECT ${SUMS} FROM orgs o CROSS JOIN points_org_totals t ON t.org_id = o.id AND t.year = ? AND t.month BETWEEN ? AND ?
       WHERE o.path >= ? AND o.path < ?`,
    )
    .get(year, m1, m2, lo, hi) as PeriodTotals;
}

/** A subtree's paths end before this (prefixRange's upper bound, joined to each unit's path in SQL). */
const SUBTREE_END = prefixRange('')[1];

/**
 * Branches or communities (within a subtree, or all) ranked by points earned in the period: each ranked unit adds
 * up the kept year or quarter totals (points_unit_totals) of the units of its subtree as the tree stands now —
 * one lookup per unit, summed in SQL (the months of 28,890 unit-months were added up in JS).
 */
export function unitRanking(db: Db, level: 'branch' | 'community_committee', withinPath: string | null, year: number, quarter: number): UnitRankRow[] {
  const [lo, hi] = subtreeRange(withinPath);
  const rows = db
    .prepare(
      `SELECT u.id AS orgId, u.name, (SELECT p.name FROM orgs p WHERE p.id = u.parent_id) AS parentName, 0 AS rank,
              ${SUMS}
       FROM orgs u CROSS JOIN orgs d ON d.path >= u.path AND d.path < u.path || ?
       LEFT JOIN points_unit_totals t ON t.org_id = d.id AND t.year = ? AND t.quarter = ?
       WHERE u.level = ? AND u.status = 'active' AND u.path >= ? AND u.path < ?
       GROUP BY u.id`,
    )
    .all(SUBTREE_END, year, quarter, level, lo, hi) as UnitRankRow[];
  const ranked = rows.sort((a, b) => b.earned - a.earned || a.name.localeCompare(b.name, 'zh-CN'));
  ranked.forEach((r, i) => (r.rank = i > 0 && r.earned === ranked[i - 1]!.earned ? ranked[i - 1]!.rank : i + 1));
  return ranked;
}

/**
 * The twelve months ending with `lastMonth` (YYYY-MM), for a subtree or everything. Twelve months span at most two
 * calendar years: two ranges of the (year, month, org) key, grouped in key order so no sorter is needed. A
 * subtree's months are found unit by unit (points_org_totals_org): the two key ranges read every unit's months of
 * the district, 50 ms for a community's dashboard.
 */
export function monthlySeries(db: Db, orgPath: string | null, lastMonth: string): MonthFigure[] {
  const end = Number(lastMonth.slice(0, 4)) * 12 + Number(lastMonth.slice(5, 7)) - 1;
  const months = Array.from({ length: 12 }, (_, i) => end - 11 + i);
  const key = (n: number) => `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
  const first = months[0]!;
  const period = '((t.year = ? AND t.month >= ?) OR (t.year = ? AND t.month <= ?))';
  const periodArgs = [Math.floor(first / 12), (first % 12) + 1, Math.floor(end / 12), (end % 12) + 1];
  const [lo, hi] = orgPath ? prefixRange(orgPath) : ['', ''];
  const sql = orgPath
    ? `SELECT t.year, t.month, ${SUMS} FROM orgs o CROSS JOIN points_org_totals t INDEXED BY points_org_totals_org ON t.org_id = o.id
       WHERE o.path >= ? AND o.path < ? AND ${period} GROUP BY t.year, t.month`
    : `SELECT t.year, t.month, ${SUMS} FROM points_month_totals t WHERE ${period} GROUP BY t.year, t.month`;
  const rows = db.prepare(sql).all(...(orgPath ? [lo, hi, ...periodArgs] : periodArgs)) as (PeriodTotals & { year: number; month: number })[];
  const found = new Map(rows.map(({ year, month, ...r }) => [year * 12 + month - 1, r]));
  const none: PeriodTotals = { base: 0, service: 0, contribution: 0, redeemed: 0, earned: 0, hours: 0 };
  return months.map((n) => ({ month: key(n), ...(found.get(n) ?? none) }));
}

/** A year's totals from the monthly figures that cover it (the dashboard has both at hand). */
export function yearFromMonths(months: MonthFigure[], year: number): PeriodTotals {
  const sum: PeriodTotals = { base: 0, service: 0, contribution: 0, redeemed: 0, earned: 0, hours: 0 };
  for (const m of months.filter((x) => x.month.startsWith(`${year}-`))) {
    for (const k of Object.keys(sum) as (keyof PeriodTotals)[]) sum[k] += m[k];
  }
  return sum;
}

/** The points a person earned in a year (quarter 0) or one of its quarters, from the maintained totals. */
export function earnedIn(db: Db, volunteerId: string, year: number, quarter: number): number {
  const row = db.prepare('SELECT earned FROM points_totals WHERE volunteer_id = ? AND year = ? AND quarter = ?').get(volunteerId, year, quarter) as
    | { earned: number }
    | undefined;
  return row?.earned ?? 0;
}
