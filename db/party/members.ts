import type { Db } from '../open';
import { newId } from '../ids';
import { nowIso } from '../moment';
import { memberQuerySql, pinyinKeys, prefixRange, readMemberQuery } from '../pinyin';
import { newStamps } from '../stamps';
import { Where } from '../where';
import type { Lifecycle, MemberCategory, MemberEvent, MemberFields, MemberListRow, MemberRecord, MemberRole, MemberStatus, ServedHousehold } from './types';
export type { Lifecycle, MemberCategory, MemberEvent, MemberFields, MemberListRow, MemberRecord, MemberRole, MemberStatus, ServedHousehold } from './types';

const COLUMNS = `
  m.id, m.name, m.gender, m.ethnicity, m.education, m.birth_date AS birthDate, m.id_number AS idNumber,
  m.phone, m.joined_on AS joinedOn, m.full_on AS fullOn, m.status, m.category, m.work_unit AS workUnit,
  m.reported_on AS reportedOn, m.org_id AS orgId, o.name AS orgName, o.path AS orgPath,
  m.building_id AS buildingId, b.name AS buildingName, m.address, m.role,
  m.is_centre_household AS isCentreHousehold, m.lifecycle, m.left_on AS leftOn, m.left_to AS leftTo,
  m.transferred_in_on AS transferredInOn, m.transferred_from AS transferredFrom, m.note,
  m.created_at AS createdAt, m.updated_at AS updatedAt, m.operator`;

const FROM = `FROM members m JOIN orgs o ON o.id = m.org_id LEFT JOIN places b ON b.id = m.building_id`;

type Raw = Omit<MemberRecord, 'isCentreHousehold'> & { isCentreHousehold: number };
const fromRaw = (r: Raw): MemberRecord => ({ ...r, isCentreHousehold: r.isCentreHousehold === 1 });

export function getMember(db: Db, id: string): MemberRecord | undefined {
  const r = db.prepare(`SELECT ${COLUMNS} ${FROM} WHERE m.id = ?`).get(id) as Raw | undefined;
  return r && fromRaw(r);
}

export function findMemberByIdNumber(db: Db, idNumber: string): { id: string; name: string } | undefined {
  return db.prepare('SELECT id, name FROM members WHERE id_number = ?').get(idNumber) as
    | { id: string; name: string }
    | undefined;
}

function fieldValues(f: MemberFields) {
  const keys = pinyinKeys(f.name);
  return [
    f.name, keys.sort, keys.initials, f.gender, f.ethnicity, f.education, f.birthDate, f.idNumber, f.phone,
    f.joinedOn, f.fullOn, f.status, f.category, f.workUnit, f.reportedOn, f.orgId, f.buildingId, f.address,
    f.role, f.isCentreHousehold ? 1 : 0, f.note,
  ];
}

const FIELD_COLUMNS = `name, name_pinyin, name_initials, gender, ethnicity, education, birth_date, id_number, phone,
  joined_on, full_on, status, category, work_unit, reported_on, org_id, building_id, address,
  role, is_centre_household, note`;

export function insertMember(
  db: Db,
  f: MemberFields,
  operator: string,
  transferIn?: { on: string; from: string | null },
): string {
  const id = newId();
  const s = newStamps(operator);
  db.prepare(
    `INSERT INTO members (id, ${FIELD_COLUMNS}, transferred_in_on, transferred_from, created_at, updated_at, operator)
     VALUES (?, ${'?, '.repeat(21)}?, ?, ?, ?, ?)`,
  ).run(id, ...fieldValues(f), transferIn?.on ?? null, transferIn?.from ?? null, s.created_at, s.updated_at, operator);
  return id;
}

export function updateMember(db: Db, id: string, f: MemberFields, operator: string): void {
  const sets = FIELD_COLUMNS.split(',')
    .map((c) => `${c.trim()} = ?`)
    .join(', ');
  db.prepare(`UPDATE members SET ${sets}, updated_at = ?, operator = ? WHERE id = ?`).run(
    ...fieldValues(f),
    nowIso(),
    operator,
    id,
  );
}

export function setLifecycle(
  db: Db,
  id: string,
  change: { lifecycle: Lifecycle; leftOn: string | null; leftTo: string | null; role?: null },
  operator: string,
): void {
  db.prepare(
    `UPDATE members SET lifecycle = ?, left_on = ?, left_to = ?, role = CASE WHEN ? = 'active' THEN role ELSE NULL END,
       updated_at = ?, operator = ? WHERE id = ?`,
  ).run(change.lifecycle, change.leftOn, change.leftTo, change.lifecycle, nowIso(), operator, id);
}

