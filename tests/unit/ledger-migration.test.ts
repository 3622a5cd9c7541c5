import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_CHAIN, writeAudit } from '../../db/audit';
import { verifyChain } from '../../db/ledger/verify';
import { migrate } from '../../db/migrate';
import { migrations } from '../../db/migrations';
import { withMoment } from '../../db/moment';
import { openFile } from '../../db/open';
import { POINTS_CHAIN } from '../../db/volunteer/points-chain';
import { tempDir } from './helpers';

const moment = { at: '2025-06-01T08:00:00.000Z', today: '2025-06-01' };

describe('migration 007 (ledger chains)', () => {
  it('chains the rows written before it, in the order they were written, and goes on from there', () => {
    const db = openFile(path.join(tempDir(), 'x.sqlite'));
    const chains = migrations.findIndex((m) => m.name === 'ledger_chains');
    const later = (migrations as unknown as unknown[]).splice(chains);
    try {
      withMoment(moment, () => migrate(db));
    } finally {
      (migrations as unknown as unknown[]).push(...later);
    }
    // Rows of a version-6 file; ids out of time order, as rows made on two machines can be.
    db.pragma('foreign_keys = OFF');
    const audit = db.prepare("INSERT INTO audit_log (id, at, operator, action, entity) VALUES (?, ?, '王芳', 'create', 'volunteer')");
    audit.run('B', '2025-01-01T09:00:00.000Z');
    audit.run('A', '2025-01-02T09:00:00.000Z');
    const entry = db.prepare(
      `INSERT INTO points_entries (id, volunteer_id, org_id, on_date, year, quarter, category, amount, reason, source_kind, operator, created_at)
       VALUES (?, 'v', 'o', '2025-01-01', 2025, 1, 'contribution', 10, '捐赠图书', 'manual', '王芳', ?)`,
    );
    entry.run('Z', '2025-01-01T10:00:00.000Z');
    entry.run('Y', '2025-01-03T10:00:00.000Z');

    withMoment(moment, () => migrate(db));
    const order = (table: string) => (db.prepare(`SELECT id FROM ${table} ORDER BY seq`).pluck().all() as string[]).join();
    expect(order('audit_log')).toBe('B,A');
    expect(order('points_entries')).toBe('Z,Y');
    expect(verifyChain(db, AUDIT_CHAIN)).toMatchObject({ entries: 2, break: null });
    expect(verifyChain(db, POINTS_CHAIN)).toMatchObject({ entries: 2, break: null });
    // The points ledger keeps its refusal, now from the shared helper; the audit log has one too.
    expect(() => db.prepare('UPDATE points_entries SET amount = 1').run()).toThrow('积分台账只能追加，错误的记录请冲正');
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/操作记录只能追加/);

    withMoment(moment, () => writeAudit(db, '王芳', { action: 'update', entity: 'installation' }));
    expect(verifyChain(db, AUDIT_CHAIN)).toMatchObject({ entries: 3, break: null, head: { seq: 3 } });
    db.close();
  });
});
