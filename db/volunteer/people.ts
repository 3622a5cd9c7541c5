import type { Db } from '../open';
import { newId } from '../ids';
import { nowIso } from '../moment';
import { pinyinKeys, prefixRange } from '../pinyin';
import { newStamps } from '../stamps';
import { Where } from '../where';
import type { VolunteerFields, VolunteerListRow, VolunteerRecord } from './types';
export type { VolunteerFields, VolunteerListRow, VolunteerRecord } from './types';

/**
 * The volunteer register. A party member volunteers through their member record: their name, ID number, phone
 * and address are read from `members` (one person, one record); a resident (群众志愿者) holds their own.
 */

export interface ResidentFields {
  name: string;
  gender: 'male' | 'female' | null;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
  orgId: string;
}

const personal = (col: string) => `CASE WHEN v.member_id IS NULL THEN v.${col} ELSE m.${col} END`;

/** The person's fields wherever they are held, for one volunteer or a page of them. */
export const PERSON_COLUMNS = `
  v.id, CASE WHEN v.member_id IS NULL THEN 'resident' ELSE 'member' END AS kind, v.member_id AS memberId,
  ${personal('name')} AS name, ${personal('gender')} AS gender, ${personal('id_number')} AS idNumber,
  ${personal('phone')} AS phone, ${personal('address')} AS address, v.org_id AS orgId, o.name AS orgName,
  v.active, v.team, v.skills, v.post_id AS postId, p.name AS postName`;

export const PERSON_FROM = `
  FROM volunteers v JOIN orgs o ON o.id = v.org_id LEFT JOIN members m ON m.id = v.member_id
  LEFT JOIN volunteer_posts p ON p.id = v.post_id`;

const LINKABLE = `CASE WHEN v.member_id IS NULL AND v.id_number IS NOT NULL
  THEN (SELECT mm.id FROM members mm WHERE mm.id_number = v.id_number) END`;

type Raw<T> = Omit<T, 'active'> & { active: number };
const fromRaw = <T extends { active: boolean }>(r: Raw<T>): T => ({ ...r, active: r.active === 1 }) as T;

export function getVolunteer(db: Db, id: string): VolunteerRecord | undefined {
  const r = db
    .prepare(
      `SELECT ${PERSON_COLUMNS}, o.path AS orgPath, v.post_since AS postSince, v.registered_on AS registeredOn,
              v.left_on AS leftOn, v.note, ${LINKABLE} AS linkableMemberId,
              v.created_at AS createdAt, v.updated_at AS updatedAt, v.operator
       ${PERSON_FROM} WHERE v.id = ?`,
    )
    .get(id) as Raw<VolunteerRecord> | undefined;
  return r && fromRaw(r);
}

export function volunteerIdOfMember(db: Db, memberId: string): string | null {
  return (db.prepare('SELECT id FROM volunteers WHERE member_id = ?').get(memberId) as { id: string } | undefined)?.id ?? null;
}

export function findResidentByIdNumber(db: Db, idNumber: string): { id: string; name: string } | undefined {
  return db.prepare('SELECT id, name FROM volunteers WHERE id_number = ?').get(idNumber) as { id: string; name: string } | undefined;
}

