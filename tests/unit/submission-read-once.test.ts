import { describe, expect, it } from 'vitest';
import { readOnce } from '../../main/api/submission/sources';
import type { PackageRecord, PackageTable, UnitData } from '../../main/export/types';

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
});