export function markFull(db: Db, id: string, on: string, operator: string): void {
  db.prepare(`UPDATE members SET status = 'full', full_on = ?, updated_at = ?, operator = ? WHERE id = ?`).run(
    on,
    nowIso(),
    operator,
    id,
  );
}

export function readmit(db: Db, id: string, on: string, from: string | null, orgId: string, operator: string): void {
  db.prepare(
    `UPDATE members SET lifecycle = 'active', left_on = NULL, left_to = NULL, transferred_in_on = ?,
       transferred_from = ?, org_id = ?, updated_at = ?, operator = ? WHERE id = ?`,
  ).run(on, from, orgId, nowIso(), operator, id);
}

// ---------------------------------------------------------------- history

export function addMemberEvent(
  db: Db,
  memberId: string,
  kind: string,
  onDate: string,
  detail: Record<string, unknown>,
  operator: string,
): void {
  db.prepare(
    `INSERT INTO member_events (id, member_id, kind, on_date, detail, operator, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(newId(), memberId, kind, onDate, JSON.stringify(detail), operator, nowIso());
}

export function memberEvents(db: Db, memberId: string): MemberEvent[] {
  const rows = db
    .prepare(
      `SELECT id, kind, on_date AS onDate, detail, operator, created_at AS createdAt
       FROM member_events WHERE member_id = ? ORDER BY on_date DESC, created_at DESC`,
    )
    .all(memberId) as (Omit<MemberEvent, 'detail'> & { detail: string })[];
  return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}

// ---------------------------------------------------------------- list

export interface MemberFilter {
  orgPath: string | null;
  category: MemberCategory | null;
  status: MemberStatus | null;
  role: MemberRole | 'any_role' | null;
  lifecycle: Lifecycle | 'all';
  centreOnly: boolean;
  q: string;
  sort: 'pinyin' | 'joined';
  offset: number;
  limit: number;
}

function memberWhere(f: MemberFilter): Where {
  const where = new Where();
  // With a name filter the name indexes should drive; `+` keeps the planner (which has no statistics and takes
  // lifecycle = ? for selective) from walking the whole register through a lifecycle index instead.
  if (f.lifecycle !== 'all') where.add(f.q.trim() ? '+m.lifecycle = ?' : 'm.lifecycle = ?', f.lifecycle);
  if (f.orgPath) where.add('m.org_id IN (SELECT id FROM orgs WHERE path >= ? AND path < ?)', ...prefixRange(f.orgPath));
  if (f.category) where.add('m.category = ?', f.category);
  if (f.status) where.add('m.status = ?', f.status);
  if (f.role === 'any_role') where.add('m.role IS NOT NULL');
  else if (f.role) where.add('m.role = ?', f.role);
  if (f.centreOnly) where.add('m.is_centre_household = 1');
  // Pinyin, the end of an ID number or phone, or the start of a name: each over its own index (db/pinyin.ts).
  const mq = readMemberQuery(f.q);
  if (mq) {
    const c = memberQuerySql(mq);
    where.add(c.sql, ...c.args);
  }
  return where;
}

/** Up to this many members a subtree's page is gathered through members_org and sorted; beyond, the pinyin walk wins. */
const SMALL_SUBTREE = 5000;

export function listMembers(db: Db, f: MemberFilter): { rows: MemberListRow[]; total: number } {
  const { sql, args } = memberWhere(f);
  const byName = f.q.trim() !== '';
  // Counted from an index alone where one holds the filter's columns: members_org for a subtree (all but role),
  // members_kind for the whole register (every filter but the name).
  const countHint = byName ? '' : f.orgPath ? 'INDEXED BY members_org' : 'INDEXED BY members_kind';
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM members m ${countHint} ${sql}`).get(...args) as { n: number }).n;
  // The planner has no statistics, so the page's access path is chosen here: a name search drives from the name
  // indexes (see memberWhere), a small subtree from members_org, anything else walks the pinyin order.
  const pageHint = byName
    ? ''
    : f.orgPath && total <= SMALL_SUBTREE
      ? 'INDEXED BY members_org'
      : f.lifecycle !== 'all'
        ? f.sort === 'pinyin' ? 'INDEXED BY members_pinyin' : 'INDEXED BY members_joined'
        : '';
  const order = f.sort === 'joined' ? 'm.joined_on DESC, m.name_pinyin, m.id' : 'm.name_pinyin, m.id';
  // The page's rowids first, from the index where the filter allows, so skipped rows (OFFSET) are never read.
  const rows = db
    .prepare(
      `SELECT m.id, m.name, m.gender, m.birth_date AS birthDate, m.id_number AS idNumber, m.phone,
              m.joined_on AS joinedOn, m.status, m.category, m.work_unit AS workUnit, m.org_id AS orgId,
              o.name AS orgName, m.address, m.role, m.is_centre_household AS isCentreHousehold, m.lifecycle
       FROM (SELECT m.rowid AS rid FROM members m ${pageHint} ${sql} ORDER BY ${order} LIMIT ? OFFSET ?) page
       JOIN members m ON m.rowid = page.rid JOIN orgs o ON o.id = m.org_id
       ORDER BY ${order}`,
    )
    .all(...args, f.limit, f.offset) as (Omit<MemberListRow, 'isCentreHousehold'> & { isCentreHousehold: number })[];
  return { rows: rows.map((r) => ({ ...r, isCentreHousehold: r.isCentreHousehold === 1 })), total };
}

