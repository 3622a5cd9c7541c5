import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFile } from '../../db/open';
import { DB_FILE_NAME } from '../../main/core';
import { monthPeriod } from '../../main/export/period';
import { inside, type PackageRecord, type PackageTable, type UnitData, type Within } from '../../main/export/types';
import { localData } from '../../main/api/submission/sources';
import { categoryRegister, requestRegister } from '../../main/api/requests/export/registers';
import { requestsSummary } from '../../main/api/requests/export/summary';
import { requestsTable } from '../../main/api/requests/export/tables';
import { inMoment } from './helpers';
import { requestsFixture } from './requests-fixture';

/**
 * The month's 民呼必应 registers read only what they count — the month's reports, the requests closed in or after
 * it, the open ones — through the requests' indexes (a district keeps 200,000). Whatever they read, the sheets and
 * the 汇总 figures must be those of the whole ledger, month by month: held here against the registers as they were
 * computed before, over every request read.
 */
async function ledgerOverMonths() {
  const t = await requestsFixture();
  const on = async (day: string, extra: Record<string, unknown>, steps: [string, Record<string, unknown>][] = []) => {
    t.onDay(day);
    const r = await t.report({ reportedOn: day, ...extra });
    for (const [to, input] of steps) await t.step(r.id, to, input);
    return r;
  };
  const sorted = (category: string): [string, Record<string, unknown>] => ['sorted', { category, urgency: 'normal' }];
  const assigned: [string, Record<string, unknown>] = ['assigned', { handlerKind: 'community', handlerName: '西里社区' }];
  // Reported in September, closed in November: done in November, in progress at the ends of September and October.
  const late = await on('2026-09-10', { content: '屋面漏水' }, [sorted('facilities'), assigned]);
  // Closed in its month, publicised and rated 满意.
  const rated = await on('2026-09-20', { content: '垃圾清运不及时', source: 'hotline' }, [sorted('environment'), assigned]);
  t.onDay('2026-09-25');
  await t.step(rated.id, 'done', { doneOn: '2026-09-25', result: '已清运' });
  await t.step(rated.id, 'publicised', { publicisedOn: '2026-09-25' });
  await t.step(rated.id, 'evaluated', { rating: 'satisfied' });
  // Refused in October; one awaiting 梳理 since October.
  await on('2026-10-08', { content: '邻里借款纠纷', anonymous: true }, [['not_accepted', { category: 'private_contract', answer: '建议申请人民调解', reason: '私人之间的经济合同纠纷' }]]);
  await on('2026-10-30', { content: '楼道堆物' });
  // Closed in October, rated 不满意 and handed again in November, closed again in December.
  const reopened = await on('2026-10-12', { content: '路灯不亮', source: 'grid_round' }, [sorted('facilities'), assigned]);
  t.onDay('2026-10-20');
  await t.step(reopened.id, 'done', { doneOn: '2026-10-20', result: '已更换灯泡' });
  await t.step(reopened.id, 'publicised', { publicisedOn: '2026-10-20' });
  t.onDay('2026-11-02');
  await t.step(reopened.id, 'evaluated', { rating: 'unsatisfied', note: '灯还是不亮' });
  await t.step(reopened.id, 'assigned', { handlerKind: 'community', handlerName: '西里社区', note: '重新交办：换线路' });
  t.onDay('2026-11-03');
  await t.step(late.id, 'done', { doneOn: '2026-11-03', result: '已修缮' });
  await on('2026-11-15', { content: '电梯异响', source: 'hotline' }, [sorted('facilities'), assigned]);
  await on('2026-12-01', { content: '小区门禁损坏' }, [sorted('facilities'), assigned]);
  await t.step(reopened.id, 'done', { doneOn: '2026-12-01', result: '已更换线路' });
  return t;
}

/** The same unit's data with every request read and filtered in JS, as the registers read it before they narrowed. */
const wholeLedger = (data: UnitData, read: (table: PackageTable) => Iterable<PackageRecord>): UnitData => ({
  ...data,
  rows: <T extends PackageRecord>(table: PackageTable<T>, within?: Within) => inside(read(table as PackageTable), within) as Iterable<T>,
});

describe("民呼必应's month registers read only what they count", () => {
  it('give, month by month, the sheets and 汇总 figures of the whole ledger', async () => {
    const t = await ledgerOverMonths();
    const db = openFile(path.join(t.dir, DB_FILE_NAME), { readonly: true });
    try {
      const target = { unit: { level: 'community' as const, name: '西里社区', code: '130104001001' }, parent: null, scope: { community: null }, multiUnit: false, groupBy: null };
      for (const month of ['2026-09', '2026-10', '2026-11', '2026-12']) {
        const p = monthPeriod(month);
        inMoment(() => {
          const narrowed = localData(db, target, p);
          const whole = wholeLedger(narrowed, (table) => table.read(db, target.scope, p));
          expect([...requestsTable.read(db, target.scope, p)].length, 'the ledger holds every request').toBe(7);

          expect([...requestRegister.rows(narrowed, p)], month).toEqual([...requestRegister.rows(whole, p)]);
          expect([...categoryRegister.rows(narrowed, p)], month).toEqual([...categoryRegister.rows(whole, p)]);
          expect(requestsSummary.compute(narrowed, p), month).toEqual(requestsSummary.compute(whole, p));
        });
      }
      // What the months count, so the comparison above is not of two empty sheets.
      const figures = (month: string) => inMoment(() => requestsSummary.compute(localData(db, target, monthPeriod(month)), monthPeriod(month))[0]!.values);
      expect(figures('2026-09')).toMatchObject({ received: 2, done: 1, inProgress: 1 });
      expect(figures('2026-10')).toMatchObject({ received: 3, done: 0, inProgress: 3 }); // the lamp reopened: no longer done in October
      expect(figures('2026-11')).toMatchObject({ received: 1, done: 1, inProgress: 3 });
    } finally {
      db.close();
    }
  });
});
