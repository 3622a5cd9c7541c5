import type { Db } from '../open';
import { newId } from '../ids';
import { chainWriter } from '../ledger/chain';
import { nowIso } from '../moment';
import { rebuildAll } from '../reconcile';
import { POINTS_CHAIN } from './points-chain';
import { POINTS_TOTALS } from './totals';
import type { Category, Expiry, PersonYear, SourceKind } from './types';
export type { Category, PersonYear, SourceKind } from './types';

/**
 * The points ledger: append-only, hash-chained entries (the table's triggers refuse UPDATE and DELETE; every entry
 * goes through the chain, db/ledger/chain.ts) and the totals kept beside them — per person and year/quarter
 * (points_totals), per unit and month (points_org_totals) or year and quarter (points_unit_totals) — changed in the same transaction as each entry, so
 * rankings and lists never scan the ledger. Spending is checked against the ledger itself (ledgerBalanceOf).
 * Amounts and hours are integer tenths.
 */

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

/** Adds one entry to the person's year and quarter totals, to its unit's year, quarter and month, and to the month overall. */
export function addToTotals(db: Db, e: Pick<EntryInput, 'volunteerId' | 'orgId' | 'onDate' | 'category' | 'amount' | 'hours'>): void {
  const year = Number(e.onDate.slice(0, 4));
  const parts = byCategory(e);
  const person = db.prepare(
    `INSERT INTO points_totals (volunteer_id, year, quarter, base, service, contribution, redeemed, hours_tenths, earned)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (volunteer_id, year, quarter) DO UPDATE SET ${ADD}, earned = earned + excluded.earned`,
  );
  person.run(e.volunteerId, year, 0, ...parts, e.hours, earnedBy(e));
  person.run(e.volunteerId, year, quarterOf(e.onDate), ...parts, e.hours, earnedBy(e));
  const unit = db.prepare(
    `INSERT INTO points_unit_totals (org_id, year, quarter, base, service, contribution, redeemed, hours_tenths)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (org_id, year, quarter) DO UPDATE SET ${ADD}`,
  );
  unit.run(e.orgId, year, 0, ...parts, e.hours);
  unit.run(e.orgId, year, quarterOf(e.onDate), ...parts, e.hours);
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
  const id = entryWriter(db)(e, operator, nowIso());
  addToTotals(db, e);
  return id;
}

/**
 * Writes entries onto the ledger's chain without the totals: appendEntry's half, and on its own for a bulk load
 * that rebuilds the totals once at its end (rebuildTotals). One writer holds the chain's head for its transaction.
 */
export function entryWriter(db: Db): (e: EntryInput, operator: string, createdAt: string) => string {
  const append = chainWriter(db, POINTS_CHAIN);
  return (e, operator, createdAt) => {
    const id = newId();
    append({
      id, volunteer_id: e.volunteerId, org_id: e.orgId, on_date: e.onDate, year: Number(e.onDate.slice(0, 4)),
      quarter: quarterOf(e.onDate), category: e.category, amount: e.amount, hours_tenths: e.hours, reason: e.reason,
      source_kind: e.sourceKind, source_id: e.sourceId, rule_id: e.ruleId, reverses_id: e.reversesId, operator,
      created_at: createdAt,
    });
    return id;
  };
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

export function personYears(db: Db, volunteerId: string): PersonYear[] {
  return db
    .prepare(
      `SELECT year, base, service, contribution, redeemed, earned, hours_tenths AS hours
       FROM points_totals WHERE volunteer_id = ? AND quarter = 0 ORDER BY year DESC`,
    )
    .all(volunteerId) as PersonYear[];
}

const expiryScope = (expiry: Expiry, year: number) => (expiry === 'yearly' ? { sql: 'AND year = ?', args: [year] } : { sql: '', args: [] });

/**
 * A person's balance from the maintained totals, for showing it (lists, a record). With yearly expiry only the
 * given year's entries count (a rule applied when reading, nothing is deleted); with roll-over, every year's.
 * Spending checks ledgerBalanceOf instead: a cache alone never decides whether points may be spent.
 */
export function balanceOf(db: Db, volunteerId: string, expiry: Expiry, year: number): number {
  const scope = expiryScope(expiry, year);
  return (db.prepare(`SELECT COALESCE(SUM(earned + redeemed), 0) AS b FROM points_totals WHERE volunteer_id = ? AND quarter = 0 ${scope.sql}`)
    .get(volunteerId, ...scope.args) as { b: number }).b;
}

/** The same balance summed from the person's entries (index points_entries_person), for every spending check. */
export function ledgerBalanceOf(db: Db, volunteerId: string, expiry: Expiry, year: number): number {
  const scope = expiryScope(expiry, year);
  return (db.prepare(`SELECT COALESCE(SUM(amount), 0) AS b FROM points_entries INDEXED BY points_entries_person WHERE volunteer_id = ? ${scope.sql}`)
    .get(volunteerId, ...scope.args) as { b: number }).b;
}

/** Recomputes every total from the ledger (after a bulk load; db/reconcile.ts checks the maintained ones agree). */
export function rebuildTotals(db: Db): void {
  for (const t of POINTS_TOTALS) rebuildAll(db, t);
}

/**
 * The opening balances carried over from paper (source `opening`, reversals left out), each with its person: the
 * member's id for a member volunteer, else the volunteer's — so a second import of the same file finds them.
 */
export function openingEntries(db: Db): { id: string; category: Category; onDate: string; who: string }[] {
  return db
    .prepare(
      `SELECT e.id, e.category, e.on_date AS onDate, COALESCE(v.member_id, v.id) AS who FROM points_entries e
       JOIN volunteers v ON v.id = e.volunteer_id WHERE e.source_kind = 'opening' AND +e.reverses_id IS NULL`,
    )
    .all() as { id: string; category: Category; onDate: string; who: string }[];
}
