import type { Db } from '../open';
import { newId } from '../ids';
import { nowIso } from '../moment';
import { newStamps } from '../stamps';
import type { MaintenanceFields, MaintenanceRow } from './types';
export type { InspectionResult, MaintenanceFields, MaintenanceKind, MaintenanceRow } from './types';

const SELECT = `
  SELECT id, elevator_id AS elevatorId, done_on AS doneOn, kind, result, next_inspection_on AS nextInspectionOn,
         company, worker1, worker2, items, findings, parts_replaced AS partsReplaced, signed_by AS signedBy,
         signed_on AS signedOn, created_at AS createdAt, updated_at AS updatedAt, operator
  FROM elevator_maintenance`;

const parse = (r: Omit<MaintenanceRow, 'items'> & { items: string }): MaintenanceRow => ({ ...r, items: JSON.parse(r.items) as string[] });

export function getMaintenance(db: Db, id: string): MaintenanceRow | undefined {
  const r = db.prepare(`${SELECT} WHERE id = ?`).get(id) as (Omit<MaintenanceRow, 'items'> & { items: string }) | undefined;
  return r && parse(r);
}

/** An elevator's records, newest first (index elevator_maintenance_history). */
export function listMaintenance(db: Db, f: { elevatorId: string; offset: number; limit: number }): { rows: MaintenanceRow[]; total: number } {
  const rows = (db.prepare(`${SELECT} WHERE elevator_id = ? ORDER BY done_on DESC, id DESC LIMIT ? OFFSET ?`)
    .all(f.elevatorId, f.limit, f.offset) as (Omit<MaintenanceRow, 'items'> & { items: string })[]).map(parse);
  const total = (db.prepare('SELECT COUNT(*) AS n FROM elevator_maintenance WHERE elevator_id = ?').get(f.elevatorId) as { n: number }).n;
  return { rows, total };
}

/** The record of a kind on a day, if the elevator has one (an import of last month's sheet finds what it wrote). */
export function findMaintenance(db: Db, elevatorId: string, doneOn: string, kind: string): { id: string; signedOn: string | null } | undefined {
  return db.prepare('SELECT id, signed_on AS signedOn FROM elevator_maintenance WHERE elevator_id = ? AND done_on = ? AND kind = ? ORDER BY id LIMIT 1')
    .get(elevatorId, doneOn, kind) as { id: string; signedOn: string | null } | undefined;
}

const values = (f: MaintenanceFields) => [f.elevatorId, f.doneOn, f.kind, f.result, f.nextInspectionOn, f.company, f.worker1,
  f.worker2, JSON.stringify([...new Set(f.items)].sort()), f.findings, f.partsReplaced, f.signedBy, f.signedOn];

export function insertMaintenance(db: Db, f: MaintenanceFields, operator: string): string {
  const id = newId();
  const s = newStamps(operator);
  db.prepare(`INSERT INTO elevator_maintenance (id, elevator_id, done_on, kind, result, next_inspection_on, company, worker1,
      worker2, items, findings, parts_replaced, signed_by, signed_on, created_at, updated_at, operator)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(id, ...values(f), s.created_at, s.updated_at, operator);
  return id;
}

export function updateMaintenance(db: Db, id: string, f: MaintenanceFields, operator: string): void {
  db.prepare(`UPDATE elevator_maintenance SET elevator_id = ?, done_on = ?, kind = ?, result = ?, next_inspection_on = ?,
      company = ?, worker1 = ?, worker2 = ?, items = ?, findings = ?, parts_replaced = ?, signed_by = ?, signed_on = ?,
      updated_at = ?, operator = ? WHERE id = ?`).run(...values(f), nowIso(), operator, id);
}

export function deleteMaintenance(db: Db, id: string): void {
  db.prepare('DELETE FROM elevator_maintenance WHERE id = ?').run(id);
}
