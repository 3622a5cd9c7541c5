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

/** What the audit page filters by: all optional, ANDed; `entities` is a module's (main/api/system/labels.ts). */
export interface AuditFilter {
  operator?: string | null;
  action?: string | null;
  entity?: string | null;
  entities?: readonly string[] | null;
  entityId?: string | null;
  /** Free text found in the record's id or any value before or after (migration 025's index). */
  text?: string | null;
  /** Instants (ISO UTC): from inclusive, to exclusive — the handler turns the clerk's days into them. */
  fromAt?: string | null;
  toAt?: string | null;
}

/**
 * The log newest first, a page at a time. With `beforeSeq` (the last row shown) it is keyset paging — `seq <` it —
 * so the thousandth page costs what the first does; `offset` stays for the callers that jump. Each filter has an
 * index ordered by seq (migration 024), so a page walks its own rows only. `total` is the filter's count.
 */
export function listAudit(
  db: Db,
  q: AuditFilter & { beforeSeq?: number | null; offset: number; limit: number },
): { rows: AuditRow[]; total: number } {
  const count = filtered(q);
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM audit_log ${count.sql}`).get(...count.args) as { n: number }).n;
  const offset = q.beforeSeq ? 0 : q.offset;
  // A module is several entities: `entity IN (…)` would sort all their rows for each page, so each entity's
  // newest rows are read from its own index (at most a page each) and only those are merged.
  const parts = q.entities ? q.entities.map((entity) => ({ ...q, entities: null, entity })) : [q];
  const selects = parts.map((part) => {
    const page = filtered(part);
    if (q.beforeSeq) page.add('seq < ?', q.beforeSeq);
    return { sql: `SELECT * FROM (SELECT seq, id, at, operator, action, entity, entity_id AS entityId, before, after FROM audit_log ${page.sql} ORDER BY seq DESC LIMIT ?)`, args: [...page.args, offset + q.limit] };
  });
  const rows = db
    .prepare(`${selects.map((s) => s.sql).join(' UNION ALL ')} ORDER BY seq DESC LIMIT ? OFFSET ?`)
    .all(...selects.flatMap((s) => s.args), q.limit, offset) as AuditRow[];
  return { rows, total };
}

function filtered(q: AuditFilter): Where {
  const where = new Where();
  if (q.operator) where.add('operator = ?', q.operator);
  if (q.action) where.add('action = ?', q.action);
  if (q.entity) where.add('entity = ?', q.entity);
  if (q.entities) where.add(`entity IN (${q.entities.map(() => '?').join(', ') || 'NULL'})`, ...q.entities);
  if (q.entityId) where.add('entity_id = ?', q.entityId);
  if (q.text) where.add(...textFilter(q.text));
  if (q.fromAt) where.add('at >= ?', q.fromAt);
  if (q.toAt) where.add('at < ?', q.toAt);
  return where;
}

/**
 * Free text in the trigram index (migration 025): three characters or more are a phrase looked up in it; fewer
 * cannot be (a trigram is three), so they scan its values with LIKE — still not the JSON keys.
 */
function textFilter(text: string): [string, string] {
  return [...text].length >= 3
    ? ['seq IN (SELECT rowid FROM audit_search WHERE audit_search MATCH ?)', `"${text.replaceAll('"', '""')}"`]
    : ["seq IN (SELECT rowid FROM audit_search WHERE body LIKE ? ESCAPE '\\')", `%${text.replace(/[\\%_]/g, '\\$&')}%`];
}

/** Every account name the log holds (the account filter's choices: a disabled account's entries stay in it). */
export function auditOperators(db: Db): string[] {
  return (db.prepare('SELECT DISTINCT operator FROM audit_log INDEXED BY audit_log_operator_seq ORDER BY operator').all() as { operator: string }[]).map((r) => r.operator);
}
