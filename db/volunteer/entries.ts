import type { Db } from '../open';
import { prefixRange } from '../pinyin';
import { Where } from '../where';
import type { Category, EntryListRow, SourceKind } from './types';
export type { EntryListRow } from './types';

/** The ledger as the 积分台账 screen and the certificate read it: newest first, named, with reversal marks. */

export interface EntryFilter {
  volunteerId: string | null;
  orgPath: string | null;
  category: Category | null;
  sourceKind: SourceKind | null;
  from: string | null;
  to: string | null;
  /** The last row shown: the page starts after it (keyset paging, so a deep page costs what the first does). */
  before?: { onDate: string; id: string } | null;
  offset: number;
  limit: number;
}

/** Counting stops here: a count of a million-row ledger costs more than the page. The list pages on past it by keyset. */
export const COUNT_CAP = 10_000;

export function listEntries(db: Db, f: EntryFilter): { rows: EntryListRow[]; total: number; capped: boolean } {
  const where = new Where();
  if (f.volunteerId) where.add('e.volunteer_id = ?', f.volunteerId);
  if (f.orgPath) where.add('e.org_id IN (SELECT id FROM orgs WHERE path >= ? AND path < ?)', ...prefixRange(f.orgPath));
  if (f.category) where.add('e.category = ?', f.category);
  if (f.sourceKind) where.add('e.source_kind = ?', f.sourceKind);
  if (f.from) where.add('e.on_date >= ?', f.from);
  if (f.to) where.add('e.on_date <= ?', f.to);
  const counted = (db.prepare(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM points_entries e ${where.sql} LIMIT ?)`).get(...where.args, COUNT_CAP + 1) as { n: number }).n;
  // The cursor narrows the page, not the count: the total stays the filter's. A row value compares in index order.
  if (f.before) where.add('(e.on_date, e.id) < (?, ?)', f.before.onDate, f.before.id);
  const rows = entryRows(db, `SELECT e.rowid AS rid FROM points_entries e ${where.sql} ORDER BY e.on_date DESC, e.id DESC LIMIT ? OFFSET ?`, [
    ...where.args, f.limit, f.before ? 0 : f.offset,
  ]);
  return { rows, total: Math.min(counted, COUNT_CAP), capped: counted > COUNT_CAP };
}

/** One entry as the ledger shows it (after a write, to hand back). */
export function getEntryRow(db: Db, id: string): EntryListRow | undefined {
  return entryRows(db, 'SELECT rowid AS rid FROM points_entries WHERE id = ?', [id])[0];
}

/**
 * The ledger's rows for the rowids `page` selects, named and marked, in ledger order. CROSS JOIN keeps the page
 * as the outer loop: joined plainly, the planner walked all million entries and probed the page for each.
 */
function entryRows(db: Db, page: string, args: unknown[]): EntryListRow[] {
  return db
    .prepare(
      `SELECT e.id, e.on_date AS onDate, e.volunteer_id AS volunteerId,
              CASE WHEN v.member_id IS NULL THEN v.name ELSE m.name END AS name, o.id AS orgId, o.name AS orgName,
              e.category, e.amount, e.hours_tenths AS hours, e.reason, e.source_kind AS sourceKind, e.source_id AS sourceId,
              CASE e.source_kind
                WHEN 'activity' THEN (SELECT a.title FROM volunteer_activities a WHERE a.id = e.source_id)
                WHEN 'meeting' THEN (SELECT mt.topic FROM meetings mt WHERE mt.id = e.source_id)
                WHEN 'redemption' THEN (SELECT i.name FROM redemptions r JOIN redemption_items i ON i.id = r.item_id WHERE r.id = e.source_id)
              END AS sourceTitle,
              e.reverses_id AS reversesId, (SELECT r.id FROM points_entries r WHERE r.reverses_id = e.id) AS reversedBy,
              (SELECT version FROM points_rules pr WHERE pr.id = e.rule_id) AS ruleVersion,
              e.operator, e.created_at AS createdAt
       FROM (${page}) page
       CROSS JOIN points_entries e ON e.rowid = page.rid JOIN volunteers v ON v.id = e.volunteer_id
       LEFT JOIN members m ON m.id = v.member_id JOIN orgs o ON o.id = e.org_id
       ORDER BY e.on_date DESC, e.id DESC`,
    )
    .all(...args) as EntryListRow[];
}
