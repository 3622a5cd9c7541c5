import type { Db } from '../open';
import { newId } from '../ids';
import { nowIso } from '../moment';
import { memberQuerySql, pinyinKeys } from '../pinyin';
import { newStamps } from '../stamps';
import type { PlaceHit, PlaceKind, PlaceRow } from './types';
export type { PlaceHit, PlaceKind, PlaceRow } from './types';

export interface PlaceFields {
  kind: PlaceKind;
  parentId: string | null;
  name: string;
  code: string | null;
  unitCount: number | null;
  households: number | null;
  note: string | null;
}

const SELECT = `
  SELECT p.id, p.kind, p.parent_id AS parentId, p.name, p.code, p.unit_count AS unitCount,
         p.households, p.note, p.updated_at AS updatedAt, p.operator,
         (SELECT COUNT(*) FROM places c WHERE c.parent_id = p.id) AS childCount
  FROM places p`;

export function listPlaces(db: Db): PlaceRow[] {
  return db.prepare(`${SELECT} ORDER BY p.kind, p.name`).all() as PlaceRow[];
}

const PATH_NAME = `trim(COALESCE(pp.name || ' ', '') || COALESCE(p1.name || ' ', '') || p.name)`;

/**
 * Places for a picker, word by word: each word of `q` must match the place, its estate or its community — latin
 * letters (with digits) as the start of the pinyin initials or the joined pinyin of one of those names (yg 3hl →
 * 阳光小区 3号楼; the members' rule, db/pinyin.ts) or as part of the name (A座), anything else as part of the full name. In the order of the full name's pinyin. A
 * street has some thousands of places, so the words are checked over the joined rows, not through an index.
 */
export function searchPlaces(db: Db, q: string, limit: number): PlaceHit[] {
  const words = q.trim().split(/\s+/).filter(Boolean);
  const conds: string[] = [];
  const args: unknown[] = [];
  for (const w of words) {
    if (/^[a-z0-9]*[a-z][a-z0-9]*$/i.test(w)) {
      // Digits stay as they are in the keys (3号楼 is 3hl) and in the name (A座 may be typed a).
      const arms = ['p', 'p1', 'pp'].map((a) => memberQuerySql({ kind: 'pinyin', key: w.toLowerCase() }, a));
      conds.push(`(${arms.map((a) => a.sql).join(' OR ')} OR instr(upper(${PATH_NAME}), ?) > 0)`);
      args.push(...arms.flatMap((a) => a.args), w.toUpperCase());
    } else {
      conds.push(`instr(${PATH_NAME}, ?) > 0`);
      args.push(w);
    }
  }
  return db.prepare(`
    SELECT p.id, p.kind, ${PATH_NAME} AS label
    FROM places p LEFT JOIN places p1 ON p1.id = p.parent_id LEFT JOIN places pp ON pp.id = p1.parent_id
    ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''}
    ORDER BY COALESCE(pp.name_pinyin || ' ', '') || COALESCE(p1.name_pinyin || ' ', '') || p.name_pinyin, p.id LIMIT ?`).all(...args, limit) as PlaceHit[];
}

export function getPlace(db: Db, id: string): PlaceRow | undefined {
  return db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as PlaceRow | undefined;
}

export function findSiblingByName(db: Db, parentId: string | null, name: string): { id: string } | undefined {
  return db
    .prepare(`SELECT id FROM places WHERE COALESCE(parent_id, '') = COALESCE(?, '') AND name = ?`)
    .get(parentId, name) as { id: string } | undefined;
}

/** Search keys (Ctrl+K by pinyin, migration 027): a place's name is read as a word, not a surname and given name. */
const placeKeys = (name: string) => pinyinKeys(name, false);

export function insertPlace(db: Db, f: PlaceFields, operator: string): string {
  const id = newId();
  const s = newStamps(operator);
  const k = placeKeys(f.name);
  db.prepare(
    `INSERT INTO places (id, kind, parent_id, name, name_pinyin, name_initials, code, unit_count, households, note,
       created_at, updated_at, operator)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, f.kind, f.parentId, f.name, k.sort, k.initials, f.code, f.unitCount, f.households, f.note, s.created_at, s.updated_at, operator);
  return id;
}

export function updatePlace(db: Db, id: string, f: Omit<PlaceFields, 'kind' | 'parentId'>, operator: string): void {
  const k = placeKeys(f.name);
  db.prepare(
    `UPDATE places SET name = ?, name_pinyin = ?, name_initials = ?, code = ?, unit_count = ?, households = ?, note = ?,
       updated_at = ?, operator = ?
     WHERE id = ?`,
  ).run(f.name, k.sort, k.initials, f.code, f.unitCount, f.households, f.note, nowIso(), operator, id);
}

/**
 * How many rows point at a place, over every column that references places(id) — read from the schema, so a
 * module adding one (estates, elevators, fund accounts…) needs no change here and the count is never short of
 * what the foreign keys would refuse.
 */
export function placeUsage(db: Db, id: string): number {
  const refs = db
    .prepare(
      `SELECT m.name AS tbl, f."from" AS col FROM sqlite_master m, pragma_foreign_key_list(m.name) f
        WHERE m.type = 'table' AND f."table" = 'places' ORDER BY m.name, f."from"`,
    )
    .all() as { tbl: string; col: string }[];
  if (refs.length === 0) return 0;
  const sql = refs.map((r) => `(SELECT COUNT(*) FROM "${r.tbl}" WHERE "${r.col}" = ?)`).join(' + ');
  return (db.prepare(`SELECT ${sql} AS n`).get(...refs.map(() => id)) as { n: number }).n;
}

export function deletePlace(db: Db, id: string): void {
  db.prepare('DELETE FROM places WHERE id = ?').run(id);
}
