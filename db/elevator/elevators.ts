import type { Db } from '../open';
import { newId } from '../ids';
import { nowIso } from '../moment';
import { newStamps } from '../stamps';
import { Where } from '../where';
import { ROUTINE_KINDS_SQL } from './routine';
import type { ElevatorFields, ElevatorPlace, ElevatorRow, ElevatorStatus } from './types';
export type { ElevatorFields, ElevatorPlace, ElevatorRow, ElevatorStatus, ElevatorType } from './types';

/** The last signed-off record of these kinds (higher levels include the lower ones' items). */
const lastOf = (kinds: string) =>
  `(SELECT MAX(m.done_on) FROM elevator_maintenance m WHERE m.elevator_id = e.id AND m.kind IN (${kinds}) AND m.signed_on IS NOT NULL)`;

const SELECT = `
  SELECT e.id, e.estate_id AS estateId, es.name AS estateName, e.building_id AS buildingId, b.name AS buildingName,
         e.unit_no AS unitNo, e.car_label AS carLabel, e.reg_code AS regCode, e.device_code AS deviceCode,
         e.use_cert_no AS useCertNo, e.rescue_phone AS rescuePhone, e.make, e.model, e.type, e.floors,
         e.speed_cms AS speed, e.installed_on AS installedOn, e.maintainer, e.maintainer_phone AS maintainerPhone,
         e.contract_fen_month AS contractPrice, e.contract_starts_on AS contractStartsOn, e.contract_ends_on AS contractEndsOn,
         e.status, e.next_inspection_on AS nextInspectionOn, e.interval_days AS intervalDays,
         e.last_routine_on AS lastRoutineOn, e.routine_due_on AS routineDueOn,
         (SELECT MIN(m.done_on) FROM elevator_maintenance m WHERE m.elevator_id = e.id
            AND m.kind IN (${ROUTINE_KINDS_SQL}) AND m.signed_on IS NOT NULL) AS firstRoutineOn,
         ${lastOf("'quarterly', 'half_yearly', 'yearly'")} AS lastQuarterlyOn,
         ${lastOf("'half_yearly', 'yearly'")} AS lastHalfYearlyOn,
         ${lastOf("'yearly'")} AS lastYearlyOn,
         ${lastOf("'self_inspection'")} AS lastSelfInspectionOn,
         e.note, e.created_at AS createdAt, e.updated_at AS updatedAt, e.operator
  FROM elevators e
  JOIN places es ON es.id = e.estate_id
  JOIN places b ON b.id = e.building_id`;

export function getElevator(db: Db, id: string): ElevatorRow | undefined {
  return db.prepare(`${SELECT} WHERE e.id = ?`).get(id) as ElevatorRow | undefined;
}

export function findElevatorByRegCode(db: Db, regCode: string): { id: string } | undefined {
  return db.prepare('SELECT id FROM elevators WHERE reg_code = ?').get(regCode) as { id: string } | undefined;
}

/**
 * Of `ids`, those that are not elevators of the estate — of its building, when one is given — in the order given: a
 * fund entry may name only its account's.
 */
export function elevatorsNotOf(db: Db, estateId: string, buildingId: string | null, ids: readonly string[]): string[] {
  if (ids.length === 0) return [];
  const found = new Set(
    db
      .prepare(`SELECT id FROM elevators WHERE estate_id = ? AND (? IS NULL OR building_id = ?) AND id IN (${ids.map(() => '?').join(', ')})`)
      .pluck()
      .all(estateId, buildingId, buildingId, ...ids) as string[],
  );
  return ids.filter((id) => !found.has(id));
}

