import type { MaintainedTotals } from '../reconcile';
import type { TotalsColumn } from '../types';

/**
 * The points ledger's maintained totals (kept per entry by addToTotals in ledger.ts), each with the SELECT that
 * recomputes it from points_entries: for the reconciliation (db/reconcile.ts) and the rebuild after a bulk load.
 */

const sumOf = (category: string) => `SUM(CASE category WHEN '${category}' THEN amount ELSE 0 END)`;
const SUMS = `${sumOf('base')} AS base, ${sumOf('service')} AS service, ${sumOf('contribution')} AS contribution,
  ${sumOf('redeem')} AS redeemed, SUM(hours_tenths) AS hours_tenths`;
const MONTH = 'CAST(substr(on_date, 6, 2) AS INTEGER)';

const VALUES: TotalsColumn[] = [
  { column: 'base', label: '基础分', tenths: true },
  { column: 'service', label: '服务分', tenths: true },
  { column: 'contribution', label: '贡献分', tenths: true },
  { column: 'redeemed', label: '兑换', tenths: true },
  { column: 'hours_tenths', label: '时长（小时）', tenths: true },
];
const YEAR = { column: 'year', label: '年度' };
const MONTH_KEY = { column: 'month', label: '月份' };

export const POINTS_TOTALS: readonly MaintainedTotals[] = [
  {
    table: 'points_totals',
    label: '志愿者积分合计（按年、季度）',
    keys: [
      {
        column: 'volunteer_id', label: '志愿者',
        nameSql: 'SELECT COALESCE(v.name, m.name) AS name FROM volunteers v LEFT JOIN members m ON m.id = v.member_id WHERE v.id = ?',
      },
      YEAR,
      { column: 'quarter', label: '季度（0 为全年）' },
    ],
    values: [...VALUES, { column: 'earned', label: '所得积分', tenths: true }],
    // Every entry counts in its year (quarter 0) and in its quarter.
    source: `SELECT volunteer_id, year, q AS quarter, ${SUMS}, SUM(CASE category WHEN 'redeem' THEN 0 ELSE amount END) AS earned
      FROM (SELECT volunteer_id, year, category, amount, hours_tenths, 0 AS q FROM points_entries
            UNION ALL SELECT volunteer_id, year, category, amount, hours_tenths, quarter FROM points_entries)
      GROUP BY volunteer_id, year, q`,
    sourceTable: 'points_entries',
  },
  {
    table: 'points_org_totals',
    label: '各组织积分合计（按月）',
    keys: [{ column: 'org_id', label: '组织', nameSql: 'SELECT name FROM orgs WHERE id = ?' }, YEAR, MONTH_KEY],
    values: VALUES,
    source: `SELECT org_id, year, ${MONTH} AS month, ${SUMS} FROM points_entries GROUP BY org_id, year, ${MONTH}`,
    sourceTable: 'points_entries',
  },
  {
    table: 'points_unit_totals',
    label: '各组织积分合计（按年、季度）',
    keys: [{ column: 'org_id', label: '组织', nameSql: 'SELECT name FROM orgs WHERE id = ?' }, YEAR, { column: 'quarter', label: '季度（0 为全年）' }],
    values: VALUES,
    source: `SELECT org_id, year, q AS quarter, ${SUMS}
      FROM (SELECT org_id, year, category, amount, hours_tenths, 0 AS q FROM points_entries
            UNION ALL SELECT org_id, year, category, amount, hours_tenths, quarter FROM points_entries)
      GROUP BY org_id, year, q`,
    sourceTable: 'points_entries',
  },
  {
    table: 'points_month_totals',
    label: '全部积分合计（按月）',
    keys: [YEAR, MONTH_KEY],
    values: VALUES,
    source: `SELECT year, ${MONTH} AS month, ${SUMS} FROM points_entries GROUP BY year, ${MONTH}`,
    sourceTable: 'points_entries',
  },
  // After points_totals, whose rows it counts (its triggers follow a rebuild of them).
  {
    table: 'points_rank_counts',
    label: '积分排行人数（按年、季度）',
    keys: [YEAR, { column: 'quarter', label: '季度（0 为全年）' }],
    values: [{ column: 'ranked', label: '上榜人数' }],
    source: 'SELECT year, quarter, COUNT(*) AS ranked FROM points_totals WHERE earned <> 0 GROUP BY year, quarter',
    // points_totals has no rowid to size it by; it grows with the ledger, whose size stands for it.
    sourceTable: 'points_entries',
    empty: 'ranked = 0',
  },
];

/** volunteer_counts (migration 038, kept by triggers on volunteers) recomputed from the register. */
export const VOLUNTEER_COUNTS: MaintainedTotals = {
  table: 'volunteer_counts',
  label: '各组织志愿者人数',
  keys: [
    { column: 'org_id', label: '组织', nameSql: 'SELECT name FROM orgs WHERE id = ?' },
    { column: 'is_member', label: '党员志愿者' },
    { column: 'active', label: '在册' },
  ],
  values: [{ column: 'n', label: '人数' }, { column: 'with_post', label: '已认岗' }],
  source: `SELECT org_id, member_id IS NOT NULL AS is_member, active, COUNT(*) AS n, COUNT(post_id) AS with_post
    FROM volunteers GROUP BY org_id, member_id IS NOT NULL, active`,
  sourceTable: 'volunteers',
  // The triggers count down to 0 and keep the row.
  empty: 'n = 0',
};

/** volunteer_linkable (migration 038, kept by triggers on volunteers and members): residents now party members. */
export const VOLUNTEER_LINKABLE: MaintainedTotals = {
  table: 'volunteer_linkable',
  label: '已入党待关联的居民志愿者',
  keys: [{ column: 'id', label: '行' }],
  values: [{ column: 'n', label: '人数' }],
  source: 'SELECT 1 AS id, COUNT(*) AS n FROM volunteers v JOIN members m ON m.id_number = v.id_number WHERE v.member_id IS NULL',
  sourceTable: 'volunteers',
};
