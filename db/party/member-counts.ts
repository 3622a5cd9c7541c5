import type { MaintainedTotals } from '../reconcile';

/** org_member_counts (migration 003, kept by triggers on members) and how it is recomputed from the register. */
export const ORG_MEMBER_COUNTS: MaintainedTotals = {
  table: 'org_member_counts',
  label: '各组织党员人数',
  keys: [
    { column: 'org_id', label: '组织', nameSql: 'SELECT name FROM orgs WHERE id = ?' },
    { column: 'category', label: '类别' },
    { column: 'status', label: '状态' },
    { column: 'is_centre_household', label: '党员中心户' },
  ],
  values: [{ column: 'n', label: '人数' }],
  source: `SELECT org_id, category, status, is_centre_household, COUNT(*) AS n FROM members
    WHERE lifecycle = 'active' GROUP BY org_id, category, status, is_centre_household`,
  sourceTable: 'members',
  // The triggers count down to 0 and keep the row.
  empty: 'n = 0',
};
