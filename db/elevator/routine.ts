import type { MaintainedTotals } from '../reconcile';

/**
 * What counts as routine maintenance, as SQL (main/api/elevator/labels.ts, maintenanceKinds): the levels of TSG T5002
 * and 按需. Migration 011's triggers keep their own copy, as a migration keeps what it was written with.
 */
export const ROUTINE_KINDS_SQL = `'half_monthly', 'quarterly', 'half_yearly', 'yearly', 'on_demand'`;

/**
 * `elevators.last_routine_on` (migration 011, kept by triggers on elevator_maintenance): the day of an elevator's last
 * signed-off routine record. The overdue list and 电梯档案's 上次维保 read it, so 核对数据 holds it to the records.
 */
export const ELEVATOR_LAST_ROUTINE: MaintainedTotals = {
  table: 'elevators',
  label: '电梯上次维保日期',
  keys: [{ column: 'id', label: '电梯', nameSql: 'SELECT reg_code AS name FROM elevators WHERE id = ?' }],
  values: [{ column: 'last_routine_on', label: '上次维保' }],
  source: `SELECT e.id, (SELECT MAX(m.done_on) FROM elevator_maintenance m WHERE m.elevator_id = e.id
    AND m.kind IN (${ROUTINE_KINDS_SQL}) AND m.signed_on IS NOT NULL) AS last_routine_on FROM elevators e`,
  sourceTable: 'elevator_maintenance',
  inRow: true,
};
