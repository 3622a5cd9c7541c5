import { describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations';
import { consolidationOrder } from '../../db/migrations/031_consolidation_order';
import { AT, fileAt, rows, upgrade } from './upgrade-fixture';

describe('upgrading a file with consolidated units in it', () => {
  it('031 gives each consolidated unit a parent, unknown (null) for those consolidated before, and an empty coverage history; run again, nothing changes', () => {
    const previous = migrations[migrations.indexOf(consolidationOrder) - 1]!.version;
    const db = fileAt(previous);
    db.prepare(`INSERT INTO consolidated_units (code, level, name, period, package_id, package_created_at, imported_at)
      VALUES ('130104001001', 'community', '西里社区', '2026-05', 'P1', ?, ?)`).run(AT, AT);
    upgrade(db, consolidationOrder.version);
    const after = rows(db, 'consolidated_units');
    expect(after).toEqual([expect.objectContaining({ code: '130104001001', name: '西里社区', package_id: 'P1', parent_code: null })]);
    // What each export covered starts empty: the next packages fill it.
    expect(rows(db, 'consolidated_coverage')).toEqual([]);
    consolidationOrder.up(db);
    expect(rows(db, 'consolidated_units')).toEqual(after);
    db.close();
  });
});
