import { describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations';
import { consolidationOrder } from '../../db/migrations/031_consolidation_order';
import { sentChainHeads } from '../../db/migrations/039_sent_chain_heads';
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

describe('upgrading a file that built packages before chains travelled as deltas', () => {
  it('039 starts with no heads sent (every account’s next package is whole); run again, nothing changes', () => {
    const previous = migrations[migrations.indexOf(sentChainHeads) - 1]!.version;
    const db = fileAt(previous);
    db.prepare(`INSERT INTO submissions (id, direction, kind, title, period, unit_level, unit_name, unit_code, files, row_counts, result, unmasked, package_id, refusal, operator, at)
      VALUES ('S1', 'export', 'monthly', '月度上报', '2026-05', 'community', '西里社区', '130104001001', '[]', '{}', NULL, 0, 'P1', NULL, '李娜', ?)`).run(AT);
    upgrade(db, sentChainHeads.version);
    expect(rows(db, 'sent_chain_heads')).toEqual([]);
    expect(rows(db, 'submissions')).toHaveLength(1);
    sentChainHeads.up(db);
    expect(rows(db, 'sent_chain_heads')).toEqual([]);
    db.close();
  });
});
