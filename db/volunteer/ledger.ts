import type { Db } from '../open';
import { newId, nowIso } from '../ids';
import type { Expiry } from './rules';

/**
 * The points ledger: append-only entries (the table's triggers refuse UPDATE and DELETE) and the totals kept
 * beside them — per person and year/quarter (points_totals), per unit and month (points_org_totals) — changed in
 * the same transaction as each entry, so balances and rankings never scan the ledger.
 * Amounts and hours are integer tenths.
 */

export type Category = 'base' | 'service' | 'contribution' | 'redeem';
export type SourceKind = 'activity' | 'meeting' | 'donation' | 'redemption' | 'manual' | 'opening';

export interface EntryInput {
  volunteerId: string;
  /** The person's unit when the entry is written: branch and community figures add up from it. */
  orgId: string;
  onDate: string;
  category: Category;
  amount: number;
  hours: number;
  reason: string;
  sourceKind: SourceKind;
  sourceId: string | null;
  ruleId: string | null;
  reversesId: string | null;
}

export interface EntryRow extends EntryInput {
  id: string;
  year: number;
  quarter: number;
  operator: string;
  createdAt: string;
}

export const quarterOf = (isoDate: string): number => Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + 1;

const COLUMNS = `e.id, e.volunteer_id AS volunteerId, e.org_id AS orgId, e.on_date AS onDate, e.year, e.quarter,
  e.category, e.amount, e.hours_tenths AS hours, e.reason, e.source_kind AS sourceKind, e.source_id AS sourceId,
  e.rule_id AS ruleId, e.reverses_id AS reversesId, e.operator, e.created_at AS createdAt`;

export function getEntry(db: Db, id: string): EntryRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM points_entries e WHERE e.id = ?`).get(id) as EntryRow | undefined;
}

/** The entry that reversed this one, if any (an entry is reversed at most once: reverses_id is unique). */
export function reversalOf(db: Db, id: string): string | null {
  return (db.prepare('SELECT id FROM points_entries WHERE reverses_id = ?').get(id) as { id: string } | undefined)?.id ?? null;
}

/**
 * The entries written for a source (an activity, a meeting) that have not been reversed. `+` keeps the planner
 * (no statistics) from taking `reverses_id IS NULL` for selective and walking a million entries by that index.
 */
export function liveEntriesOf(db: Db, sourceKind: SourceKind, sourceId: string): EntryRow[] {
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM points_entries e WHERE e.source_kind = ? AND e.source_id = ? AND +e.reverses_id IS NULL
         AND NOT EXISTS (SELECT 1 FROM points_entries r WHERE r.reverses_id = e.id)`,
    )
    .all(sourceKind, sourceId) as EntryRow[];
}

const byCategory = (e: Pick<EntryInput, 'category' | 'amount'>) => [
  e.category === 'base' ? e.amount : 0,
  e.category === 'service' ? e.amount : 0,
  e.category === 'contribution' ? e.amount : 0,
  e.category === 'redeem' ? e.amount : 0,
];

const ADD = `base = base + excluded.base, service = service + excluded.service,
  contribution = contribution + excluded.contribution, redeemed = redeemed + excluded.redeemed,
  hours_tenths = hours_tenths + excluded.hours_tenths`;
/** Points earned (what rankings count): everything but spending. */
const earnedBy = (e: Pick<EntryInput, 'category' | 'amount'>) => (e.category === 'redeem' ? 0 : e.amount);

/** Adds one entry to the person's year and quarter totals, to its unit's month and to the month overall. */
export function addToTotals(db: Db, e: Pick<EntryInput, 'volunteerId' | 'orgId' | 'onDate' | 'category' | 'amount' | 'hours'>): void {
  const year = Number(e.onDate.slice(0, 4));
  const parts = byCategory(e);
  const person = db.prepare(
    `INSERT INTO points_totals (volunteer_id, year, quarter, base, service, contribution, redeemed, hours_tenths, earned)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (volunteer_id, year, quarter) DO UPDATE SET ${ADD}, earned = earned + excluded.earned`,
  );
  person.run(e.volunteerId, year, 0, ...parts, e.hours, earnedBy(e));
  person.run(e.volunteerId, year, quarterOf(e.onDate), ...parts, e.hours, earnedBy(e));
  const month = Number(e.onDate.slice(5, 7));
  db.prepare(
    `INSERT INTO points_org_totals (org_id, year, month, base, service, contribution, redeemed, hours_tenths)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (year, month, org_id) DO UPDATE SET ${ADD}`,
  ).run(e.orgId, year, month, ...parts, e.hours);
  db.prepare(
    `INSERT INTO points_month_totals (year, month, base, service, contribution, redeemed, hours_tenths)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (year, month) DO UPDATE SET ${ADD}`,
  ).run(year, month, ...parts, e.hours);
}

