import type { MaintainedTotals } from '../reconcile';

/** org_meeting_months (migration 037, kept by triggers on meetings) and how it is recomputed from the meetings. */
export const ORG_MEETING_MONTHS: MaintainedTotals = {
  table: 'org_meeting_months',
  label: '各组织每月会议次数',
  keys: [
    { column: 'month', label: '月份' },
    { column: 'org_id', label: '组织', nameSql: 'SELECT name FROM orgs WHERE id = ?' },
    { column: 'type', label: '会议类型' },
  ],
  values: [{ column: 'n', label: '次数' }],
  source: `SELECT substr(held_on, 1, 7) AS month, org_id, type, COUNT(*) AS n FROM meetings
    GROUP BY substr(held_on, 1, 7), org_id, type`,
  sourceTable: 'meetings',
  // The triggers count down to 0 and keep the row.
  empty: 'n = 0',
};

/** `2026-11` → `2026-Q4`, in SQL (the quarter key of org_quarter_meetings). */
export const quarterOfMonthSql = (month: string) => `substr(${month}, 1, 4) || '-Q' || ((CAST(substr(${month}, 6, 2) AS INTEGER) + 2) / 3)`;
/** A month's place in its quarter, 0–2, in SQL: which of org_quarter_meetings' three columns it counts in. */
export const slotOfMonthSql = (month: string) => `((CAST(substr(${month}, 6, 2) AS INTEGER) - 1) % 3)`;

const slots = (expr: (slot: number) => string) => [0, 1, 2].map(expr).join(', ');
const VALUE_COLUMNS = ['n', 'c', 'cn'].flatMap((c) => [1, 2, 3].map((i) => `${c}${i}`));

/**
 * org_quarter_meetings (migration 045, kept by triggers on org_meeting_months and orgs) recomputed from the monthly
 * counts: each unit's own months, and its active children's months under it. Listed after org_meeting_months in the
 * reconciliation: a repair of that table's rows reaches this one through the triggers first.
 */
export const ORG_QUARTER_MEETINGS: MaintainedTotals = {
  table: 'org_quarter_meetings',
  label: '各支部每季度会议次数',
  keys: [
    { column: 'quarter', label: '季度' },
    { column: 'org_id', label: '组织', nameSql: 'SELECT name FROM orgs WHERE id = ?' },
    { column: 'type', label: '会议类型' },
  ],
  values: [
    ...[1, 2, 3].map((i) => ({ column: `n${i}`, label: `本组织第 ${i} 个月次数` })),
    ...[1, 2, 3].map((i) => ({ column: `c${i}`, label: `第 ${i} 个月开会的下级组织数` })),
    ...[1, 2, 3].map((i) => ({ column: `cn${i}`, label: `下级组织第 ${i} 个月次数` })),
  ],
  source: `SELECT quarter, unit AS org_id, type, ${slots((s) => `sum(own * (slot = ${s}) * n)`)},
      ${slots((s) => `sum((1 - own) * (slot = ${s} AND n > 0))`)}, ${slots((s) => `sum((1 - own) * (slot = ${s}) * n)`)}
    FROM (SELECT ${quarterOfMonthSql('k.month')} AS quarter, ${slotOfMonthSql('k.month')} AS slot, k.org_id AS unit, k.type, k.n, 1 AS own
          FROM org_meeting_months k
          UNION ALL
          SELECT ${quarterOfMonthSql('k.month')}, ${slotOfMonthSql('k.month')}, u.parent_id, k.type, k.n, 0
          FROM org_meeting_months k JOIN orgs u ON u.id = k.org_id WHERE u.status = 'active' AND u.parent_id IS NOT NULL)
    GROUP BY quarter, unit, type HAVING sum(n) > 0`,
  sourceTable: 'meetings',
  // The triggers count down to 0 and keep the row.
  empty: VALUE_COLUMNS.map((c) => `${c} = 0`).join(' AND '),
};
