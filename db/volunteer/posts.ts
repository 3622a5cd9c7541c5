import type { Db } from '../open';
import { newId } from '../ids';
import { nowIso } from '../moment';
import { pinyinKeys, prefixRange } from '../pinyin';
import { newStamps } from '../stamps';
import { Where } from '../where';
import { countVolunteers, memberNameCondition } from './people';
import type { AssignmentRow, PostRow } from './types';
export type { AssignmentRow, PostRow } from './types';

/** Posts "8+x": the street's standard posts (org_id NULL) and each branch's custom ones; 一人一岗 assignments. */

export interface PostFields {
  name: string;
  description: string | null;
  seq: number;
}

const SELECT = `
  SELECT p.id, p.kind, p.code, p.org_id AS orgId, o.name AS orgName, o.path AS orgPath, p.name, p.description, p.seq, p.status,
         (SELECT COUNT(*) FROM volunteers v WHERE v.post_id = p.id AND v.active = 1) AS holders
  FROM volunteer_posts p LEFT JOIN orgs o ON o.id = p.org_id`;

/** Standard posts first in their order, then custom posts by unit and name. */
export function listPosts(db: Db, includeRetired = false): PostRow[] {
  const where = includeRetired ? '' : "WHERE p.status = 'active'";
  return db.prepare(`${SELECT} ${where} ORDER BY p.kind = 'custom', o.path, p.seq, p.name_pinyin`).all() as PostRow[];
}

export function getPost(db: Db, id: string): PostRow | undefined {
  return db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as PostRow | undefined;
}

export function postNameTaken(db: Db, orgId: string | null, name: string, selfId?: string): boolean {
  return !!db
    .prepare(`SELECT 1 FROM volunteer_posts WHERE COALESCE(org_id, '') = ? AND name = ? AND id <> ?`)
    .get(orgId ?? '', name, selfId ?? '');
}

export function insertPost(db: Db, orgId: string | null, f: PostFields, operator: string): string {
  const id = newId();
  const s = newStamps(operator);
  db.prepare(
    `INSERT INTO volunteer_posts (id, kind, org_id, name, name_pinyin, description, seq, created_at, updated_at, operator)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, orgId ? 'custom' : 'standard', orgId, f.name, pinyinKeys(f.name, false).sort, f.description, f.seq,
    s.created_at, s.updated_at, operator);
  return id;
}

export function updatePost(db: Db, id: string, f: PostFields, operator: string): void {
  db.prepare(
    `UPDATE volunteer_posts SET name = ?, name_pinyin = ?, description = ?, seq = ?, updated_at = ?, operator = ? WHERE id = ?`,
  ).run(f.name, pinyinKeys(f.name, false).sort, f.description, f.seq, nowIso(), operator, id);
}

export function setPostStatus(db: Db, id: string, status: 'active' | 'retired', operator: string): void {
  db.prepare('UPDATE volunteer_posts SET status = ?, updated_at = ?, operator = ? WHERE id = ?').run(status, nowIso(), operator, id);
}

// ---------------------------------------------------------------- assignments (members' side)

export interface AssignmentFilter {
  orgPath: string | null;
  unassignedOnly: boolean;
  q: string;
  offset: number;
  limit: number;
}

const NO_POST = 'NOT EXISTS (SELECT 1 FROM volunteers x WHERE x.member_id = m.id AND x.post_id IS NOT NULL)';

/**
 * Active members of a subtree with the post each holds; `unassignedOnly` lists who has none (一人一岗). A unit's
 * members are gathered through members_org; the whole register walks members_pinyin and stops at the page.
 */
export function listAssignments(db: Db, f: AssignmentFilter): { rows: AssignmentRow[]; total: number } {
  const where = new Where().add(f.q.trim() ? "+m.lifecycle = 'active'" : "m.lifecycle = 'active'");
  if (f.orgPath) where.add('o.path >= ? AND o.path < ?', ...prefixRange(f.orgPath));
  if (f.unassignedOnly) where.add(NO_POST);
  memberNameCondition(where, f.q);
  const { sql, args } = where;
  const from = f.orgPath ? 'FROM orgs o CROSS JOIN members m ON m.org_id = o.id' : 'FROM members m JOIN orgs o ON o.id = m.org_id';
  // Who has no post is counted as members less post holders, each from an index, not member by member.
  const total = f.unassignedOnly && !f.q.trim()
    ? unassignedCount(db, f.orgPath)
    : (db.prepare(`SELECT COUNT(*) AS n ${from} ${sql}`).get(...args) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT m.id AS memberId, m.name, m.role, o.id AS orgId, o.name AS orgName, o.path AS orgPath, v.id AS volunteerId,
              v.post_id AS postId, p.name AS postName
       ${from} LEFT JOIN volunteers v ON v.member_id = m.id LEFT JOIN volunteer_posts p ON p.id = v.post_id
       ${sql} ORDER BY m.name_pinyin, m.id LIMIT ? OFFSET ?`,
    )
    .all(...args, f.limit, f.offset) as AssignmentRow[];
  return { rows, total };
}

/**
 * How many active members of a subtree hold no post: its units' active members (org_member_counts) less their
 * active member volunteers holding one (volunteer_counts), both kept per unit by triggers. Exact, because a member
 * volunteer's unit and activity follow the member's (the volunteers_follow_member trigger).
 */
export function unassignedCount(db: Db, orgPath: string | null): number {
  const members = orgPath
    ? (db.prepare('SELECT COALESCE(SUM(c.n), 0) AS n FROM orgs o CROSS JOIN org_member_counts c ON c.org_id = o.id WHERE o.path >= ? AND o.path < ?')
      .get(...prefixRange(orgPath)) as { n: number }).n
    : (db.prepare('SELECT COALESCE(SUM(n), 0) AS n FROM org_member_counts').get() as { n: number }).n;
  return members - countVolunteers(db, orgPath, { kind: 'member', active: true, post: 'held' });
}
