import type { Db } from '../open';
import { newId } from '../ids';
import { nowIso } from '../moment';
import { newStamps } from '../stamps';
import type { ContractFields, ContractRow } from './types';
export type { ContractFields, ContractRow } from './types';

const OPEN_END = '9999-12-31';

const SELECT = `
  SELECT k.id, k.estate_id AS estateId, p.name AS estateName, k.company_id AS companyId, c.name AS companyName,
         k.starts_on AS startsOn, k.ends_on AS endsOn, k.note,
         k.created_at AS createdAt, k.updated_at AS updatedAt, k.operator
  FROM property_contracts k JOIN places p ON p.id = k.estate_id JOIN property_companies c ON c.id = k.company_id`;

export function getContract(db: Db, id: string): ContractRow | undefined {
  return db.prepare(`${SELECT} WHERE k.id = ?`).get(id) as ContractRow | undefined;
}

/** An estate's contracts, newest first: the history of who served it. */
export function contractsOfEstate(db: Db, estateId: string): ContractRow[] {
  return db.prepare(`${SELECT} WHERE k.estate_id = ? ORDER BY k.starts_on DESC, k.id DESC`).all(estateId) as ContractRow[];
}

export function contractsOfCompany(db: Db, companyId: string): ContractRow[] {
  return db.prepare(`${SELECT} WHERE k.company_id = ? ORDER BY k.starts_on DESC, k.id DESC`).all(companyId) as ContractRow[];
}

/** Another contract of the estate whose period shares a day with this one (an estate has one company at a time). */
export function overlappingContract(db: Db, f: ContractFields, exceptId: string | null): ContractRow | undefined {
  return db
    .prepare(`${SELECT} WHERE k.estate_id = ? AND k.id IS NOT ? AND k.starts_on <= ? AND COALESCE(k.ends_on, ?) >= ? LIMIT 1`)
    .get(f.estateId, exceptId, f.endsOn ?? OPEN_END, OPEN_END, f.startsOn) as ContractRow | undefined;
}

/** Contracts of the estate in force on a day or later (a change to 自管/弃管 must end them first). */
export function contractsInForceFrom(db: Db, estateId: string, day: string): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM property_contracts WHERE estate_id = ? AND COALESCE(ends_on, ?) >= ?')
    .get(estateId, OPEN_END, day) as { n: number }).n;
}

export function insertContract(db: Db, f: ContractFields, operator: string): string {
  const id = newId();
  const s = newStamps(operator);
  db.prepare(
    `INSERT INTO property_contracts (id, estate_id, company_id, starts_on, ends_on, note, created_at, updated_at, operator)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, f.estateId, f.companyId, f.startsOn, f.endsOn, f.note, s.created_at, s.updated_at, operator);
  return id;
}

export function updateContract(db: Db, id: string, f: ContractFields, operator: string): void {
  db.prepare(
    `UPDATE property_contracts SET estate_id = ?, company_id = ?, starts_on = ?, ends_on = ?, note = ?, updated_at = ?,
       operator = ? WHERE id = ?`,
  ).run(f.estateId, f.companyId, f.startsOn, f.endsOn, f.note, nowIso(), operator, id);
}

export function deleteContract(db: Db, id: string): void {
  db.prepare('DELETE FROM property_contracts WHERE id = ?').run(id);
}
