import { nowIso } from '../moment';
import type { Db } from '../open';
import type { CategoryRow, Direction } from './types';

/** The fund's income and expense categories (migration 009's table, 046's `retired_at`), in their lists' order. */
export const listCategories = (db: Db): CategoryRow[] =>
  (db.prepare('SELECT direction, code, label, retired_at IS NOT NULL AS retired FROM fund_categories ORDER BY direction DESC, position')
    .all() as (Omit<CategoryRow, 'retired'> & { retired: number })[]).map((c) => ({ ...c, retired: c.retired === 1 }));

/** A category's name and whether it is retired (no longer offered for new entries); undefined: no such category. */
export function categoryOf(db: Db, direction: Direction, code: string): { label: string; retired: boolean } | undefined {
  const r = db.prepare('SELECT label, retired_at IS NOT NULL AS retired FROM fund_categories WHERE direction = ? AND code = ?').get(direction, code) as
    { label: string; retired: number } | undefined;
  return r && { label: r.label, retired: r.retired === 1 };
}

/** How many journal entries (drafts included) each category has: a category in use is retired, never deleted. */
export const categoryUse = (db: Db): { direction: Direction; code: string; n: number }[] =>
  db.prepare('SELECT direction, category AS code, COUNT(*) AS n FROM fund_entries GROUP BY direction, category').all() as { direction: Direction; code: string; n: number }[];

/** A new category at the end of its list. */
export function insertCategory(db: Db, direction: Direction, code: string, label: string): void {
  db.prepare(
    `INSERT INTO fund_categories (direction, code, label, position)
     VALUES (?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM fund_categories WHERE direction = ?))`,
  ).run(direction, code, label, direction);
}

export function setCategoryRetired(db: Db, direction: Direction, code: string, retired: boolean): void {
  db.prepare('UPDATE fund_categories SET retired_at = ? WHERE direction = ? AND code = ?').run(retired ? nowIso() : null, direction, code);
}

export function deleteCategory(db: Db, direction: Direction, code: string): void {
  db.prepare('DELETE FROM fund_categories WHERE direction = ? AND code = ?').run(direction, code);
}
