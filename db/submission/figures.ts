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
const FIGURES: Record<string, { fields: string[]; figures: [key: string, amount: string][] }> = {
  'party.members': {
    fields: ['lifecycle', 'status'],
    figures: [
      ["CASE WHEN lifecycle = 'active' THEN 'members' END", '1'],
      ["CASE WHEN lifecycle = 'active' THEN 'members.' || status END", '1'],
    ],
  },
  'party.orgs': { fields: ['status'], figures: [["CASE WHEN status = 'active' THEN 'orgs' END", '1']] },
  'volunteer.people': { fields: ['leftOn'], figures: [["CASE WHEN leftOn IS NULL THEN 'volunteers' END", '1']] },
  'volunteer.entries': {
    fields: ['onDate', 'category', 'amount', 'hoursTenths', 'volunteerId'],
    figures: [
      ["'hours:' || substr(onDate, 1, 4)", 'hoursTenths'],
      ["CASE WHEN category <> 'redeem' THEN 'points:' || substr(onDate, 1, 4) END", 'amount'],
      // Each person's year, for the ranking over every consolidated person (积分排行's rule).
      ["CASE WHEN category <> 'redeem' THEN 'earned:' || substr(onDate, 1, 4) || ':' || volunteerId END", 'amount'],
      ["'served:' || substr(onDate, 1, 4) || ':' || volunteerId", 'hoursTenths'],
    ],
  },
  'requests.requests': {
    fields: ['reportedOn', 'doneOn', 'dueOn', 'state', 'rating'],
    figures: [
      ["'received:' || substr(reportedOn, 1, 7)", '1'],
      ["'done:' || substr(doneOn, 1, 7)", '1'],
      ["CASE WHEN rating IS NOT NULL THEN 'rated:' || substr(doneOn, 1, 7) END", '1'],
      ["CASE WHEN rating IN ('satisfied', 'mostly_satisfied') THEN 'satisfied:' || substr(doneOn, 1, 7) END", '1'],
      ["CASE WHEN state IN ('assigned', 'supervised') THEN 'open:' || dueOn END", '1'],
    ],
  },
};

export const countedTables = Object.keys(FIGURES);

/** Recounts one table's figures of one unit (or of every unit: null) from its copies; a table not counted: nothing. */
export function recountFigures(db: Db, unit: string | null, table: string): void {
  const def = FIGURES[table];
  if (!def) return;
  const fields = def.fields.map((f) => `json_extract(COALESCE(r.local_record, r.record), '$.${f}') AS ${f}`).join(', ');
  // One unit's copies by the primary key's prefix (an "or every unit" condition would read every unit's).
  const [rowsOf, figuresOf] = unit === null ? ['', ''] : ['r.unit_code = @unit AND ', 'unit_code = @unit AND '];
  const args = unit === null ? { table } : { unit, table };
  // Each copy's JSON read once (materialised), then each figure of it: the source repeated per figure read it again.
  const source = `SELECT r.unit_code AS unit, ${fields} FROM consolidated_rows r WHERE ${rowsOf}r.table_name = @table AND r.removed_at IS NULL`;
  const which = def.figures.map((_, i) => `SELECT ${i} AS i`).join(' UNION ALL ');
  const pick = (col: 0 | 1) => `CASE k.i ${def.figures.map((f, i) => `WHEN ${i} THEN ${f[col]}`).join(' ')} END`;
  db.prepare(`DELETE FROM consolidated_figures WHERE ${figuresOf}table_name = @table`).run(args);
  db.prepare(`INSERT INTO consolidated_figures (unit_code, table_name, figure, n)
    WITH s AS MATERIALIZED (${source}), k AS (${which})
    SELECT unit, @table, figure, SUM(n) FROM (SELECT s.unit, ${pick(0)} AS figure, ${pick(1)} AS n FROM s CROSS JOIN k)
    WHERE figure IS NOT NULL GROUP BY unit, figure`).run(args);
}
