import type { ElevatorStatus, ElevatorType, FaultCause, InspectionResult, MaintenanceKind } from '../../../db/elevator/types';

/** Chinese names of the elevator register's codes: one catalogue for forms, tables, exports and errors. */

export const elevatorTypes = {
  passenger: '曳引驱动乘客电梯',
  freight: '载货电梯',
  hydraulic: '液压驱动电梯',
  escalator: '自动扶梯/人行道',
  dumbwaiter: '杂物电梯',
  other: '其他',
} as const satisfies Record<ElevatorType, string>;

export const elevatorStatuses = { in_service: '在用', stopped: '停用', retired: '报废' } as const satisfies Record<ElevatorStatus, string>;

/** The routine levels of TSG T5002 and 按需维保 (a contract interval); then the other kinds of record. */
/** The levels whose TSG T5002 tables the street types in (A3, A4): 设置 → 电梯维保项目. */
export const streetChecklistLevels = { half_yearly: '半年维保', yearly: '年度维保' } as const;

export const maintenanceKinds = {
  half_monthly: '半月维保',
  quarterly: '季度维保',
  half_yearly: '半年维保',
  yearly: '年度维保',
  on_demand: '按需维保',
  repair: '维修',
  self_inspection: '自行检查',
  periodic_inspection: '定期检验',
} as const satisfies Record<MaintenanceKind, string>;

export const inspectionResults = { pass: '合格', pass_after_fix: '整改后合格', fail: '不合格' } as const satisfies Record<InspectionResult, string>;

export const faultCauses = {
  door: '门系统故障',
  human: '人为因素',
  power: '停电',
  control_circuit: '控制或安全回路故障',
  other: '其他',
} as const satisfies Record<FaultCause, string>;

/** Where the street is: the rescue limit follows from it (30 minutes in a city with districts, 60 elsewhere). */
export const rescueAreas = { city_district: '设区的市（30 分钟）', other: '其他地区（60 分钟）' } as const;

/** The warnings an elevator can carry on a day (main/api/elevator/rules.ts). */
export const elevatorWarnings = {
  maintenance_overdue: '维保逾期',
  level_due: '季度/半年/年度维保到期',
  self_inspection_missing: '本年度未自检',
  inspection_due: '定期检验将到期',
  inspection_overdue: '定期检验已过期',
} as const;
