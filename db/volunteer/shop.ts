import type { Db } from '../open';
import { newId } from '../ids';
import { nowIso } from '../moment';
import { pinyinKeys } from '../pinyin';
import { newStamps } from '../stamps';
import { Where } from '../where';
import type { ItemFields, ItemRow, RedemptionRow } from './types';
export type { ItemFields, ItemRow, RedemptionRow } from './types';

/** The redemption shop (积分超市 / 爱心超市): a catalogue with a points price and stock, and the redemptions. */

const SELECT = `SELECT i.id, i.name, i.price, i.stock, i.unit, i.description, i.status, i.updated_at AS updatedAt, i.operator,
  (SELECT COALESCE(SUM(r.quantity), 0) FROM redemptions r WHERE r.item_id = i.id
     AND NOT EXISTS (SELECT 1 FROM points_entries x WHERE x.reverses_id = r.entry_id)) AS redeemed
  FROM redemption_items i`;

export function listItems(db: Db, includeRetired: boolean): ItemRow[] {
  return db.prepare(`${SELECT} ${includeRetired ? '' : "WHERE i.status = 'active'"} ORDER BY i.status, i.name_pinyin`).all() as ItemRow[];
}

export function getItem(db: Db, id: string): ItemRow | undefined {
  return db.prepare(`${SELECT} WHERE i.id = ?`).get(id) as ItemRow | undefined;
}

export function itemNameTaken(db: Db, name: string, selfId?: string): boolean {
  return !!db.prepare('SELECT 1 FROM redemption_items WHERE name = ? AND id <> ?').get(name, selfId ?? '');
}

export function insertItem(db: Db, f: ItemFields, stock: number, operator: string): string {
  const id = newId();
  const s = newStamps(operator);
  db.prepare(
    `INSERT INTO redemption_items (id, name, name_pinyin, price, stock, unit, description, created_at, updated_at, operator)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, f.name, pinyinKeys(f.name, false).sort, f.price, stock, f.unit, f.description, s.created_at, s.updated_at, operator);
  return id;
}

export function updateItem(db: Db, id: string, f: ItemFields, status: 'active' | 'retired', operator: string): void {
  db.prepare(
    `UPDATE redemption_items SET name = ?, name_pinyin = ?, price = ?, unit = ?, description = ?, status = ?,
       updated_at = ?, operator = ? WHERE id = ?`,
  ).run(f.name, pinyinKeys(f.name, false).sort, f.price, f.unit, f.description, status, nowIso(), operator, id);
}

/**
 * Changes the stock by `delta` only if it stays at zero or above; false when it would not. One statement, so the
 * check and the change cannot be split by another writer.
 */
export function changeStock(db: Db, id: string, delta: number, operator: string): boolean {
  return (
    db
      .prepare('UPDATE redemption_items SET stock = stock + ?, updated_at = ?, operator = ? WHERE id = ? AND stock + ? >= 0')
      .run(delta, nowIso(), operator, id, delta).changes === 1
  );
}

export function insertRedemption(
  db: Db,
  r: { id: string; itemId: string; volunteerId: string; quantity: number; points: number; entryId: string; onDate: string },
  operator: string,
): void {
  db.prepare(
    `INSERT INTO redemptions (id, item_id, volunteer_id, quantity, points, entry_id, on_date, created_at, operator)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(r.id, r.itemId, r.volunteerId, r.quantity, r.points, r.entryId, r.onDate, nowIso(), operator);
}

export function redemptionByEntry(db: Db, entryId: string): { id: string; itemId: string; quantity: number } | undefined {
  return db.prepare('SELECT id, item_id AS itemId, quantity FROM redemptions WHERE entry_id = ?').get(entryId) as
    | { id: string; itemId: string; quantity: number }
    | undefined;
}

export function listRedemptions(db: Db, f: { itemId: string | null; volunteerId: string | null; limit: number }): RedemptionRow[] {
  const where = new Where();
  if (f.itemId) where.add('r.item_id = ?', f.itemId);
  if (f.volunteerId) where.add('r.volunteer_id = ?', f.volunteerId);
  const rows = db
    .prepare(
      `SELECT r.id, r.on_date AS onDate, i.name AS itemName, r.quantity, r.points, r.volunteer_id AS volunteerId,
              CASE WHEN v.member_id IS NULL THEN v.name ELSE m.name END AS name, r.entry_id AS entryId,
              EXISTS (SELECT 1 FROM points_entries x WHERE x.reverses_id = r.entry_id) AS reversed, r.operator
       FROM redemptions r JOIN redemption_items i ON i.id = r.item_id JOIN volunteers v ON v.id = r.volunteer_id
       LEFT JOIN members m ON m.id = v.member_id
       ${where.sql} ORDER BY r.on_date DESC, r.id DESC LIMIT ?`,
    )
    .all(...where.args, f.limit) as (Omit<RedemptionRow, 'reversed'> & { reversed: number })[];
  return rows.map((r) => ({ ...r, reversed: r.reversed === 1 }));
}
