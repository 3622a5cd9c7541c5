import type { Db } from '../open';

/**
 * 汇总概览's counts per consolidated unit and package table (`consolidated_figures`, migration 039), recounted
 * from the copies whenever a write changes them (the writers in consolidated.ts: an import, once per unit and
 * table it wrote; a correction; a settled conflict). Counted at read time they meant parsing every copy's JSON on
 * every visit of the home page — 1.1 s at district scale — and a trigger per copy cost more at import than
 * recounting the unit's table once. Each figure is a function of the copies as they stand (corrections applied,
 * removed ones left out), so the counts are as order-independent as the copies.
 *
 * Keys: `members`, `members.full|probationary` (on the register), `orgs` (not dissolved), `volunteers` (not left),
 * `hours:YYYY` / `points:YYYY` (ledger entries by year, tenths; spending is no merit) and per person
 * `earned:YYYY:<volunteer id>` / `served:YYYY:<volunteer id>`, and 民呼必应 as its 概览's
 * month tally counts (db/requests/dashboard.ts): `received:YYYY-MM` by 上报 day; `done:`, `rated:`, `satisfied:`
 * (满意 and 基本满意) by 办结 day; `open:YYYY-MM-DD` by deadline for those still being handled (overdue today: the
 * keys before today).
 */
type Fields = Record<string, string | number | null>;
/** A copy's figures: each [key, amount] it adds to (nothing for a key it leaves out). */
type Figures = (r: Fields, add: (key: string, n: unknown) => void) => void;

const year = (d: unknown) => (typeof d === 'string' ? d.slice(0, 4) : null);
const month = (d: unknown) => (typeof d === 'string' ? d.slice(0, 7) : null);

const FIGURES: Record<string, { fields: string[]; figures: Figures }> = {
  'party.members': {
    fields: ['lifecycle', 'status'],
    figures: (r, add) => {
      if (r.lifecycle !== 'active') return;
      add('members', 1);
      if (r.status !== null) add(`members.${r.status}`, 1);
    },
  },
  'party.orgs': { fields: ['status'], figures: (r, add) => r.status === 'active' && add('orgs', 1) },
  'volunteer.people': { fields: ['leftOn'], figures: (r, add) => r.leftOn === null && add('volunteers', 1) },
  'volunteer.entries': {
    fields: ['onDate', 'category', 'amount', 'hoursTenths', 'volunteerId'],
    figures: (r, add) => {
      const y = year(r.onDate);
      if (y === null) return;
      add(`hours:${y}`, r.hoursTenths);
      // Each person's year, for the ranking over every consolidated person (积分排行's rule); spending is no merit.
      const merit = r.category !== null && r.category !== 'redeem';
      if (merit) add(`points:${y}`, r.amount);
      if (r.volunteerId === null) return;
      if (merit) add(`earned:${y}:${r.volunteerId}`, r.amount);
      add(`served:${y}:${r.volunteerId}`, r.hoursTenths);
    },
  },
  'requests.requests': {
    fields: ['reportedOn', 'doneOn', 'dueOn', 'state', 'rating'],
    figures: (r, add) => {
      const reported = month(r.reportedOn);
      if (reported !== null) add(`received:${reported}`, 1);
      const done = month(r.doneOn);
      if (done !== null) {
        add(`done:${done}`, 1);
        if (r.rating !== null) add(`rated:${done}`, 1);
        if (r.rating === 'satisfied' || r.rating === 'mostly_satisfied') add(`satisfied:${done}`, 1);
      }
      if ((r.state === 'assigned' || r.state === 'supervised') && r.dueOn !== null) add(`open:${r.dueOn}`, 1);
    },
  },
};

export const countedTables = Object.keys(FIGURES);

