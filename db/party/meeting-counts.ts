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
