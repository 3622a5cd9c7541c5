import type { Db } from '../open';
import { newId } from '../ids';
import { nowIso } from '../moment';
import { subtreeRange } from '../pinyin';
import { newStamps } from '../stamps';
import type { BranchRating, BranchRatingsPage, RatingRow } from './types';
export type { BranchRating, BranchRatingsPage, RatingRow } from './types';

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

/**
 * 五星支部 for a year: a page of the active branches of a subtree (every one when `scopePath` is null) with the
 * year's rating of each, the rated first and most stars first, then by name — with how many branches are in scope
 * (`total`), how many are rated and how many have each number of stars, counted over them all in the same statement. The
 * rating is a seek on branch_ratings' (org_id, year); the parent's name and the rating's text are read for the page
 * only. A district has hundreds of branches (432 in the bench's): the whole list was one answer, the whole tree besides.
 */
export function branchRatingsPage(db: Db, year: number, scopePath: string | null, offset: number, limit: number): BranchRatingsPage {
  const [lo, hi] = subtreeRange(scopePath);
  const raw = db
    .prepare(
      `WITH b AS (
         SELECT o.id AS orgId, o.name, o.name_pinyin AS pinyin, o.parent_id, r.id AS ratingId, r.stars
         FROM orgs o LEFT JOIN branch_ratings r ON r.org_id = o.id AND r.year = @year
         WHERE o.level = 'branch' AND o.status = 'active' AND o.path >= @lo AND o.path < @hi),
       page AS (
         SELECT *, count(*) OVER () AS branches, count(stars) OVER () AS rated,
                ${[1, 2, 3, 4, 5].map((n) => `count(*) FILTER (WHERE stars = ${n}) OVER () AS s${n}`).join(', ')}
         FROM b ORDER BY coalesce(stars, 0) DESC, pinyin, name, orgId LIMIT @limit OFFSET @offset)
       SELECT page.*, p.name AS parentName, r.reasons, r.rated_on AS ratedOn
       FROM page LEFT JOIN orgs p ON p.id = page.parent_id LEFT JOIN branch_ratings r ON r.id = page.ratingId
       ORDER BY coalesce(page.stars, 0) DESC, page.pinyin, page.name, page.orgId`,
    )
    .all({ year, lo, hi, limit, offset }) as (BranchRating & Record<'branches' | 'rated' | `s${1 | 2 | 3 | 4 | 5}`, number> & { parent_id: string | null; pinyin: string; ratingId: string | null })[];
  const first = raw[0];
  // A page past the end carries no row to read the figures from: count them from the first page then.
  if (!first && offset > 0) return { ...branchRatingsPage(db, year, scopePath, 0, 1), rows: [] };
  const rows = raw.map(({ orgId, name, parentName, stars, reasons, ratedOn }) => ({ orgId, name, parentName, stars, reasons, ratedOn }));
  if (!first) return { rows, total: 0, rated: 0, byStars: [0, 0, 0, 0, 0] };
  return { rows, total: first.branches, rated: first.rated, byStars: [first.s1, first.s2, first.s3, first.s4, first.s5] };
}
