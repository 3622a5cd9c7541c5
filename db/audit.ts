import type { Db } from './open';
import { newId } from './ids';
import { nowIso } from './moment';
import { appendToChain, type ChainSpec } from './ledger/chain';
import { Where } from './where';
import type { AuditRow } from './types';
export type { AuditRow } from './types';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/** The audit log is a ledger too: append-only and hash-chained (migration 007), so a removed entry shows. */
export const AUDIT_CHAIN: ChainSpec = {
  name: 'audit',
  label: '操作记录',
  table: 'audit_log',
  fields: [
    { column: 'id', kind: 'text' },
    { column: 'at', kind: 'text' },
    { column: 'operator', kind: 'text' },
    { column: 'action', kind: 'text' },
    { column: 'entity', kind: 'text' },
    { column: 'entity_id', kind: 'text' },
    { column: 'before', kind: 'text' },
    { column: 'after', kind: 'text' },
  ],
};

export function writeAudit(db: Db, operator: string, e: AuditEntry): void {
  appendToChain(db, AUDIT_CHAIN, {
    id: newId(), at: nowIso(), operator, action: e.action, entity: e.entity, entity_id: e.entityId ?? null,
    before: json(e.before), after: json(e.after),
  });
}

export function listAudit(
  db: Db,
  q: { entity?: string | null; entityId?: string | null; offset: number; limit: number },
): { rows: AuditRow[]; total: number } {
  const where = new Where();
  if (q.entity) where.add('entity = ?', q.entity);
  if (q.entityId) where.add('entity_id = ?', q.entityId);
  const { sql: w, args } = where;
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM audit_log ${w}`).get(...args) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT id, at, operator, action, entity, entity_id AS entityId, before, after
       FROM audit_log ${w} ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`,
    )
    .all(...args, q.limit, q.offset) as AuditRow[];
  return { rows, total };
}
