import type { Db } from '../open';
import { newId } from '../ids';
import { newStamps } from '../stamps';
import type { HonourFields, HonourRow } from './types';
export type { HonourFields, HonourRow, HonourTitle } from './types';

/** Honours drawn from the rankings (党员先锋, 社区之星, 优秀志愿者), each for a year or a quarter. */

export function insertHonour(db: Db, f: HonourFields, operator: string): string {
  const id = newId();
  const s = newStamps(operator);
  db.prepare(
    `INSERT INTO volunteer_honours (id, volunteer_id, title, year, quarter, org_id, awarded_on, points, note,
                                    created_at, updated_at, operator)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, f.volunteerId, f.title, f.year, f.quarter, f.orgId, f.awardedOn, f.points, f.note, s.created_at, s.updated_at, operator);
  return id;
}

export function honourExists(db: Db, f: Pick<HonourFields, 'volunteerId' | 'title' | 'year' | 'quarter'>): boolean {
  return !!db
    .prepare('SELECT 1 FROM volunteer_honours WHERE volunteer_id = ? AND title = ? AND year = ? AND COALESCE(quarter, 0) = ?')
    .get(f.volunteerId, f.title, f.year, f.quarter ?? 0);
}

export function getHonour(db: Db, id: string): HonourRow | undefined {
  return listHonoursWhere(db, 'h.id = ?', [id])[0];
}

export function deleteHonour(db: Db, id: string): void {
  db.prepare('DELETE FROM volunteer_honours WHERE id = ?').run(id);
}

function listHonoursWhere(db: Db, where: string, args: unknown[]): HonourRow[] {
  return db
    .prepare(
      `SELECT h.id, h.volunteer_id AS volunteerId, h.title, h.year, h.quarter, h.org_id AS orgId, h.awarded_on AS awardedOn,
              h.points, h.note, h.operator, CASE WHEN v.member_id IS NULL THEN v.name ELSE m.name END AS name, o.name AS orgName
       FROM volunteer_honours h JOIN volunteers v ON v.id = h.volunteer_id LEFT JOIN members m ON m.id = v.member_id
       JOIN orgs o ON o.id = h.org_id WHERE ${where} ORDER BY h.year DESC, h.quarter DESC, h.title, h.awarded_on DESC LIMIT 500`,
    )
    .all(...args) as HonourRow[];
}

export function listHonours(db: Db, f: { year: number | null; volunteerId: string | null }): HonourRow[] {
  if (f.volunteerId) return listHonoursWhere(db, 'h.volunteer_id = ?', [f.volunteerId]);
  return f.year === null ? listHonoursWhere(db, '1 = 1', []) : listHonoursWhere(db, 'h.year = ?', [f.year]);
}
