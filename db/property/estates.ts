import type { Db } from '../open';
import { nowIso } from '../moment';
import { newStamps } from '../stamps';
import { Where } from '../where';
import type { EstateFields, EstateRow, ManagementType } from './types';
export type { EstateFields, EstateRow, ManagementType } from './types';

const SELECT = `
  SELECT e.place_id AS placeId, e.management, e.floor_area_hundredths AS floorAreaHundredths, e.note,
         p.name, p.parent_id AS communityId, c.name AS communityName, p.households,
         k.company_id AS companyId, co.name AS companyName,
         e.created_at AS createdAt, e.updated_at AS updatedAt, e.operator
  FROM property_estates e
  JOIN places p ON p.id = e.place_id
  JOIN places c ON c.id = p.parent_id
  LEFT JOIN property_contracts k ON k.id = (
    SELECT id FROM property_contracts WHERE estate_id = e.place_id AND starts_on <= ?
      AND COALESCE(ends_on, '9999-12-31') >= ? ORDER BY starts_on DESC LIMIT 1)
  LEFT JOIN property_companies co ON co.id = k.company_id`;

export function getEstate(db: Db, placeId: string, today: string): EstateRow | undefined {
  return db.prepare(`${SELECT} WHERE e.place_id = ?`).get(today, today, placeId) as EstateRow | undefined;
}

export function listEstates(
  db: Db,
  f: { communityId: string | null; management: ManagementType | null; offset: number; limit: number },
  today: string,
): { rows: EstateRow[]; total: number } {
  const where = new Where();
  if (f.communityId) where.add('p.parent_id = ?', f.communityId);
  if (f.management) where.add('e.management = ?', f.management);
  const rows = db
    .prepare(`${SELECT} ${where.sql} ORDER BY c.name, p.name, e.place_id LIMIT ? OFFSET ?`)
    .all(today, today, ...where.args, f.limit, f.offset) as EstateRow[];
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM property_estates e JOIN places p ON p.id = e.place_id ${where.sql}`)
    .get(...where.args) as { n: number }).n;
  return { rows, total };
}

export function insertEstate(db: Db, f: EstateFields, operator: string): void {
  const s = newStamps(operator);
  db.prepare(
    `INSERT INTO property_estates (place_id, management, floor_area_hundredths, note, created_at, updated_at, operator)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(f.placeId, f.management, f.floorAreaHundredths, f.note, s.created_at, s.updated_at, operator);
}

export function updateEstate(db: Db, f: EstateFields, operator: string): void {
  db.prepare(
    `UPDATE property_estates SET management = ?, floor_area_hundredths = ?, note = ?, updated_at = ?, operator = ?
     WHERE place_id = ?`,
  ).run(f.management, f.floorAreaHundredths, f.note, nowIso(), operator, f.placeId);
}

/** Households belong to the places register (one column for both modules); the profile's form edits them there. */
export function setPlaceHouseholds(db: Db, placeId: string, households: number | null, operator: string): void {
  db.prepare('UPDATE places SET households = ?, updated_at = ?, operator = ? WHERE id = ? AND households IS NOT ?')
    .run(households, nowIso(), operator, placeId, households);
}

/** Contracts, committee terms, joint meetings, surveys and fee figures recorded for the estate (a profile in use is not deleted). */
export function estateUsage(db: Db, placeId: string): number {
  return (db.prepare(
    `SELECT (SELECT COUNT(*) FROM property_contracts WHERE estate_id = ?)
          + (SELECT COUNT(*) FROM committee_terms WHERE estate_id = ?)
          + (SELECT COUNT(*) FROM joint_meetings WHERE estate_id = ?)
          + (SELECT COUNT(*) FROM property_surveys WHERE estate_id = ?)
          + (SELECT COUNT(*) FROM property_fees WHERE estate_id = ?) AS n`,
  ).get(placeId, placeId, placeId, placeId, placeId) as { n: number }).n;
}

export function deleteEstate(db: Db, placeId: string): void {
  db.prepare('DELETE FROM property_estates WHERE place_id = ?').run(placeId);
}