/** Active members of a unit's subtree, for an attendance roster, in pinyin order. */
export function rosterOf(db: Db, orgPath: string): { id: string; name: string; role: MemberRole | null; orgName: string }[] {
  const [lo, hi] = prefixRange(orgPath);
  // Units first, then their members (members_org): the planner would otherwise walk the whole register in pinyin order.
  return db
    .prepare(
      `SELECT m.id, m.name, m.role, o.name AS orgName FROM orgs o CROSS JOIN members m ON m.org_id = o.id
       WHERE o.path >= ? AND o.path < ? AND m.lifecycle = 'active' ORDER BY m.name_pinyin, m.id`,
    )
    .all(lo, hi) as { id: string; name: string; role: MemberRole | null; orgName: string }[];
}

// ---------------------------------------------------------------- centre households

export function servedHouseholds(db: Db, memberId: string): ServedHousehold[] {
  return db
    .prepare(
      `SELECT id, household, head_name AS headName, note FROM served_households WHERE member_id = ? ORDER BY household`,
    )
    .all(memberId) as ServedHousehold[];
}

export function replaceServedHouseholds(
  db: Db,
  memberId: string,
  rows: Omit<ServedHousehold, 'id'>[],
  operator: string,
): void {
  db.prepare('DELETE FROM served_households WHERE member_id = ?').run(memberId);
  const insert = db.prepare(
    `INSERT INTO served_households (id, member_id, household, head_name, note, created_at, updated_at, operator)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const s = newStamps(operator);
  for (const r of rows) insert.run(newId(), memberId, r.household, r.headName, r.note, s.created_at, s.updated_at, operator);
}

/** Stored members by ID number, for many numbers at once (an import's rows): one query instead of one per row. */
export interface NamedMember {
  id: string;
  name: string;
  birthDate: string | null;
  orgId: string;
}

/** Active members with one of these names, for matching a register that has no ID numbers (one query per 5,000 names). */
export function activeMembersNamed(db: Db, names: readonly string[]): Map<string, NamedMember[]> {
  const found = new Map<string, NamedMember[]>();
  const lookup = db.prepare(
    `SELECT id, name, birth_date AS birthDate, org_id AS orgId FROM members
      WHERE lifecycle = 'active' AND name IN (SELECT value FROM json_each(?))`,
  );
  const unique = [...new Set(names)];
  for (let i = 0; i < unique.length; i += 5000) {
    for (const m of lookup.all(JSON.stringify(unique.slice(i, i + 5000))) as NamedMember[]) {
      found.set(m.name, [...(found.get(m.name) ?? []), m]);
    }
  }
  return found;
}

export function membersByIdNumbers(db: Db, idNumbers: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  const lookup = db.prepare('SELECT id_number AS idNumber, id FROM members WHERE id_number IN (SELECT value FROM json_each(?))');
  for (let i = 0; i < idNumbers.length; i += 5000) {
    const rows = lookup.all(JSON.stringify(idNumbers.slice(i, i + 5000))) as { idNumber: string; id: string }[];
    for (const r of rows) found.set(r.idNumber, r.id);
  }
  return found;
}
