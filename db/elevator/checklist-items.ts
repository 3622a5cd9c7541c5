import { nowIso } from '../moment';
import type { Db } from '../open';
import type { StreetChecklistItem, StreetChecklistLevel } from './types';

const PREFIX: Record<StreetChecklistLevel, string> = { half_yearly: 'A3', yearly: 'A4' };

/**
 * The street's half-yearly and yearly items (migration 048), each level in code order: what every maintenance form
 * and save reads, so no use counts here (those scan every record, `streetItemUse`).
 */
export function listStreetItems(db: Db): StreetChecklistItem[] {
  const rows = db
    .prepare('SELECT code, level, name, retired_at IS NOT NULL AS retired FROM elevator_checklist_items ORDER BY code')
    .all() as (Omit<StreetChecklistItem, 'retired'> & { retired: number })[];
  return rows.map((r) => ({ ...r, retired: r.retired === 1 }));
}

/** How many records ticked each street item, in one pass over the records' item lists (for 设置 only). */
export function streetItemUse(db: Db): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT j.value AS code, COUNT(*) AS n FROM elevator_maintenance m, json_each(m.items) j
       WHERE j.value GLOB 'A[34]-[0-9][0-9]' GROUP BY j.value`,
    )
    .all() as { code: string; n: number }[];
  return new Map(rows.map((r) => [r.code, r.n]));
}

/** A new item at the end of its level's table: A3-01, A3-02…; the number after the highest, so none is given twice while it lasts. */
export function insertStreetItem(db: Db, level: StreetChecklistLevel, name: string, operator: string): string {
  const prefix = PREFIX[level];
  const last = db.prepare('SELECT MAX(CAST(substr(code, 4) AS INTEGER)) FROM elevator_checklist_items WHERE level = ?').pluck().get(level) as number | null;
  const code = `${prefix}-${String((last ?? 0) + 1).padStart(2, '0')}`;
  db.prepare('INSERT INTO elevator_checklist_items (code, level, name, created_at, operator) VALUES (?, ?, ?, ?, ?)').run(code, level, name, nowIso(), operator);
  return code;
}

export function setStreetItemRetired(db: Db, code: string, retired: boolean): void {
  db.prepare('UPDATE elevator_checklist_items SET retired_at = ? WHERE code = ?').run(retired ? nowIso() : null, code);
}

export function deleteStreetItem(db: Db, code: string): void {
  db.prepare('DELETE FROM elevator_checklist_items WHERE code = ?').run(code);
}
