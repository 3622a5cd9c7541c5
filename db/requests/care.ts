import type { Db } from '../open';
import { newId } from '../ids';
import { nowIso } from '../moment';
import { newStamps } from '../stamps';
import { Where } from '../where';
import type { CareColourCode, CareFields, CareRow, VisitFields, VisitRow } from './types';
export type { CareColourCode, CareFields, CareRow, VisitFields, VisitRow } from './types';

/** 重点关爱户 and their append-only visits (migration 028). */

/** Visits that stand: not corrected by a later entry. */
const STANDING = 'NOT EXISTS (SELECT 1 FROM care_visits c WHERE c.corrects_id = v.id)';
const LAST_VISIT = `(SELECT MAX(v.visited_on) FROM care_visits v WHERE v.household_id = h.id AND ${STANDING})`;

const SELECT = `
  SELECT h.id, h.building_id AS buildingId, b.name AS buildingName, e.name AS estateName, c.id AS communityId, c.name AS communityName,
         h.room, h.category, h.colour, h.person_name AS personName, h.person_phone AS personPhone, h.id_number AS idNumber,
         h.situation, h.member_id AS memberId, m.name AS memberName, o.name AS memberOrgName, h.registered_on AS registeredOn,
         h.closed_on AS closedOn, h.closed_reason AS closedReason, ${LAST_VISIT} AS lastVisitOn,
         (SELECT COUNT(*) FROM care_visits v WHERE v.household_id = h.id AND ${STANDING}) AS visitCount,
         h.created_at AS createdAt, h.updated_at AS updatedAt, h.operator
  FROM care_households h
  JOIN places b ON b.id = h.building_id JOIN places e ON e.id = b.parent_id JOIN places c ON c.id = e.parent_id
  LEFT JOIN members m ON m.id = h.member_id LEFT JOIN orgs o ON o.id = m.org_id`;

/** Days between visits per colour (the settings), as the SQL below takes them. */
export type VisitDays = Readonly<Record<CareColourCode, number>>;

/**
 * A household still cared for whose last standing visit (or, never visited, its registration) is more than its
 * colour's days before today: the visit was due by that day and is late from the next (care-rules.ts says the same).
 */
function dueCondition(where: Where, today: string, days: VisitDays): Where {
  return where.add(`h.closed_on IS NULL AND COALESCE(${LAST_VISIT}, h.registered_on)
    < date(?, '-' || CASE h.colour WHEN 'red' THEN ? WHEN 'yellow' THEN ? ELSE ? END || ' days')`, today, days.red, days.yellow, days.green);
}

export const getCareHousehold = (db: Db, id: string): CareRow | undefined =>
  db.prepare(`${SELECT} WHERE h.id = ?`).get(id) as CareRow | undefined;

export interface CareFilter {
  communityId: string | null;
  category: string | null;
  colour: CareColourCode | null;
  /** Only those due a visit on `today` under `days`. */
  due: { today: string; days: VisitDays } | null;
  includeClosed: boolean;
  offset: number;
  limit: number;
}

