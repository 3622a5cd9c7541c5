import type { Db } from '../open';
import { newId } from '../ids';
import { nowIso } from '../moment';
import { newStamps } from '../stamps';
import type { RatingRow } from './types';
export type { RatingRow } from './types';

export interface RatingFields {
  orgId: string;
  year: number;
  stars: number;
  reasons: string;
  ratedOn: string;
}

const SELECT = `SELECT r.id, r.org_id AS orgId, o.name AS orgName, r.year, r.stars, r.reasons, r.rated_on AS ratedOn,
  r.updated_at AS updatedAt, r.operator FROM branch_ratings r JOIN orgs o ON o.id = r.org_id`;

export function findRating(db: Db, orgId: string, year: number): RatingRow | undefined {
  return db.prepare(`${SELECT} WHERE r.org_id = ? AND r.year = ?`).get(orgId, year) as RatingRow | undefined;
}

/** One rating per branch and year: rating again replaces the stars and reasons (the audit log keeps the old). */
export function upsertRating(db: Db, f: RatingFields, operator: string): string {
  const existing = findRating(db, f.orgId, f.year);
  if (existing) {
    db.prepare(
      `UPDATE branch_ratings SET stars = ?, reasons = ?, rated_on = ?, updated_at = ?, operator = ? WHERE id = ?`,
    ).run(f.stars, f.reasons, f.ratedOn, nowIso(), operator, existing.id);
    return existing.id;
  }
  const id = newId();
  const s = newStamps(operator);
  db.prepare(
    `INSERT INTO branch_ratings (id, org_id, year, stars, reasons, rated_on, created_at, updated_at, operator)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, f.orgId, f.year, f.stars, f.reasons, f.ratedOn, s.created_at, s.updated_at, operator);
  return id;
}

export function ratingsOfOrg(db: Db, orgId: string): RatingRow[] {
  return db.prepare(`${SELECT} WHERE r.org_id = ? ORDER BY r.year DESC`).all(orgId) as RatingRow[];
}

export function ratingsOfYear(db: Db, year: number): RatingRow[] {
  return db.prepare(`${SELECT} WHERE r.year = ? ORDER BY r.stars DESC, o.name_pinyin`).all(year) as RatingRow[];
}