/** The figures one copy adds, as the recount reads it (a field it lacks is null, as json_extract gives it). */
function addCopy(table: string, record: object, sign: 1 | -1, into: Map<string, number>): void {
  const def = FIGURES[table];
  if (!def) return;
  const fields: Fields = {};
  for (const f of def.fields) fields[f] = ((record as Record<string, unknown>)[f] ?? null) as Fields[string];
  // As SQL's SUM: an amount that is not a number adds nothing.
  def.figures(fields, (key, n) => typeof n === 'number' && into.set(key, (into.get(key) ?? 0) + sign * n));
}

/**
 * The change to one unit's table figures from copies written: each copy's figures added, and those of the
 * copy it replaced or removed (as it was seen: null when it was absent or removed) taken away. An import's
 * records are in hand, so its figures need not be re-read from every copy of the table (1.2 s of a
 * 12-package consolidation was that re-read).
 */
export class FigureChanges {
  readonly #table: string;
  readonly #delta = new Map<string, number>();

  constructor(table: string) {
    this.#table = table;
  }

  /** A copy written over `previous` (the record seen before, or null). */
  replaced(next: object | null, previous: object | string | null): void {
    if (!FIGURES[this.#table]) return;
    if (next) addCopy(this.#table, next, 1, this.#delta);
    if (previous) addCopy(this.#table, typeof previous === 'string' ? (JSON.parse(previous) as object) : previous, -1, this.#delta);
  }

  /** Adds the change to the unit's kept figures; a figure that comes to zero is dropped, as the recount leaves it out. */
  apply(db: Db, unit: string): void {
    const upsert = db.prepare(`INSERT INTO consolidated_figures (unit_code, table_name, figure, n) VALUES (?, ?, ?, ?)
      ON CONFLICT DO UPDATE SET n = n + excluded.n`);
    for (const [figure, n] of this.#delta) if (n !== 0) upsert.run(unit, this.#table, figure, n);
    db.prepare('DELETE FROM consolidated_figures WHERE unit_code = ? AND table_name = ? AND n = 0').run(unit, this.#table);
  }
}

/**
 * Recounts one table's figures of one unit (or of every unit: null) from its copies; a table not counted: nothing.
 * SQL reads the few fields of each copy (corrections applied, removed ones left out); the figures are added up here:
 * grouping some hundred thousand derived keys in SQL (a temporary B-tree of every copy × figure) took 0.75 s of a
 * 12-package consolidation for the points ledger alone. A figure that sums to zero is not kept (nothing reads a zero
 * apart from an absent figure), so a change added up later (FigureChanges) keeps the same rows.
 */
export function recountFigures(db: Db, unit: string | null, table: string): void {
  const def = FIGURES[table];
  if (!def) return;
  const fields = def.fields.map((f) => `json_extract(COALESCE(r.local_record, r.record), '$.${f}') AS ${f}`).join(', ');
  // One unit's copies by the primary key's prefix (an "or every unit" condition would read every unit's).
  const [rowsOf, figuresOf] = unit === null ? ['', ''] : ['r.unit_code = @unit AND ', 'unit_code = @unit AND '];
  const args = unit === null ? { table } : { unit, table };
  const sums = new Map<string, Map<string, number>>();
  const copies = db.prepare(`SELECT r.unit_code AS unit, ${fields} FROM consolidated_rows r WHERE ${rowsOf}r.table_name = @table AND r.removed_at IS NULL`);
  for (const row of copies.iterate(args) as Iterable<Fields & { unit: string }>) {
    let of = sums.get(row.unit);
    if (!of) sums.set(row.unit, (of = new Map()));
    addCopy(table, row, 1, of);
  }
  db.prepare(`DELETE FROM consolidated_figures WHERE ${figuresOf}table_name = @table`).run(args);
  const insert = db.prepare('INSERT INTO consolidated_figures (unit_code, table_name, figure, n) VALUES (?, ?, ?, ?)');
  for (const [u, of] of sums) for (const [figure, n] of of) if (n !== 0) insert.run(u, table, figure, n);
}