/** A page of the register: red first, then by community, estate, building and door. */
export function listCareHouseholds(db: Db, f: CareFilter): { rows: CareRow[]; total: number } {
  const where = new Where();
  if (f.communityId) where.add('c.id = ?', f.communityId);
  if (f.category) where.add('h.category = ?', f.category);
  if (f.colour) where.add('h.colour = ?', f.colour);
  if (!f.includeClosed) where.add('h.closed_on IS NULL');
  if (f.due) dueCondition(where, f.due.today, f.due.days);
  const rows = db.prepare(`${SELECT} ${where.sql}
    ORDER BY h.closed_on IS NOT NULL, CASE h.colour WHEN 'red' THEN 0 WHEN 'yellow' THEN 1 ELSE 2 END, c.name, e.name, b.name, h.room, h.id
    LIMIT ? OFFSET ?`).all(...where.args, f.limit, f.offset) as CareRow[];
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM care_households h JOIN places b ON b.id = h.building_id
    JOIN places e ON e.id = b.parent_id JOIN places c ON c.id = e.parent_id ${where.sql}`).get(...where.args) as { n: number }).n;
  return { rows, total };
}

/**
 * Every household of one community or of the whole installation, closed ones included (a close must reach the
 * street), by community, estate, building and door: data packages. Names and numbers leave as stored; the export
 * layer masks the numbers.
 */
export const exportCareHouseholds = (db: Db, communityId: string | null): CareRow[] =>
  db.prepare(`${SELECT} WHERE ? IS NULL OR c.id = ? ORDER BY c.name, e.name, b.name, h.room, h.id`).all(communityId, communityId) as CareRow[];

/** 今日待办: households still cared for that are past their visit interval. */
export const careVisitsDue = (db: Db, today: string, days: VisitDays): number => {
  const where = dueCondition(new Where(), today, days);
  return (db.prepare(`SELECT COUNT(*) AS n FROM care_households h ${where.sql}`).get(...where.args) as { n: number }).n;
};

export function insertCareHousehold(db: Db, f: CareFields, operator: string): string {
  const id = newId();
  const s = newStamps(operator);
  db.prepare(`INSERT INTO care_households (id, building_id, room, category, colour, person_name, person_phone, id_number, situation,
      member_id, registered_on, created_at, updated_at, operator) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(id, f.buildingId, f.room, f.category, f.colour, f.personName, f.personPhone, f.idNumber, f.situation, f.memberId, f.registeredOn,
      s.created_at, s.updated_at, operator);
  return id;
}

export function updateCareHousehold(db: Db, id: string, f: CareFields, operator: string): void {
  db.prepare(`UPDATE care_households SET building_id = ?, room = ?, category = ?, colour = ?, person_name = ?, person_phone = ?, id_number = ?,
      situation = ?, member_id = ?, registered_on = ?, updated_at = ?, operator = ? WHERE id = ?`)
    .run(f.buildingId, f.room, f.category, f.colour, f.personName, f.personPhone, f.idNumber, f.situation, f.memberId, f.registeredOn,
      nowIso(), operator, id);
}

/** Ends the care (moved away, passed away, no longer in need); false when it was closed already. */
export const closeCareHousehold = (db: Db, id: string, closedOn: string, reason: string, operator: string): boolean =>
  db.prepare('UPDATE care_households SET closed_on = ?, closed_reason = ?, updated_at = ?, operator = ? WHERE id = ? AND closed_on IS NULL')
    .run(closedOn, reason, nowIso(), operator, id).changes === 1;

const VISITS = `
  SELECT v.id, v.household_id AS householdId, v.visited_on AS visitedOn, v.visitor_member_id AS visitorMemberId, v.visitor_name AS visitorName,
         v.content, v.follow_up AS followUp, v.corrects_id AS correctsId, v.correction_reason AS correctionReason,
         (SELECT c.id FROM care_visits c WHERE c.corrects_id = v.id) AS correctedBy, v.created_at AS createdAt, v.operator
  FROM care_visits v`;

export const getVisit = (db: Db, id: string): VisitRow | undefined => db.prepare(`${VISITS} WHERE v.id = ?`).get(id) as VisitRow | undefined;

/** A household's visits, the latest first (corrected ones included: the drawer shows them struck through). */
export const listVisits = (db: Db, householdId: string): VisitRow[] =>
  db.prepare(`${VISITS} WHERE v.household_id = ? ORDER BY v.visited_on DESC, v.created_at DESC, v.id DESC`).all(householdId) as VisitRow[];

export function insertVisit(db: Db, householdId: string, f: VisitFields, correction: { correctsId: string; reason: string } | null, operator: string): string {
  const id = newId();
  db.prepare(`INSERT INTO care_visits (id, household_id, visited_on, visitor_member_id, visitor_name, content, follow_up, corrects_id,
      correction_reason, created_at, operator) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(id, householdId, f.visitedOn, f.visitorMemberId, f.visitorName, f.content, f.followUp, correction?.correctsId ?? null,
      correction?.reason ?? null, newStamps(operator).created_at, operator);
  return id;
}