/** Where each of these elevators is, in the order given; an id not in the register is left out. */
export function elevatorPlaces(db: Db, ids: readonly string[]): ElevatorPlace[] {
  if (ids.length === 0) return [];
  const rows = db.prepare(
    `SELECT e.id, es.name AS estateName, b.name AS buildingName, e.unit_no AS unitNo, e.car_label AS carLabel, e.reg_code AS regCode
     FROM elevators e JOIN places es ON es.id = e.estate_id JOIN places b ON b.id = e.building_id
     WHERE e.id IN (${ids.map(() => '?').join(', ')})`,
  ).all(...ids) as ElevatorPlace[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export type ElevatorSort = 'place' | 'routine' | 'inspection';

/** Each written as its index in migration 041 states it, so a deep page walks the index. */
const SORTED: Record<Exclude<ElevatorSort, 'place'>, string> = {
  routine: 'e.last_routine_on, e.id',
  inspection: "COALESCE(e.next_inspection_on, '9999-12-31'), e.id",
};

export interface ElevatorFilter {
  estateId: string | null;
  /** One building's (a building's fund account picks its elevators); absent or null: every building. */
  buildingId?: string | null;
  status: ElevatorStatus | null;
  q: string;
  /**
   * The street-wide lists: routine maintenance due before `today` (overdue), or the next inspection on or before
   * `inspectionBy`. Each is written as its partial index states it (status = 'in_service'), so SQLite reads it.
   */
  warning: { kind: 'maintenance_overdue'; today: string } | { kind: 'inspection_due'; inspectionBy: string } | null;
  /** The list's own order (by place, or a warning's), 最近维保 (never first, then longest ago) or 下次检验 (soonest first). */
  sort: ElevatorSort;
  offset: number;
  limit: number;
}

export function listElevators(db: Db, f: ElevatorFilter): { rows: ElevatorRow[]; total: number } {
  const where = new Where();
  let order = 'es.name, b.name, e.unit_no, e.car_label, e.id';
  if (f.warning?.kind === 'maintenance_overdue') {
    where.add("e.status = 'in_service' AND e.routine_due_on < ?", f.warning.today);
    order = 'e.routine_due_on, e.id';
  } else if (f.warning?.kind === 'inspection_due') {
    where.add("e.status = 'in_service' AND e.next_inspection_on <= ?", f.warning.inspectionBy);
    order = 'e.next_inspection_on, e.id';
  }
  if (f.estateId) where.add('e.estate_id = ?', f.estateId);
  if (f.buildingId) where.add('e.building_id = ?', f.buildingId);
  if (f.status) where.add('e.status = ?', f.status);
  if (f.q) where.add('(instr(e.reg_code, ?) > 0 OR instr(b.name, ?) > 0 OR instr(es.name, ?) > 0)', f.q, f.q, f.q);
  if (f.sort !== 'place') order = SORTED[f.sort];
  const rows = db.prepare(`${SELECT} ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...where.args, f.limit, f.offset) as ElevatorRow[];
  const total = (db
    .prepare(`SELECT COUNT(*) AS n FROM elevators e JOIN places es ON es.id = e.estate_id JOIN places b ON b.id = e.building_id ${where.sql}`)
    .get(...where.args) as { n: number }).n;
  return { rows, total };
}

const COLUMNS = `estate_id, building_id, unit_no, car_label, reg_code, device_code, use_cert_no, rescue_phone, make, model,
  type, floors, speed_cms, installed_on, maintainer, maintainer_phone, contract_fen_month, contract_starts_on,
  contract_ends_on, status, next_inspection_on, interval_days, note`;
const values = (f: ElevatorFields) => [f.estateId, f.buildingId, f.unitNo, f.carLabel, f.regCode, f.deviceCode, f.useCertNo,
  f.rescuePhone, f.make, f.model, f.type, f.floors, f.speed, f.installedOn, f.maintainer, f.maintainerPhone,
  f.contractPrice, f.contractStartsOn, f.contractEndsOn, f.status, f.nextInspectionOn, f.intervalDays, f.note];

export function insertElevator(db: Db, f: ElevatorFields, operator: string): string {
  const id = newId();
  const s = newStamps(operator);
  db.prepare(`INSERT INTO elevators (id, ${COLUMNS}, created_at, updated_at, operator)
    VALUES (?, ${COLUMNS.split(',').map(() => '?').join(', ')}, ?, ?, ?)`).run(id, ...values(f), s.created_at, s.updated_at, operator);
  return id;
}

export function updateElevator(db: Db, id: string, f: ElevatorFields, operator: string): void {
  const sets = COLUMNS.split(',').map((c) => `${c.trim()} = ?`).join(', ');
  db.prepare(`UPDATE elevators SET ${sets}, updated_at = ?, operator = ? WHERE id = ?`).run(...values(f), nowIso(), operator, id);
}

/** The next inspection date from a newer certificate (a periodic inspection record carries it). */
export function setNextInspection(db: Db, id: string, on: string, operator: string): void {
  db.prepare('UPDATE elevators SET next_inspection_on = ?, updated_at = ?, operator = ? WHERE id = ?').run(on, nowIso(), operator, id);
}

export function elevatorRecordCounts(db: Db, id: string): { maintenance: number; faults: number } {
  return db.prepare(`SELECT (SELECT COUNT(*) FROM elevator_maintenance WHERE elevator_id = ?) AS maintenance,
    (SELECT COUNT(*) FROM elevator_faults WHERE elevator_id = ?) AS faults`).get(id, id) as { maintenance: number; faults: number };
}

export function deleteElevator(db: Db, id: string): void {
  db.prepare('DELETE FROM elevators WHERE id = ?').run(id);
}
