import type { Db } from '../open';
import { newId } from '../ids';
import { nowIso } from '../moment';
import { pinyinKeys, prefixRange } from '../pinyin';
import { newStamps } from '../stamps';
import type { OrgLevel, OrgNode, OrgRow } from './types';
export type { OrgLevel, OrgNode, OrgRow } from './types';

export interface OrgFields {
  parentId: string | null;
  level: OrgLevel;
  kind: string;
  name: string;
  placeId: string | null;
  establishedOn: string | null;
}

// The member count comes from the maintained org_member_counts, the secretary from members_role: counting the
// register on every view of the tree was 40 ms at 100k members. A level, a search or a path at a time (issue 17).
const SELECT = `
  SELECT o.id, o.parent_id AS parentId, o.level, o.kind, o.name, o.place_id AS placeId, p.name AS placeName,
         o.path, o.established_on AS establishedOn, o.status, o.dissolved_on AS dissolvedOn,
         (SELECT COALESCE(SUM(c.n), 0) FROM org_member_counts c WHERE c.org_id = o.id) AS memberCount,
         (SELECT s.name FROM members s INDEXED BY members_role
           WHERE s.org_id = o.id AND s.role = 'secretary' AND s.lifecycle = 'active'
           ORDER BY s.name_pinyin LIMIT 1) AS secretaryName,
         o.updated_at AS updatedAt, o.operator
  FROM orgs o
  LEFT JOIN places p ON p.id = o.place_id`;

// The tree shows each unit with the members of its whole subtree (the number a secretary quotes): the maintained
// counts of the units whose path starts with its path, a range on the unique path index.
const NODE_COUNTS = `
  (SELECT COUNT(*) FROM orgs k WHERE k.parent_id = o.id AND k.status = 'active') AS childCount,
  (SELECT COUNT(*) FROM orgs d WHERE d.path > o.path AND d.path < o.path || char(1114111) AND d.status = 'active') AS descendantCount,
  (SELECT COALESCE(SUM(c.n), 0) FROM orgs d JOIN org_member_counts c ON c.org_id = d.id
    WHERE d.path >= o.path AND d.path < o.path || char(1114111)) AS subtreeMembers`;
const NODE = SELECT.replace('o.updated_at AS updatedAt', `${NODE_COUNTS}, o.updated_at AS updatedAt`);

/**
 * One level of the tree: the active units directly below `parentId` (the roots when null), ordered as the whole
 * tree was (by path). At a district the whole tree was 2,512 units and 1.2 MB per answer; a level is a few dozen.
 */
export function orgChildren(db: Db, parentId: string | null): OrgNode[] {
  const where = parentId === null ? 'o.parent_id IS NULL' : 'o.parent_id = ?';
  const args = parentId === null ? [] : [parentId];
  return db.prepare(`${NODE} WHERE ${where} AND o.status = 'active' ORDER BY o.path`).all(...args) as OrgNode[];
}

/**
 * Active units whose name (or pinyin sort key) contains `q` (every unit when empty), of `levels` and at `placeId` when given, at most
 * `limit`, each with its path so the tree can open every ancestor down to it. Tree order, so a search answers the
 * same order the tree shows.
 */
export function searchOrgs(db: Db, q: string, limit: number, levels?: OrgLevel[], placeId?: string): OrgNode[] {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const byLevel = levels?.length ? 'AND o.level IN (SELECT value FROM json_each(?))' : '';
  const args: unknown[] = [like, like.toLowerCase().replace(/ /g, '')];
  if (byLevel) args.push(JSON.stringify(levels));
  const atPlace = placeId ? 'AND o.place_id = ?' : '';
  if (placeId) args.push(placeId);
  return db
    .prepare(
      `${NODE} WHERE o.status = 'active' AND (o.name LIKE ? ESCAPE '\\' OR replace(o.name_pinyin, ' ', '') LIKE ? ESCAPE '\\')
       ${byLevel} ${atPlace} ORDER BY o.path LIMIT ?`,
    )
    .all(...args, limit) as OrgNode[];
}

/**
 * A unit and its ancestors, root first (empty when there is no such unit): the ids its materialised path names.
 * A dissolved unit answers too, so a record filed under one still shows its name.
 */
export function orgPath(db: Db, id: string): OrgNode[] {
  const row = db.prepare('SELECT path FROM orgs WHERE id = ?').get(id) as { path: string } | undefined;
  if (!row) return [];
  const ids = row.path.split('/').filter(Boolean);
  return db.prepare(`${NODE} WHERE o.id IN (SELECT value FROM json_each(?)) ORDER BY o.path`).all(JSON.stringify(ids)) as OrgNode[];
}

/** Moves with every change to the organisations and places (migration 036's triggers): the labels' cache key. */
export function orgLabelVersionOf(db: Db): number {
  return (db.prepare('SELECT n FROM org_label_version').get() as { n: number }).n;
}

