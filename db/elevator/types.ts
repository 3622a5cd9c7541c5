/**
 * The row types of db/elevator/'s repositories, as the contract sends them to the window. Type-only and free of Node and
 * SQLite: the shared files import them, and the renderer's typecheck reads them (docs/architecture.md, layers).
 */

// elevators.ts

export type ElevatorType = 'passenger' | 'freight' | 'hydraulic' | 'escalator' | 'dumbwaiter' | 'other';

export type ElevatorStatus = 'in_service' | 'stopped' | 'retired';

export interface ElevatorFields {
  estateId: string;
  buildingId: string;
  unitNo: number | null;
  carLabel: string | null;
  regCode: string;
  deviceCode: string | null;
  useCertNo: string | null;
  rescuePhone: string | null;
  make: string | null;
  model: string | null;
  type: ElevatorType;
  floors: number | null;
  /** Rated speed in hundredths of a metre per second (1.75 m/s = 175). */
  speed: number | null;
  installedOn: string | null;
  maintainer: string | null;
  maintainerPhone: string | null;
  /** Price per month in integer fen. */
  contractPrice: number | null;
  contractStartsOn: string | null;
  contractEndsOn: string | null;
  status: ElevatorStatus;
  nextInspectionOn: string | null;
  intervalDays: number;
  note: string | null;
}

/** Where an elevator is, and its 注册代码: enough to name it where it is referred to (a fund entry's elevators). */
export interface ElevatorPlace {
  id: string;
  estateName: string;
  buildingName: string;
  unitNo: number | null;
  carLabel: string | null;
  regCode: string;
}

/** An elevator with its place's names and the dates of its signed-off records that its warnings are computed from. */
export interface ElevatorRow extends ElevatorFields {
  id: string;
  estateName: string;
  buildingName: string;
  lastRoutineOn: string | null;
  /** last routine + interval; '' without a signed-off routine record (due at once). */
  routineDueOn: string;
  firstRoutineOn: string | null;
  lastQuarterlyOn: string | null;
  lastHalfYearlyOn: string | null;
  lastYearlyOn: string | null;
  lastSelfInspectionOn: string | null;
  createdAt: string;
  updatedAt: string;
  operator: string;
}

// faults.ts

export type FaultCause = 'door' | 'human' | 'power' | 'control_circuit' | 'other';

/** Times are wall times `YYYY-MM-DD HH:MM` in the installation's time zone. */
export interface FaultFields {
  elevatorId: string;
  alarmAt: string;
  arrivedAt: string;
  releasedAt: string | null;
  peopleTrapped: number;
  cause: FaultCause;
  rescuer: string;
  note: string | null;
}

export interface FaultRow extends FaultFields {
  id: string;
  regCode: string;
  estateId: string;
  estateName: string;
  buildingName: string;
  unitNo: number | null;
  carLabel: string | null;
  /** Arrival − alarm, in whole minutes. */
  responseMinutes: number;
  /** Release − alarm, in whole minutes, when released. */
  trappedMinutes: number | null;
  createdAt: string;
  updatedAt: string;
  operator: string;
}

// maintenance.ts

export type MaintenanceKind =
  | 'half_monthly' | 'quarterly' | 'half_yearly' | 'yearly' | 'on_demand' | 'repair' | 'self_inspection' | 'periodic_inspection';

export type InspectionResult = 'pass' | 'pass_after_fix' | 'fail';

export interface MaintenanceFields {
  elevatorId: string;
  doneOn: string;
  kind: MaintenanceKind;
  result: InspectionResult | null;
  nextInspectionOn: string | null;
  company: string;
  worker1: string;
  worker2: string | null;
  /** Codes of the TSG T5002 items ticked (main/api/elevator/checklist.ts). */
  items: string[];
  findings: string | null;
  partsReplaced: string | null;
  /** The estate's safety manager who signed the record off, and when; a record counts only once signed. */
  signedBy: string | null;
  signedOn: string | null;
}

export interface MaintenanceRow extends MaintenanceFields {
  id: string;
  createdAt: string;
  updatedAt: string;
  operator: string;
}

// checklist-items.ts

/** The levels whose TSG T5002 items the street types in (tables A3 and A4). */
export type StreetChecklistLevel = 'half_yearly' | 'yearly';

export interface StreetChecklistItem {
  code: string;
  level: StreetChecklistLevel;
  name: string;
  /** No longer offered for new records; still named on the records that ticked it. */
  retired: boolean;
}

/** An item with the records that ticked it: one in use is retired, never deleted (设置 → 电梯维保项目). */
export type StreetChecklistItemUse = StreetChecklistItem & { inUse: number };
