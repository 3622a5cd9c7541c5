import { auditModules } from '../../../../main/api/system/labels';
import type { OutputOf } from '../../../../main/api/common/channel';
import type { systemContract } from '../../../../main/api/system/contract';
import { auditFieldLabel, auditValueText } from '../../i18n/audit-fields';
import { zh } from '../../i18n/zh-CN';

const a = zh.audit;

// From the system contract itself, not the window's API type: tests/unit/audit-page.test.ts reads this file under
// the core's typecheck, which cannot read the window's manifests (no DOM there).
export type AuditRow = OutputOf<(typeof systemContract)['system.listAudit']>['rows'][number];

export const actionLabel = (action: string) => a.actions[action as keyof typeof a.actions] ?? action;
export const entityLabel = (entity: string) => a.entities[entity as keyof typeof a.entities] ?? entity;

const moduleOf = new Map(Object.values(auditModules).flatMap((m) => m.entities.map((e) => [e as string, m.label])));
export const moduleLabel = (entity: string) => moduleOf.get(entity) ?? '';

type Record_ = Record<string, unknown>;
const parse = (json: string | null): Record_ | null => {
  if (!json) return null;
  const v = JSON.parse(json) as unknown;
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record_) : { value: v };
};

/** The record's name as the entry left it (or found it, for a deletion), and why, for exports, reversals and reveals. */
export function auditSummary(r: AuditRow): string {
  const pick = (v: Record_ | null): string => {
    if (!v) return '';
    if (r.entity === 'installation') return `${String(v.unitName)}，${zh.header.operator}：${String(v.operator)}`;
    if (r.action === 'reveal' && v.field) return a.revealed(String(v.field));
    const files = Array.isArray(v.files) ? (v.files as { name?: string }[]).map((f) => f.name).filter(Boolean).join('、') : '';
    const what = [v.name, v.title, v.topic, v.document, v.orgName, v.purpose, files].find((x) => typeof x === 'string' && x) as string | undefined;
    const amount = typeof v.amount === 'string' ? v.amount : '';
    return [what ?? '', amount].filter(Boolean).join(' ');
  };
  const after = parse(r.after);
  const main = pick(after) || pick(parse(r.before));
  const reason = after && typeof after.reason === 'string' ? a.reason(after.reason) : '';
  return [main, reason].filter(Boolean).join(' · ');
}

/** Each field the entry names, before and after (masked values stay masked: they were masked when logged). */
export function auditFields(r: AuditRow): { key: string; label: string; before: string | null; after: string | null; changed: boolean }[] {
  const before = parse(r.before);
  const after = parse(r.after);
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const text = (v: unknown): string | null => (v === undefined ? null : v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return keys.map((key) => {
    const shown = (record: Record_) => text(auditValueText(r.entity, key, record[key]));
    const b = before ? shown(before) : null;
    const f = after ? shown(after) : null;
    return { key, label: auditFieldLabel(r.entity, key), before: b, after: f, changed: !!before && !!after && b !== f };
  });
}
