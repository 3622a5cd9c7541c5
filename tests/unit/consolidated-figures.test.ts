import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/open';
import { sourceRecordWriter } from '../../db/submission/consolidated';
import { countedTables, recountFigures } from '../../db/submission/figures';
import { inMoment, tempDir } from './helpers';

/**
 * 汇总概览's kept figures are added up in JS from each copy's fields (db/submission/figures.ts). Held here against
 * the same figures counted from scratch in SQL — each key and amount written as SQL's CASE and ||, which are NULL
 * (left out) wherever a field is missing, a sum of zero not kept — over random copies: missing and null fields,
 * corrections, removals, two units; and kept by the change as an import writes copies (sourceRecordWriter).
 */
const ORACLE: Record<string, [key: string, amount: string][]> = {
  'party.members': [["CASE WHEN $lifecycle = 'active' THEN 'members' END", '1'], ["CASE WHEN $lifecycle = 'active' THEN 'members.' || $status END", '1']],
  'party.orgs': [["CASE WHEN $status = 'active' THEN 'orgs' END", '1']],
  'volunteer.people': [["CASE WHEN $leftOn IS NULL THEN 'volunteers' END", '1']],
  'volunteer.entries': [
    ["'hours:' || substr($onDate, 1, 4)", '$hoursTenths'],
    ["CASE WHEN $category <> 'redeem' THEN 'points:' || substr($onDate, 1, 4) END", '$amount'],
    ["CASE WHEN $category <> 'redeem' THEN 'earned:' || substr($onDate, 1, 4) || ':' || $volunteerId END", '$amount'],
    ["'served:' || substr($onDate, 1, 4) || ':' || $volunteerId", '$hoursTenths'],
  ],
  'requests.requests': [
    ["'received:' || substr($reportedOn, 1, 7)", '1'],
    ["'done:' || substr($doneOn, 1, 7)", '1'],
    ["CASE WHEN $rating IS NOT NULL THEN 'rated:' || substr($doneOn, 1, 7) END", '1'],
    ["CASE WHEN $rating IN ('satisfied', 'mostly_satisfied') THEN 'satisfied:' || substr($doneOn, 1, 7) END", '1'],
    ["CASE WHEN $state IN ('assigned', 'supervised') THEN 'open:' || $dueOn END", '1'],
  ],
};

function fromScratch(db: Db, table: string): Record<string, number> {
  const field = (sql: string) => sql.replace(/\$(\w+)/g, (_, f: string) => `json_extract(COALESCE(local_record, record), '$.${f}')`);
  const parts = ORACLE[table]!.map(([key, n]) =>
    `SELECT unit_code AS u, ${field(key)} AS k, ${field(n)} AS n FROM consolidated_rows WHERE table_name = @table AND removed_at IS NULL`);
  const rows = db.prepare(`SELECT u, k, SUM(n) AS n FROM (${parts.join(' UNION ALL ')}) WHERE k IS NOT NULL AND n IS NOT NULL GROUP BY u, k HAVING SUM(n) <> 0`).all({ table }) as { u: string; k: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [`${r.u} ${r.k}`, r.n]));
}

function kept(db: Db, table: string): Record<string, number> {
  const rows = db.prepare('SELECT unit_code AS u, figure AS k, n FROM consolidated_figures WHERE table_name = ?').all(table) as { u: string; k: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [`${r.u} ${r.k}`, r.n]));
}

const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const day = fc.constantFrom('2025-12-31', '2026-01-01', '2026-06-15', '2026-11-30');
const FIELDS: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  'party.members': fc.record({ lifecycle: maybe(fc.constantFrom('active', 'transferred_out', 'deceased')), status: maybe(fc.constantFrom('full', 'probationary')) }, { requiredKeys: [] }),
  'party.orgs': fc.record({ status: maybe(fc.constantFrom('active', 'dissolved')) }, { requiredKeys: [] }),
  'volunteer.people': fc.record({ leftOn: maybe(day) }, { requiredKeys: [] }),
  'volunteer.entries': fc.record({
    onDate: maybe(day), category: maybe(fc.constantFrom('service', 'base', 'redeem', 'contribution')),
    amount: maybe(fc.integer({ min: -500, max: 500 })), hoursTenths: maybe(fc.integer({ min: 0, max: 80 })), volunteerId: maybe(fc.constantFrom('V1', 'V2', 'V3')),
  }, { requiredKeys: [] }),
  'requests.requests': fc.record({
    reportedOn: maybe(day), doneOn: maybe(day), dueOn: maybe(day),
    state: fc.constantFrom('reported', 'assigned', 'supervised', 'done', 'evaluated', 'not_accepted'),
    rating: maybe(fc.constantFrom('satisfied', 'mostly_satisfied', 'unsatisfied')),
  }, { requiredKeys: [] }),
};

