import { describe, expect, it } from 'vitest';
import { readOnce } from '../../main/api/submission/sources';
import { ledgerRegister, rankingByCommunityRegister, rankingRegister } from '../../main/api/volunteer/export/registers';
import { volunteerSummary } from '../../main/api/volunteer/export/summary';
import { entriesTable, type EntryRecord } from '../../main/api/volunteer/export/tables';
import { monthPeriod } from '../../main/export/period';
import type { PackageRecord, PackageTable, UnitData, Within } from '../../main/export/types';

/**
 * A monthly submission reads some tables several times (figures, register, package). The small ones are read
 * once and kept; a table past the shared budget is read again by each reader, so a district's million ledger
 * entries are never held. Every reader sees the same rows either way.
 */

const table = (name: string) => ({ name }) as PackageTable;
const small = table('party.meetings');
const big = table('volunteer.entries');

/** A unit's data that counts how often each table is read from the database. */
function source(code: string, sizes: Record<string, number>) {
  const reads: Record<string, number> = {};
  const data: UnitData = {
    unit: { level: 'community', name: code, code },
    local: false,
    period: '2026-11',
    *rows<T extends PackageRecord>(t: PackageTable<T>) {
      reads[t.name] = (reads[t.name] ?? 0) + 1;
      for (let i = 0; i < (sizes[t.name] ?? 0); i++) yield { id: `${code}-${i}` } as unknown as T;
    },
  };
  return { data, reads };
}

const ids = (rows: Iterable<PackageRecord>) => [...rows].map((r) => (r as unknown as { id: string }).id);

describe('readOnce', () => {
  it('keeps the tables that fit in the budget shared by every source and streams the rest each time', () => {
    const a = source('a', { 'party.meetings': 3, 'volunteer.entries': 8 });
    const b = source('b', { 'party.meetings': 4, 'volunteer.entries': 2 });
    const [ka, kb] = readOnce([a.data, b.data], 8);
    for (let i = 0; i < 3; i++) {
      expect(ids(ka!.rows(small))).toEqual(['a-0', 'a-1', 'a-2']);
      expect(ids(ka!.rows(big))).toHaveLength(8);
      expect(ids(kb!.rows(small))).toEqual(['b-0', 'b-1', 'b-2', 'b-3']);
      expect(ids(kb!.rows(big))).toEqual(['b-0', 'b-1']);
    }
    // a's meetings (3) and b's meetings (4) fit in the 8 rows; a's 8 entries did not once 3 were kept; b's 2 came
    // after 7 were kept and did not fit in the 1 left either.
    expect(a.reads).toEqual({ 'party.meetings': 1, 'volunteer.entries': 3 });
    expect(b.reads).toEqual({ 'party.meetings': 1, 'volunteer.entries': 3 });
  });

  it('keeps nothing of a table a reader stopped reading halfway', () => {
    const a = source('a', { 'party.meetings': 5 });
    const [ka] = readOnce([a.data], 100);
    for (const _ of ka!.rows(small)) break;
    expect(ids(ka!.rows(small))).toHaveLength(5);
    expect(ids(ka!.rows(small))).toHaveLength(5);
    expect(a.reads['party.meetings']).toBe(2);
  });

  it('gives a narrowed read (a month) from what it kept, and keeps nothing of a narrowed read itself', () => {
    const dated = (code: string) => {
      const reads: string[] = [];
      const data: UnitData = {
        unit: { level: 'community', name: code, code },
        local: false,
        period: '2026-11',
        *rows<T extends PackageRecord>(t: PackageTable<T>, within?: Within) {
          reads.push(within ? `${t.name} ${within.from}` : t.name);
          for (const onDate of ['2026-10-31', '2026-11-01', '2026-11-30']) {
            if (!within || (onDate >= within.from && onDate <= within.to)) yield { id: `${code}-${onDate}`, onDate } as unknown as T;
          }
        },
      };
      return { data, reads };
    };
    const november: Within = { field: 'onDate', from: '2026-11-01', to: '2026-11-30' };
    const a = dated('a');
    const [ka] = readOnce([a.data], 100);
    expect(ids(ka!.rows(small, november))).toEqual(['a-2026-11-01', 'a-2026-11-30']);
    expect(ids(ka!.rows(small))).toHaveLength(3);
    expect(ids(ka!.rows(small, november))).toEqual(['a-2026-11-01', 'a-2026-11-30']);
    expect(ids(ka!.rows(small))).toHaveLength(3);
    expect(a.reads).toEqual(['party.meetings 2026-11-01', 'party.meetings']);
  });
});

describe('the points ledger in a street\'s monthly submission', () => {
  /** A consolidated community whose ledger counts how it is read: the year so far, or narrowed to a month. */
  function community(code: string, name: string) {
    const reads: string[] = [];
    const entry = (id: string, onDate: string, volunteerName: string, amount: number): EntryRecord => ({
      id, volunteerId: `${code}-${volunteerName}`, volunteerName, orgId: `${code}-org`, orgName: '第一党支部', community: name, onDate,
      category: 'service', amount, hoursTenths: amount, reason: '清理楼道', sourceKind: 'activity', reversal: false, updatedAt: `${onDate}T08:00:00.000Z`,
    });
    const ledger = [entry(`${code}1`, '2026-03-02', '张伟', 20), entry(`${code}2`, '2026-11-05', '李娜', 15), entry(`${code}3`, '2026-11-20', '张伟', 5)];
    const data: UnitData = {
      unit: { level: 'community', name, code },
      local: false,
      period: '2026-11',
      *rows<T extends PackageRecord>(t: PackageTable<T>, within?: Within) {
        if (t.name !== entriesTable.name) return;
        reads.push(within ? 'month' : 'year');
        for (const e of ledger) if (!within || (e.onDate >= within.from && e.onDate <= within.to)) yield e as unknown as T;
      },
    };
    return { data, reads };
  }

  it('reads the year once for both rankings and only the month for 积分台账 and 汇总, with the same figures', () => {
    const p = monthPeriod('2026-11');
    const [x, y] = [community('x', '西里社区'), community('y', '东里社区')];
    const sources = [x.data, y.data];
    const sheet = sources.flatMap((s) => [...ledgerRegister.rows(s, p)]);
    expect(sheet.map((e) => e.id)).toEqual(['x2', 'x3', 'y2', 'y3']);
    const summary = sources.flatMap((s) => volunteerSummary.compute(s, p));
    expect(summary.map((part) => [part.community, part.values.earned])).toEqual([['西里社区', 20], ['东里社区', 20]]);
    const everyone = [...rankingRegister.across!(sources, p)];
    expect(everyone.map((r) => [r.rank, r.name, r.earned])).toEqual([[1, '张伟', 25], [1, '张伟', 25], [3, '李娜', 15], [3, '李娜', 15]]);
    const byCommunity = [...rankingByCommunityRegister.across!(sources, p)];
    expect(byCommunity.map((r) => [r.community, r.rank, r.name])).toEqual([
      ['东里社区', 1, '张伟'], ['东里社区', 2, '李娜'], ['西里社区', 1, '张伟'], ['西里社区', 2, '李娜'],
    ]);
    // The sheet and 汇总 read a month each; the two rankings share one read of the year.
    expect(x.reads).toEqual(['month', 'month', 'year']);
    expect(y.reads).toEqual(['month', 'month', 'year']);
  });
});
