import type { Db } from '../open';
import type { ElevatorStatus, ElevatorType, FaultCause, InspectionResult, MaintenanceKind } from './types';
import { ROUTINE_KINDS_SQL } from './routine';

/**
 * The elevator register's records as they leave the installation (registers, data packages): ids kept, places by
 * name. Dates an elevator's warnings come from are taken as at the period's end (`asOf`), from signed-off records
 * only, so a November package says what was true on 30 November. `communityId` limits them to one community's
 * estates; null is everything.
 */

export interface ElevatorExport {
  id: string;
  estateId: string;
  estateName: string;
  community: string;
  buildingName: string;
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
  /** Hundredths of a metre per second. */
  speed: number | null;
  installedOn: string | null;
  maintainer: string | null;
  /** Fen per month. */
  contractPrice: number | null;
  contractStartsOn: string | null;
  contractEndsOn: string | null;
  status: ElevatorStatus;
  intervalDays: number;
  /** As printed on the certificate (entered, not computed). */
  nextInspectionOn: string | null;
  /** The last signed-off routine record on or before `asOf`, and the day the next one is due (last + interval). */
  lastRoutineOn: string | null;
  routineDueOn: string | null;
  lastSelfInspectionOn: string | null;
  lastInspectionOn: string | null;
  updatedAt: string;
}

export interface MaintenanceExport {
  id: string;
  elevatorId: string;
  regCode: string;
  estateName: string;
  community: string;
  doneOn: string;
  kind: MaintenanceKind;
  result: InspectionResult | null;
  company: string;
  workers: string;
  findings: string | null;
  partsReplaced: string | null;
  signedBy: string | null;
  signedOn: string | null;
  updatedAt: string;
}

export interface FaultExport {
  id: string;
  elevatorId: string;
  regCode: string;
  estateName: string;
  community: string;
  alarmAt: string;
  /** The alarm's day, for coverage by date. */
  onDate: string;
  arrivedAt: string;
  releasedAt: string | null;
  responseMinutes: number;
  peopleTrapped: number;
  cause: FaultCause;
  rescuer: string;
  updatedAt: string;
}

const lastSigned = (kinds: string) =>
  `(SELECT MAX(m.done_on) FROM elevator_maintenance m WHERE m.elevator_id = e.id AND m.kind IN (${kinds})
     AND m.signed_on IS NOT NULL AND m.signed_on <= $asOf)`;

const PLACES = `JOIN places es ON es.id = e.estate_id JOIN places c ON c.id = es.parent_id`;
const SCOPE = `($community IS NULL OR es.parent_id = $community)`;

export function exportElevators(db: Db, communityId: string | null, asOf: string): ElevatorExport[] {
  const rows = db
    .prepare(
      `SELECT e.id, e.estate_id AS estateId, es.name AS estateName, c.name AS community, b.name AS buildingName,
              e.unit_no AS unitNo, e.car_label AS carLabel, e.reg_code AS regCode, e.device_code AS deviceCode,
              e.use_cert_no AS useCertNo, e.rescue_phone AS rescuePhone, e.make, e.model, e.type, e.floors,
              e.speed_cms AS speed, e.installed_on AS installedOn, e.maintainer, e.contract_fen_month AS contractPrice,
              e.contract_starts_on AS contractStartsOn, e.contract_ends_on AS contractEndsOn, e.status,
              e.interval_days AS intervalDays, e.next_inspection_on AS nextInspectionOn,
              ${lastSigned(ROUTINE_KINDS_SQL)} AS lastRoutineOn,
              ${lastSigned("'self_inspection'")} AS lastSelfInspectionOn,
              ${lastSigned("'periodic_inspection'")} AS lastInspectionOn,
              e.updated_at AS updatedAt
       FROM elevators e ${PLACES} JOIN places b ON b.id = e.building_id
       WHERE ${SCOPE} ORDER BY c.name, es.name, b.name, e.unit_no, e.car_label, e.id`,
    )
    .all({ asOf, community: communityId }) as Omit<ElevatorExport, 'routineDueOn'>[];
  return rows.map((r) => ({ ...r, routineDueOn: r.lastRoutineOn && addDays(r.lastRoutineOn, r.intervalDays) }));
}

const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Maintenance records done in from..to. */
export function exportMaintenance(db: Db, communityId: string | null, from: string, to: string): MaintenanceExport[] {
  return db
    .prepare(
      `SELECT m.id, m.elevator_id AS elevatorId, e.reg_code AS regCode, es.name AS estateName, c.name AS community,
              m.done_on AS doneOn, m.kind, m.result, m.company, m.worker1 || COALESCE('、' || m.worker2, '') AS workers,
              m.findings, m.parts_replaced AS partsReplaced, m.signed_by AS signedBy, m.signed_on AS signedOn, m.updated_at AS updatedAt
       FROM elevator_maintenance m JOIN elevators e ON e.id = m.elevator_id ${PLACES}
       WHERE m.done_on BETWEEN $from AND $to AND ${SCOPE} ORDER BY m.done_on, es.name, e.reg_code, m.id`,
    )
    .all({ from, to, community: communityId }) as MaintenanceExport[];
}

/** Faults and entrapments whose alarm fell in from..to. */
export function exportFaults(db: Db, communityId: string | null, from: string, to: string): FaultExport[] {
  return db
    .prepare(
      `SELECT f.id, f.elevator_id AS elevatorId, e.reg_code AS regCode, es.name AS estateName, c.name AS community,
              f.alarm_at AS alarmAt, substr(f.alarm_at, 1, 10) AS onDate, f.arrived_at AS arrivedAt, f.released_at AS releasedAt,
              f.response_minutes AS responseMinutes, f.people_trapped AS peopleTrapped, f.cause, f.rescuer, f.updated_at AS updatedAt
       FROM elevator_faults f JOIN elevators e ON e.id = f.elevator_id ${PLACES}
       WHERE substr(f.alarm_at, 1, 10) BETWEEN $from AND $to AND ${SCOPE} ORDER BY f.alarm_at, f.id`,
    )
    .all({ from, to, community: communityId }) as FaultExport[];
}