const copy = (table: string) => fc.record({
  unit: fc.constantFrom('U1', 'U2'),
  table: fc.constant(table),
  record: FIELDS[table]!,
  corrected: fc.option(FIELDS[table]!, { nil: null }),
  removed: fc.boolean(),
});

type Copy = { unit: string; table: string; record: Record<string, unknown>; corrected: Record<string, unknown> | null; removed: boolean };

function store(db: Db, copies: readonly Copy[]): void {
  db.prepare('DELETE FROM consolidated_rows').run();
  const insert = db.prepare(`INSERT INTO consolidated_rows (unit_code, table_name, record_id, record, source_updated_at, package_id, package_created_at, imported_at, local_record, removed_at)
    VALUES (?, ?, ?, ?, '2026-12-01T00:00:00Z', 'P', '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z', ?, ?)`);
  copies.forEach((c, i) => insert.run(c.unit, c.table, `R${i}`, JSON.stringify(c.record), c.corrected && JSON.stringify(c.corrected), c.removed ? '2026-12-01T00:00:00Z' : null));
}

async function unitsDb(): Promise<Db> {
  const db = await inMoment(() => openDatabase(path.join(tempDir(), 'figures.sqlite')));
  for (const code of ['U1', 'U2']) {
    db.prepare(`INSERT INTO consolidated_units (code, level, name, parent_code, period, package_id, package_created_at, imported_at)
      VALUES (?, 'community', ?, NULL, '2026-11', 'P', '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z')`).run(code, code);
  }
  return db;
}

describe('汇总概览 figures kept per unit and table', () => {
  it('equal the figures counted from scratch in SQL, for every counted table', async () => {
    expect(countedTables.sort()).toEqual(Object.keys(ORACLE).sort());
    const db = await unitsDb();
    for (const table of countedTables) {
      fc.assert(
        fc.property(fc.array(copy(table), { maxLength: 30 }), (copies) => {
          store(db, copies);
          recountFigures(db, 'U1', table);
          recountFigures(db, 'U2', table);
          expect(kept(db, table)).toEqual(fromScratch(db, table));
          recountFigures(db, null, table);
          expect(kept(db, table)).toEqual(fromScratch(db, table));
        }),
        { numRuns: 60 },
      );
    }
    db.close();
  });

  it('follow an import’s writes by their change, as a recount of the copies would give them', async () => {
    const db = await unitsDb();
    const stamp = { packageId: 'P2', createdAt: '2026-12-02T00:00:00Z' };
    for (const table of countedTables) {
      // A later package's writes as planImport makes them: new copies, copies replaced or removed — only ones not
      // corrected here (a corrected one is a conflict, not a write) — each saying what it replaced as it was seen.
      const write = fc.record({ target: fc.nat(40), next: fc.option(FIELDS[table]!, { nil: null }) });
      fc.assert(
        fc.property(fc.array(copy(table), { maxLength: 25 }), fc.array(write, { maxLength: 25 }), (copies, writes) => {
          store(db, copies);
          recountFigures(db, 'U1', table);
          recountFigures(db, 'U2', table);
          inMoment(() => {
            const writer = sourceRecordWriter(db);
            const seen = new Map(copies.map((c, i) => [`R${i}`, c]));
            writes.forEach(({ target, next }, w) => {
              const existing = seen.get(`R${target}`);
              if (existing?.corrected) return;
              const id = existing ? `R${target}` : `N${w}`;
              const unit = existing?.unit ?? (w % 2 ? 'U1' : 'U2');
              const before = existing && !existing.removed ? existing.record : null;
              if (next) {
                writer.put(unit, table, id, JSON.stringify(next), '2026-12-02T00:00:00Z', stamp, { next, before });
                seen.set(id, { unit, table, record: next, corrected: null, removed: false });
              } else if (before) {
                writer.remove(unit, table, id, stamp, JSON.stringify(before));
                seen.set(id, { ...existing!, removed: true });
              }
            });
            writer.flush();
          });
          expect(kept(db, table)).toEqual(fromScratch(db, table));
        }),
        { numRuns: 60 },
      );
    }
    db.close();
  });
});
