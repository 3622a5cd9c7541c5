import type { Db } from './open';
import { newId, nowIso } from './ids';
import { Where } from './where';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditRow {
  id: string;
  at: string;
  operator: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: string | null;
  after: string | null;
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

export function writeAudit(db: Db, operator: string, e: AuditEntry): void {
  db.prepare(
    `INSERT INTO audit_log (id, at, operator, action, entity, entity_id, before, after)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(newId(), nowIso(), operator, e.action, e.entity, e.entityId ?? null, json(e.before), json(e.after));
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
