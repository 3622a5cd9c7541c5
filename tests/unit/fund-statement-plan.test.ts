import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { statementOf } from '../../db/fund/statement';
import { fundFixture } from './fund-fixture';

/** The SQL statementOf runs, each with its arguments, to read the query plans. */
function recorded(db: Db) {
  const runs: { sql: string; args: unknown[] }[] = [];
  const spy = new Proxy(db, {
    get(target, prop) {
      if (prop !== 'prepare') return Reflect.get(target, prop, target) as unknown;
      return (sql: string) => {
        const st = target.prepare(sql);
        const record = (method: 'all' | 'get') => (...args: unknown[]) => (runs.push({ sql, args }), st[method](...args));
        return { all: record('all'), get: record('get') };
      };
    },
  });
  const plans = () =>
    runs.map((r) => (db.prepare(`EXPLAIN QUERY PLAN ${r.sql}`).all(...r.args) as { detail: string }[]).map((p) => p.detail).join(' | '));
  return { spy, plans };
}

describe('a statement for any period', () => {
  it('reads the account’s entries through the journal index, never a scan of the journal', async () => {
    const t = await fundFixture();
    await t.income('100.00', '2026-02-01');
    await t.spend('10.00', '2026-02-02');
    const { spy, plans } = recorded(t.rawDb());
    statementOf(spy, t.account.id, '2026-02-01', '2026-02-28');
    const entryReads = plans().filter((p) => p.includes('fund_entries'));
    expect(entryReads.length).toBeGreaterThanOrEqual(5);
    for (const p of entryReads) {
      expect(p).not.toMatch(/SCAN (e|fund_entries)\b/);
      expect(p).toMatch(/fund_entries_journal|sqlite_autoindex_fund_entries|PRIMARY KEY/);
    }
  });
});
