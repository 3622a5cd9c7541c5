import { describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations';
import { consolidationOrder } from '../../db/migrations/031_consolidation_order';
import { consolidatedFigures } from '../../db/migrations/039_consolidated_figures';
import { sentChainHeads } from '../../db/migrations/040_sent_chain_heads';
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

describe('upgrading a file with consolidated copies in it (039)', () => {
  it('counts the copies already held into the figures, corrections applied and removed ones left out; run again, the same', () => {
    const previous = migrations[migrations.indexOf(consolidatedFigures) - 1]!.version;
    const db = fileAt(previous);
    db.prepare(`INSERT INTO consolidated_units (code, level, name, period, package_id, package_created_at, imported_at)
      VALUES ('130104001001', 'community', '西里社区', '2026-11', 'P1', ?, ?)`).run(AT, AT);
    const copy = db.prepare(`INSERT INTO consolidated_rows (unit_code, table_name, record_id, record, source_updated_at, package_id,
      package_created_at, imported_at, local_record, removed_at) VALUES ('130104001001', ?, ?, ?, ?, 'P1', ?, ?, ?, ?)`);
    const member = (id: string, status: string, lifecycle: string) => JSON.stringify({ id, status, lifecycle });
    copy.run('party.members', 'm1', member('m1', 'full', 'active'), AT, AT, AT, null, null);
    // Corrected here to 预备: the correction counts.
    copy.run('party.members', 'm2', member('m2', 'full', 'active'), AT, AT, AT, member('m2', 'probationary', 'active'), null);
    copy.run('party.members', 'm3', member('m3', 'full', 'transferred_out'), AT, AT, AT, null, null);
    copy.run('party.members', 'm4', member('m4', 'full', 'active'), AT, AT, AT, null, AT);
    copy.run('volunteer.entries', 'e1', JSON.stringify({ id: 'e1', onDate: '2026-11-03', category: 'service', amount: 20, hoursTenths: 25 }), AT, AT, AT, null, null);
    copy.run('volunteer.entries', 'e2', JSON.stringify({ id: 'e2', onDate: '2026-11-04', category: 'redeem', amount: -10, hoursTenths: 0 }), AT, AT, AT, null, null);
    copy.run('requests.requests', 'r1', JSON.stringify({ id: 'r1', reportedOn: '2026-11-02', doneOn: null, dueOn: '2026-11-04', state: 'assigned', rating: null }), AT, AT, AT, null, null);
    upgrade(db, consolidatedFigures.version);
    const figures = rows(db, 'consolidated_figures').map((r) => [r.figure, r.n]);
    expect(Object.fromEntries(figures)).toEqual({
      members: 2, 'members.full': 1, 'members.probationary': 1, 'hours:2026': 25, 'points:2026': 20, 'received:2026-11': 1, 'open:2026-11-04': 1,
    });
    const after = rows(db, 'consolidated_figures');
    consolidatedFigures.up(db);
    expect(rows(db, 'consolidated_figures')).toEqual(after);
    db.close();
  });
});

describe('upgrading a file that built packages before chains travelled as deltas', () => {
  it('040 starts with no heads sent (every account’s next package is whole); run again, nothing changes', () => {
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