/** Appends an entry and updates the totals; the caller's transaction holds both. */
export function appendEntry(db: Db, e: EntryInput, operator: string): string {
  const id = insertEntryRow(db, e, operator, nowIso());
  addToTotals(db, e);
  return id;
}

/**
 * The entry alone, without the totals: for a bulk load that rebuilds the totals once at its end (rebuildTotals);
 * everything else calls appendEntry.
 */
export function insertEntryRow(db: Db, e: EntryInput, operator: string, createdAt: string): string {
  const id = newId();
  db.prepare(
    `INSERT INTO points_entries (id, volunteer_id, org_id, on_date, year, quarter, category, amount, hours_tenths, reason,
                                 source_kind, source_id, rule_id, reverses_id, operator, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, e.volunteerId, e.orgId, e.onDate, Number(e.onDate.slice(0, 4)), quarterOf(e.onDate), e.category, e.amount,
    e.hours, e.reason, e.sourceKind, e.sourceId, e.ruleId, e.reversesId, operator, createdAt);
  return id;
}

/** The cancelling twin of an entry: same person, unit, date and category, opposite amount and hours. */
export function appendReversal(db: Db, original: EntryRow, reason: string, operator: string): string {
  return appendEntry(db, {
    ...original,
    amount: -original.amount,
    hours: -original.hours,
    reason,
    reversesId: original.id,
  }, operator);
}

// ---------------------------------------------------------------- balances

export interface PersonYear {
  year: number;
  base: number;
  service: number;
  contribution: number;
  redeemed: number;
  earned: number;
  hours: number;
}

export function personYears(db: Db, volunteerId: string): PersonYear[] {
  return db
    .prepare(
      `SELECT year, base, service, contribution, redeemed, earned, hours_tenths AS hours
       FROM points_totals WHERE volunteer_id = ? AND quarter = 0 ORDER BY year DESC`,
    )
    .all(volunteerId) as PersonYear[];
}

/**
 * What a person may spend: with yearly expiry only the given year's entries count (a rule applied when reading,
 * nothing is deleted); with roll-over, every year's.
 */
export function balanceOf(db: Db, volunteerId: string, expiry: Expiry, year: number): number {
  const row = db
    .prepare(
      `SELECT COALESCE(SUM(earned + redeemed), 0) AS b FROM points_totals
       WHERE volunteer_id = ? AND quarter = 0 ${expiry === 'yearly' ? 'AND year = ?' : ''}`,
    )
    .get(...(expiry === 'yearly' ? [volunteerId, year] : [volunteerId])) as { b: number };
  return row.b;
}

/** Recomputes every total from the ledger (after a bulk load; and the check that the maintained ones agree). */
export function rebuildTotals(db: Db): void {
  db.exec(`
    DELETE FROM points_totals;
    DELETE FROM points_org_totals;
    DELETE FROM points_month_totals;
    INSERT INTO points_totals (volunteer_id, year, quarter, base, service, contribution, redeemed, hours_tenths, earned)
      SELECT volunteer_id, year, q, SUM(CASE category WHEN 'base' THEN amount ELSE 0 END),
             SUM(CASE category WHEN 'service' THEN amount ELSE 0 END),
             SUM(CASE category WHEN 'contribution' THEN amount ELSE 0 END),
             SUM(CASE category WHEN 'redeem' THEN amount ELSE 0 END), SUM(hours_tenths),
             SUM(CASE category WHEN 'redeem' THEN 0 ELSE amount END)
      FROM (SELECT *, 0 AS q FROM points_entries UNION ALL SELECT *, quarter AS q FROM points_entries)
      GROUP BY volunteer_id, year, q;
    INSERT INTO points_org_totals (org_id, year, month, base, service, contribution, redeemed, hours_tenths)
      SELECT org_id, year, CAST(substr(on_date, 6, 2) AS INTEGER), SUM(CASE category WHEN 'base' THEN amount ELSE 0 END),
             SUM(CASE category WHEN 'service' THEN amount ELSE 0 END),
             SUM(CASE category WHEN 'contribution' THEN amount ELSE 0 END),
             SUM(CASE category WHEN 'redeem' THEN amount ELSE 0 END), SUM(hours_tenths)
      FROM points_entries GROUP BY org_id, year, substr(on_date, 6, 2);
    INSERT INTO points_month_totals (year, month, base, service, contribution, redeemed, hours_tenths)
      SELECT year, month, SUM(base), SUM(service), SUM(contribution), SUM(redeemed), SUM(hours_tenths)
      FROM points_org_totals GROUP BY year, month;
  `);
}
