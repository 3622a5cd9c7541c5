import type { Migration } from './types';

/**
 * 汇总概览's counts per consolidated unit, kept by triggers on `consolidated_rows` (issue 14: the district's home
 * page). Counted at read time they meant parsing every copy's JSON — 156k members, 200k ledger entries, 100k
 * requests at district scale: 1.1 s of json_extract on the build machine for one page. Each figure is a function
 * of the copies as they now stand (corrections applied, removed ones left out), so the table is exactly as
 * order-independent as the copies: every write to a copy takes its old figures out and puts its new ones in.
 *
 * Keys: `members`, `members.full|probationary` (on the register), `orgs` (not dissolved), `volunteers` (not left),
 * `hours:YYYY` / `points:YYYY` (ledger entries by year, tenths; spending is no merit), and 民呼必应 as the 概览's
 * month tally counts them (db/requests/dashboard.ts): `received:YYYY-MM` by 上报 day, `done:`, `rated:`,
 * `satisfied:` (满意 and 基本满意) by 办结 day, and `open:YYYY-MM-DD` by deadline for those still being handled
 * (overdue today = those keys before today). Written here, not imported: a shipped migration never changes.
 */
const FIGURES: { table: string; fields: string[]; figures: [key: string, amount: string][] }[] = [
  {
    table: 'party.members',
    fields: ['lifecycle', 'status'],
    figures: [
      ["CASE WHEN lifecycle = 'active' THEN 'members' END", '1'],
      ["CASE WHEN lifecycle = 'active' THEN 'members.' || status END", '1'],
    ],
  },
  { table: 'party.orgs', fields: ['status'], figures: [["CASE WHEN status = 'active' THEN 'orgs' END", '1']] },
  { table: 'volunteer.people', fields: ['leftOn'], figures: [["CASE WHEN leftOn IS NULL THEN 'volunteers' END", '1']] },
  {
    table: 'volunteer.entries',
    fields: ['onDate', 'category', 'amount', 'hoursTenths'],
    figures: [
      ["'hours:' || substr(onDate, 1, 4)", 'hoursTenths'],
      ["CASE WHEN category <> 'redeem' THEN 'points:' || substr(onDate, 1, 4) END", 'amount'],
    ],
  },
  {
    table: 'requests.requests',
    fields: ['reportedOn', 'doneOn', 'dueOn', 'state', 'rating'],
    figures: [
      ["'received:' || substr(reportedOn, 1, 7)", '1'],
      ["'done:' || substr(doneOn, 1, 7)", '1'],
      ["CASE WHEN rating IS NOT NULL THEN 'rated:' || substr(doneOn, 1, 7) END", '1'],
      ["CASE WHEN rating IN ('satisfied', 'mostly_satisfied') THEN 'satisfied:' || substr(doneOn, 1, 7) END", '1'],
      ["CASE WHEN state IN ('assigned', 'supervised') THEN 'open:' || dueOn END", '1'],
    ],
  },
];

const TABLES = FIGURES.map((f) => `'${f.table}'`).join(', ');

/**
 * Adds `sign` × the figures of the rows `from` yields (a trigger's NEW or OLD, or every copy) into the table.
 * The source is repeated per figure: a trigger's statements take no WITH.
 */
function addFigures(def: (typeof FIGURES)[number], row: string, from: string, sign: string): string {
  const fields = def.fields.map((f) => `json_extract(COALESCE(${row}.local_record, ${row}.record), '$.${f}') AS ${f}`).join(', ');
  const source = `(SELECT ${row}.unit_code AS unit, ${fields} ${from} WHERE ${row}.table_name = '${def.table}' AND ${row}.removed_at IS NULL)`;
  const parts = def.figures.map(([key, amount]) => `SELECT unit, ${key} AS figure, ${sign} * (${amount}) AS n FROM ${source}`);
  return `INSERT INTO consolidated_figures (unit_code, figure, n)
    SELECT unit, figure, SUM(n) FROM (${parts.join(' UNION ALL ')}) WHERE figure IS NOT NULL GROUP BY unit, figure
    ON CONFLICT (unit_code, figure) DO UPDATE SET n = n + excluded.n;`;
}

const inTrigger = (row: 'NEW' | 'OLD', sign: string) => FIGURES.map((d) => addFigures(d, row, '', sign)).join('\n');

export const consolidatedFigures: Migration = {
  version: 41,
  name: 'consolidated_figures',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS consolidated_figures (
        unit_code TEXT NOT NULL,
        figure    TEXT NOT NULL,
        n         INTEGER NOT NULL,
        PRIMARY KEY (unit_code, figure)
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER IF NOT EXISTS consolidated_figures_insert AFTER INSERT ON consolidated_rows
        WHEN NEW.table_name IN (${TABLES}) AND NEW.removed_at IS NULL
      BEGIN ${inTrigger('NEW', '1')} END;
      CREATE TRIGGER IF NOT EXISTS consolidated_figures_delete AFTER DELETE ON consolidated_rows
        WHEN OLD.table_name IN (${TABLES}) AND OLD.removed_at IS NULL
      BEGIN ${inTrigger('OLD', '-1')} END;
      -- A newer package confirming a copy rewrites its stamp only: nothing to count again.
      CREATE TRIGGER IF NOT EXISTS consolidated_figures_update AFTER UPDATE ON consolidated_rows
        WHEN NEW.table_name IN (${TABLES})
          AND (OLD.record IS NOT NEW.record OR OLD.local_record IS NOT NEW.local_record OR OLD.removed_at IS NOT NEW.removed_at)
      BEGIN ${inTrigger('OLD', '-1')} ${inTrigger('NEW', '1')} END;
    `);
    // The copies already held, counted once (run again, the table is rebuilt to the same).
    db.exec('DELETE FROM consolidated_figures');
    for (const d of FIGURES) db.exec(addFigures(d, 'r', 'FROM consolidated_rows r', '1'));
  },
};