export function insertResident(db: Db, p: ResidentFields, f: VolunteerFields, operator: string): string {
  const id = newId();
  const keys = pinyinKeys(p.name);
  const s = newStamps(operator);
  db.prepare(
    `INSERT INTO volunteers (id, name, gender, id_number, phone, address, name_pinyin, name_initials, org_id,
                             team, skills, registered_on, note, created_at, updated_at, operator)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, p.name, p.gender, p.idNumber, p.phone, p.address, keys.sort, keys.initials, p.orgId,
    f.team, f.skills, f.registeredOn, f.note, s.created_at, s.updated_at, operator);
  return id;
}

/** The member's volunteer row, made on first need: every member is a volunteer under 一人一岗. */
export function ensureMemberVolunteer(db: Db, memberId: string, registeredOn: string, operator: string): { id: string; created: boolean } {
  const existing = volunteerIdOfMember(db, memberId);
  if (existing) return { id: existing, created: false };
  const id = newId();
  const s = newStamps(operator);
  db.prepare(
    `INSERT INTO volunteers (id, member_id, name_pinyin, name_initials, org_id, active, registered_on,
                             created_at, updated_at, operator)
     SELECT ?, m.id, m.name_pinyin, m.name_initials, m.org_id, m.lifecycle = 'active', ?, ?, ?, ?
     FROM members m WHERE m.id = ?`,
  ).run(id, registeredOn, s.created_at, s.updated_at, operator, memberId);
  return { id, created: true };
}

export function updateResident(db: Db, id: string, p: ResidentFields, operator: string): void {
  const keys = pinyinKeys(p.name);
  db.prepare(
    `UPDATE volunteers SET name = ?, gender = ?, id_number = ?, phone = ?, address = ?, name_pinyin = ?,
       name_initials = ?, org_id = ?, updated_at = ?, operator = ? WHERE id = ? AND member_id IS NULL`,
  ).run(p.name, p.gender, p.idNumber, p.phone, p.address, keys.sort, keys.initials, p.orgId, nowIso(), operator, id);
}

export function updateVolunteerFields(db: Db, id: string, f: VolunteerFields, operator: string): void {
  db.prepare(
    `UPDATE volunteers SET team = ?, skills = ?, registered_on = ?, note = ?, updated_at = ?, operator = ? WHERE id = ?`,
  ).run(f.team, f.skills, f.registeredOn, f.note, nowIso(), operator, id);
}

/** A resident who has joined the party becomes their member record: their own copy of personal data goes. */
export function linkToMember(db: Db, id: string, memberId: string, operator: string): void {
  db.prepare(
    `UPDATE volunteers SET member_id = m.id, name = NULL, gender = NULL, id_number = NULL, phone = NULL, address = NULL,
       name_pinyin = m.name_pinyin, name_initials = m.name_initials, org_id = m.org_id, active = m.lifecycle = 'active',
       updated_at = ?, operator = ?
     FROM members m WHERE m.id = ? AND volunteers.id = ?`,
  ).run(nowIso(), operator, memberId, id);
}

export function setResidentActive(db: Db, id: string, leftOn: string | null, operator: string): void {
  db.prepare(
    `UPDATE volunteers SET active = ?, left_on = ?, updated_at = ?, operator = ? WHERE id = ? AND member_id IS NULL`,
  ).run(leftOn ? 0 : 1, leftOn, nowIso(), operator, id);
}

export function setPost(db: Db, id: string, postId: string | null, since: string | null, operator: string): void {
  db.prepare(`UPDATE volunteers SET post_id = ?, post_since = ?, updated_at = ?, operator = ? WHERE id = ?`).run(
    postId, since, nowIso(), operator, id,
  );
}

// ---------------------------------------------------------------- list

export interface VolunteerFilter {
  orgPath: string | null;
  kind: 'member' | 'resident' | null;
  postId: string | 'none' | null;
  active: boolean | null;
  q: string;
  /** 姓名 (pinyin) or 登记日期, newest first. */
  sort: 'pinyin' | 'registered';
  year: number;
  offset: number;
  limit: number;
}

/** A name typed as initials or pinyin start (zs, zhang) or as characters, across residents and members. */
export function nameCondition(where: Where, q: string, alias = 'v'): void {
  const t = q.trim();
  if (/^[a-z]+$/i.test(t)) {
    const [lo, hi] = prefixRange(t.toLowerCase());
    where.add(`((${alias}.name_initials >= ? AND ${alias}.name_initials < ?) OR (${alias}.name_pinyin >= ? AND ${alias}.name_pinyin < ?))`, lo, hi, lo, hi);
  } else if (t) {
    const [lo, hi] = prefixRange(t);
    where.add(`((${alias}.name >= ? AND ${alias}.name < ?) OR ${alias}.member_id IN (SELECT id FROM members WHERE name >= ? AND name < ?))`, lo, hi, lo, hi);
  }
}

/**
 * The same for the member register (alias m), whose name is its own column. Pinyin is compared without its
 * spaces (zhangw finds 张伟 too), through the index the member list's search uses (members_pinyin_joined).
 */
export function memberNameCondition(where: Where, q: string): void {
  const t = q.trim();
  if (/^[a-z]+$/i.test(t)) {
    const [lo, hi] = prefixRange(t.toLowerCase());
    const joined = "replace(m.name_pinyin, ' ', '')";
    where.add(`((m.name_initials >= ? AND m.name_initials < ?) OR (${joined} >= ? AND ${joined} < ?))`, lo, hi, lo, hi);
  } else if (t) {
    where.add('(m.name >= ? AND m.name < ?)', ...prefixRange(t));
  }
}

const SMALL_SUBTREE = 5000;

export function listVolunteers(db: Db, f: VolunteerFilter): { rows: VolunteerListRow[]; total: number } {
  const where = new Where();
  // With a name the name indexes should drive: `+` keeps the planner (no statistics) off volunteers_pinyin,
  // which would walk every active volunteer in pinyin order.
  if (f.active !== null) where.add(f.q.trim() ? '+v.active = ?' : 'v.active = ?', f.active ? 1 : 0);
  if (f.orgPath) where.add('v.org_id IN (SELECT id FROM orgs WHERE path >= ? AND path < ?)', ...prefixRange(f.orgPath));
  if (f.kind) where.add(f.kind === 'member' ? 'v.member_id IS NOT NULL' : 'v.member_id IS NULL');
  if (f.postId === 'none') where.add('v.post_id IS NULL');
  else if (f.postId) where.add('v.post_id = ?', f.postId);
  nameCondition(where, f.q);
  const { sql, args } = where;
  // Without statistics the planner cannot tell a community from the district: a subtree's volunteers are gathered
  // through volunteers_org and sorted while few, and the pinyin order is walked otherwise (as members.ts does).
  const byUnit = !!f.orgPath && !f.q.trim();
  // Without a name or a particular post the total is the maintained count's: the first page stays flat however
  // large the register (a count of 115k volunteers grew with it).
  const total = !f.q.trim() && (f.postId === null || f.postId === 'none')
    ? countVolunteers(db, f.orgPath, { kind: f.kind, active: f.active, post: f.postId === 'none' ? 'none' : 'any' })
    : (db.prepare(`SELECT COUNT(*) AS n FROM volunteers v ${byUnit ? 'INDEXED BY volunteers_org' : ''} ${sql}`).get(...args) as { n: number }).n;
  const hint = byUnit && total <= SMALL_SUBTREE
    ? 'INDEXED BY volunteers_org'
    : f.sort === 'registered' && f.active !== null && !f.q.trim() ? 'INDEXED BY volunteers_registered' : '';
  const order = f.sort === 'registered' ? 'v.registered_on DESC, v.name_pinyin, v.id' : 'v.name_pinyin, v.id';
  // The page's rowids from the index first, so rows skipped by OFFSET are never read.
  const rows = db
    .prepare(
      `SELECT ${PERSON_COLUMNS}, COALESCE(t.earned, 0) AS yearEarned, COALESCE(t.hours_tenths, 0) AS yearHours,
              v.registered_on AS registeredOn, (${LINKABLE}) IS NOT NULL AS linkable
       FROM (SELECT v.rowid AS rid FROM volunteers v ${hint} ${sql} ORDER BY ${order} LIMIT ? OFFSET ?) page
       CROSS JOIN volunteers v ON v.rowid = page.rid JOIN orgs o ON o.id = v.org_id
       LEFT JOIN members m ON m.id = v.member_id LEFT JOIN volunteer_posts p ON p.id = v.post_id
       LEFT JOIN points_totals t ON t.volunteer_id = v.id AND t.year = ? AND t.quarter = 0
       ORDER BY ${order}`,
    )
    .all(...args, f.limit, f.offset, f.year) as (Omit<Raw<VolunteerListRow>, 'linkable'> & { linkable: number })[];
  return { rows: rows.map((r) => ({ ...r, active: r.active === 1, linkable: r.linkable === 1 })), total };
}

/** Residents whose ID number now belongs to a party member, to link so they stay one person: the count kept by triggers. */
export const linkableCount = (db: Db): number => (db.prepare('SELECT n FROM volunteer_linkable').get() as { n: number }).n;

const POST_COUNT = { any: 'c.n', held: 'c.with_post', none: 'c.n - c.with_post' } as const;

/**
 * Volunteers of a subtree, or everywhere, from the counts kept per unit (volunteer_counts, migration 038): by
 * kind and 在册 state when given, all of them or those holding a post or none. A few thousand small rows, however
 * large the register.
 */
export function countVolunteers(
  db: Db,
  orgPath: string | null,
  f: { kind: 'member' | 'resident' | null; active: boolean | null; post: 'any' | 'held' | 'none' },
): number {
  const where = new Where();
  if (orgPath) where.add('o.path >= ? AND o.path < ?', ...prefixRange(orgPath));
  if (f.kind) where.add('c.is_member = ?', f.kind === 'member' ? 1 : 0);
  if (f.active !== null) where.add('c.active = ?', f.active ? 1 : 0);
  const from = orgPath ? 'orgs o CROSS JOIN volunteer_counts c ON c.org_id = o.id' : 'volunteer_counts c';
  return (db.prepare(`SELECT COALESCE(SUM(${POST_COUNT[f.post]}), 0) AS n FROM ${from} ${where.sql}`)
    .get(...where.args) as { n: number }).n;
}

/** Active volunteers, members and residents (the dashboard's figures). */
export function activeVolunteerCounts(db: Db, orgPath: string | null): { total: number; members: number; residents: number } {
  const total = countVolunteers(db, orgPath, { kind: null, active: true, post: 'any' });
  const residents = countVolunteers(db, orgPath, { kind: 'resident', active: true, post: 'any' });
  return { total, members: total - residents, residents };
}