export type NamedOrg = Pick<OrgRow, 'id' | 'parentId' | 'level' | 'name' | 'placeId' | 'placeName' | 'path' | 'status'>;

/**
 * Every unit, dissolved too, in tree order, with nothing counted: what naming it apart takes (`orgLabels` in
 * main/api/common/org-labels.ts) and what an import matches a file's names against (main/api/party/imports/org-directory.ts).
 */
export function namedOrgs(db: Db): NamedOrg[] {
  return db
    .prepare(
      `SELECT o.id, o.parent_id AS parentId, o.level, o.name, o.place_id AS placeId, p.name AS placeName, o.path, o.status
       FROM orgs o LEFT JOIN places p ON p.id = o.place_id ORDER BY o.path`,
    )
    .all() as NamedOrg[];
}

export function getOrg(db: Db, id: string): OrgRow | undefined {
  return db.prepare(`${SELECT} WHERE o.id = ?`).get(id) as OrgRow | undefined;
}

/** The subtree an optional unit filter selects: null for everything, a path matching nothing for an unknown unit. */
export function scopePathOf(db: Db, orgId: string | null): string | null {
  if (!orgId) return null;
  return (db.prepare('SELECT path FROM orgs WHERE id = ?').get(orgId) as { path: string } | undefined)?.path ?? '/none/';
}

export function rootOrgs(db: Db): { id: string; level: OrgLevel }[] {
  return db.prepare("SELECT id, level FROM orgs WHERE parent_id IS NULL AND status = 'active'").all() as {
    id: string;
    level: OrgLevel;
  }[];
}

export function insertOrg(db: Db, f: OrgFields, parentPath: string | null, operator: string): string {
  const id = newId();
  const s = newStamps(operator);
  db.prepare(
    `INSERT INTO orgs (id, parent_id, level, kind, name, name_pinyin, place_id, path, established_on,
                       created_at, updated_at, operator)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    f.parentId,
    f.level,
    f.kind,
    f.name,
    pinyinKeys(f.name, false).sort,
    f.placeId,
    `${parentPath ?? '/'}${id}/`,
    f.establishedOn,
    s.created_at,
    s.updated_at,
    operator,
  );
  return id;
}

export function updateOrg(
  db: Db,
  id: string,
  f: Pick<OrgFields, 'kind' | 'name' | 'placeId' | 'establishedOn'>,
  operator: string,
): void {
  db.prepare(
    `UPDATE orgs SET kind = ?, name = ?, name_pinyin = ?, place_id = ?, established_on = ?, updated_at = ?, operator = ?
     WHERE id = ?`,
  ).run(f.kind, f.name, pinyinKeys(f.name, false).sort, f.placeId, f.establishedOn, nowIso(), operator, id);
}

/** Moves a unit and its whole subtree under a new parent by rewriting the materialised paths. */
export function moveOrg(db: Db, id: string, oldPath: string, newParentId: string, newParentPath: string, operator: string) {
  const newPath = `${newParentPath}${id}/`;
  const [lo, hi] = prefixRange(oldPath);
  db.prepare(
    `UPDATE orgs SET path = ? || substr(path, ?), updated_at = ?, operator = ? WHERE path >= ? AND path < ?`,
  ).run(newPath, oldPath.length + 1, nowIso(), operator, lo, hi);
  db.prepare('UPDATE orgs SET parent_id = ? WHERE id = ?').run(newParentId, id);
}

export function dissolveOrg(db: Db, id: string, on: string, operator: string): void {
  db.prepare(
    `UPDATE orgs SET status = 'dissolved', dissolved_on = ?, updated_at = ?, operator = ? WHERE id = ?`,
  ).run(on, nowIso(), operator, id);
}

/** Active members and active child units in the subtree below (and including) a unit. */
export function subtreeUsage(db: Db, path: string): { members: number; children: number } {
  const [lo, hi] = prefixRange(path);
  return db
    .prepare(
      `SELECT
         (SELECT COUNT(*) FROM orgs o CROSS JOIN members m ON m.org_id = o.id
           WHERE o.path >= ? AND o.path < ? AND m.lifecycle = 'active') AS members,
         (SELECT COUNT(*) FROM orgs WHERE path > ? AND path < ? AND status = 'active') AS children`,
    )
    .get(lo, hi, lo, hi) as { members: number; children: number };
}

export function orgSiblingNameTaken(db: Db, parentId: string | null, name: string, exceptId?: string): boolean {
  return !!db
    .prepare(
      `SELECT 1 FROM orgs WHERE COALESCE(parent_id, '') = COALESCE(?, '') AND name = ? AND status = 'active'
         AND id <> COALESCE(?, '')`,
    )
    .get(parentId, name, exceptId ?? null);
}
