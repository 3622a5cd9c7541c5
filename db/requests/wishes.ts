import type { Db } from '../open';
import { newId } from '../ids';
import { nowIso } from '../moment';
import { newStamps } from '../stamps';
import { Where } from '../where';
import type { WishFields, WishKind, WishRow, WishState } from './types';
export type { WishFields, WishKind, WishRow, WishState } from './types';

/** 微心愿 and the needs list (migration 018): published, claimed, fulfilled or withdrawn. */

const LIST = `
  w.id, w.kind, w.place_id AS placeId, trim(COALESCE(pp.name || ' ', '') || COALESCE(p1.name || ' ', '') || p.name) AS placeName,
  w.title, w.detail, w.wisher_name AS wisherName, w.wisher_phone AS wisherPhone, w.published_on AS publishedOn,
  w.state, w.claimer_member_id AS claimerMemberId, m.name AS claimerName, w.claimer_unit AS claimerUnit,
  w.claimed_on AS claimedOn, w.fulfilled_on AS fulfilledOn, w.result, w.hours_tenths AS hoursTenths,
  w.activity_id AS activityId, w.withdrawn_reason AS withdrawnReason, w.created_at AS createdAt,
  w.updated_at AS updatedAt, w.operator`;
const FROM = `
  FROM wishes w
  JOIN places p ON p.id = w.place_id
  LEFT JOIN places p1 ON p1.id = p.parent_id
  LEFT JOIN places pp ON pp.id = p1.parent_id
  LEFT JOIN members m ON m.id = w.claimer_member_id`;
const SELECT = `SELECT ${LIST} ${FROM}`;

export const getWish = (db: Db, id: string): WishRow | undefined => db.prepare(`${SELECT} WHERE w.id = ?`).get(id) as WishRow | undefined;

export interface WishFilter {
  state: WishState | null;
  kind: WishKind | null;
  offset: number;
  limit: number;
}

/** A page of the list, newest first (through wishes_state or wishes_published). */
export function listWishes(db: Db, f: WishFilter): { rows: WishRow[]; total: number } {
  const where = new Where();
  if (f.state) where.add('w.state = ?', f.state);
  if (f.kind) where.add('w.kind = ?', f.kind);
  const rows = db.prepare(`${SELECT} ${where.sql} ORDER BY w.published_on DESC, w.id DESC LIMIT ? OFFSET ?`).all(...where.args, f.limit, f.offset) as WishRow[];
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM wishes w ${where.sql}`).get(...where.args) as { n: number }).n;
  return { rows, total };
}

export function insertWish(db: Db, f: WishFields, operator: string): string {
  const id = newId();
  const s = newStamps(operator);
  db.prepare(`INSERT INTO wishes (id, kind, place_id, title, detail, wisher_name, wisher_phone, published_on, state, created_at, updated_at, operator)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`)
    .run(id, f.kind, f.placeId, f.title, f.detail, f.wisherName, f.wisherPhone, f.publishedOn, s.created_at, s.updated_at, operator);
  return id;
}

export function updateWish(db: Db, id: string, f: WishFields, operator: string): void {
  db.prepare(`UPDATE wishes SET kind = ?, place_id = ?, title = ?, detail = ?, wisher_name = ?, wisher_phone = ?, published_on = ?,
              updated_at = ?, operator = ? WHERE id = ?`)
    .run(f.kind, f.placeId, f.title, f.detail, f.wisherName, f.wisherPhone, f.publishedOn, nowIso(), operator, id);
}

/** What a move of the wish settles; the columns not named keep their values. */
export interface WishMove {
  state: WishState;
  claimerMemberId?: string | null;
  claimerUnit?: string | null;
  claimedOn?: string | null;
  fulfilledOn?: string | null;
  result?: string | null;
  hoursTenths?: number | null;
  activityId?: string | null;
  withdrawnReason?: string | null;
}

const COLUMNS: Record<Exclude<keyof WishMove, 'state'>, string> = {
  claimerMemberId: 'claimer_member_id', claimerUnit: 'claimer_unit', claimedOn: 'claimed_on', fulfilledOn: 'fulfilled_on',
  result: 'result', hoursTenths: 'hours_tenths', activityId: 'activity_id', withdrawnReason: 'withdrawn_reason',
};

/** Moves the wish from `from` to its new state; false when it was no longer in `from` (nothing written). */
export function moveWish(db: Db, id: string, from: WishState, move: WishMove, operator: string): boolean {
  const keys = (Object.keys(move) as (keyof WishMove)[]).filter((k): k is Exclude<keyof WishMove, 'state'> => k !== 'state');
  const set = keys.map((k) => `${COLUMNS[k]} = ?`).join(', ');
  return db.prepare(`UPDATE wishes SET state = ?${set ? `, ${set}` : ''}, updated_at = ?, operator = ? WHERE id = ? AND state = ?`)
    .run(move.state, ...keys.map((k) => move[k] ?? null), nowIso(), operator, id, from).changes === 1;
}

/** The home page's count: wishes published and not yet claimed. */
export const openWishes = (db: Db): number => (db.prepare("SELECT COUNT(*) AS n FROM wishes WHERE state = 'open'").get() as { n: number }).n;

/**
 * The community's party organisation (社区党委/党总支) of the place's community, which organises and records the
 * service when a member fulfils a wish ("谁组织谁记录"); undefined when no active one names that community.
 */
export const communityOrgOfPlace = (db: Db, placeId: string): string | undefined =>
  (db.prepare(`
    SELECT o.id FROM places p LEFT JOIN places p1 ON p1.id = p.parent_id LEFT JOIN places pp ON pp.id = p1.parent_id
    JOIN orgs o ON o.place_id = COALESCE(pp.id, p1.id, p.id) AND o.level = 'community_committee' AND o.status = 'active'
    WHERE p.id = ? ORDER BY o.path LIMIT 1`).get(placeId) as { id: string } | undefined)?.id;

/**
 * Every wish of one community (by its place: the wish's place, its estate's or its building's estate's) or of the
 * whole installation, oldest first, with the community named (data packages: the receiver has no places register).
 * The wisher leaves as stored; the export layer masks them.
 */
export const exportWishes = (db: Db, communityPlaceId: string | null): (WishRow & { community: string })[] =>
  db.prepare(`SELECT ${LIST}, COALESCE(pp.name, p1.name, p.name) AS community ${FROM}
    WHERE ? IS NULL OR COALESCE(pp.id, p1.id, p.id) = ? ORDER BY w.published_on, w.id`).all(communityPlaceId, communityPlaceId) as (WishRow & { community: string })[];
