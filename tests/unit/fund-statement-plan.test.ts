import { describe, expect, it } from 'vitest';
import { newId } from '../../db/ids';
import type { Db } from '../../db/open';
import { monthlyTotals } from '../../db/fund/balances';
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

  it('the overview sums twelve months over every account through the journal index, each month present', async () => {
    const t = await fundFixture();
    await t.income('100.00', '2026-02-01');
    await t.spend('10.00', '2026-11-02');
    const reversed = await t.income('5.00', '2026-11-03');
    await t.call('fund.reverseEntry', { id: newId(), entryId: reversed.id, reason: '录错' });
    const months = await t.call('fund.getMonthlyTotals', {});
    expect(months.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(months[1]).toEqual({ month: '2026-02', income: 10_000, expense: 0 });
    // The reversal, dated today (December), nets November's ¥5.00 out in December's column.
    expect(months[10]).toEqual({ month: '2026-11', income: 500, expense: 1_000 });
    expect(months[11]).toEqual({ month: '2026-12', income: -500, expense: 0 });
    const { spy, plans } = recorded(t.rawDb());
    monthlyTotals(spy, '2026-01-01', '2026-12-31');
    expect(plans()[0]).toMatch(/SEARCH e USING (COVERING )?INDEX fund_entries_journal/);
  });
});