import type { Db } from '../../../db/open';
import { getRow, type ConsolidatedRow } from '../../../db/submission/consolidated';
import type { PackageTable } from '../../export/types';
import { maskIdCard, maskPhone } from '../common/identifiers';
import { packageTables } from './modules';
import type { ConsolidatedRecordView, FieldValue } from './types';

type Rec = Record<string, FieldValue>;

/**
 * Shows a consolidated record as people read it: coded values by their Chinese names, references by the
 * referenced record's name, personal numbers masked (copies are read-only; the source corrects those).
 */
export function displayOf(db: Db, unit: string, def: PackageTable, key: string, value: FieldValue): string {
  if (value === null || value === '') return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  const personal = def.personal?.[key];
  if (personal && typeof value === 'string') return personal === 'idCard' ? maskIdCard(value) : maskPhone(value);
  const label = def.labels?.[key]?.[String(value)];
  if (label) return label;
  const ref = def.refs?.[key];
  if (ref && typeof value === 'string') {
    const target = getRow(db, unit, ref, value);
    const name = target && (JSON.parse(target.localRecord ?? target.record) as Rec).name;
    return typeof name === 'string' ? name : value;
  }
  return String(value);
}

/**
 * A field this installation may correct in a copy: none of a read-only table's (a ledger's: the source reverses),
 * not the record's stamp, not personal numbers and not links to other records (the source fixes those and sends
 * them again).
 */
export const correctable = (def: PackageTable, key: string): boolean =>
  !def.readOnly && key in def.fields && key !== 'updatedAt' && !def.personal?.[key] && !def.refs?.[key];

export function recordView(db: Db, unit: string, def: PackageTable, row: ConsolidatedRow): ConsolidatedRecordView {
  const source = JSON.parse(row.record) as Rec;
  const effective = row.localRecord ? (JSON.parse(row.localRecord) as Rec) : source;
  const keys = [...new Set([...Object.keys(def.fields), ...Object.keys(effective)])].filter((k) => k !== 'id');
  return {
    unitCode: unit,
    table: def.name,
    recordId: row.recordId,
    fields: keys.map((key) => ({
      key,
      label: def.fields[key] ?? key,
      value: effective[key] ?? null,
      display: displayOf(db, unit, def, key, effective[key] ?? null),
      corrected: row.localRecord !== null && key !== 'updatedAt' && JSON.stringify(effective[key]) !== JSON.stringify(source[key]),
      editable: correctable(def, key),
      options: def.labels?.[key] && Object.entries(def.labels[key]).map(([value, label]) => ({ value, label })),
    })),
    corrected: row.localRecord !== null,
    removed: row.removedAt !== null,
    localEditedAt: row.localEditedAt,
    localOperator: row.localOperator,
  };
}

/** A record named the way people know it: its first list fields (a member's name, a meeting's date and type). */
export function recordLabel(db: Db, unit: string, def: PackageTable, record: Rec): string {
  return def.listFields
    .slice(0, 2)
    .map((k) => displayOf(db, unit, def, k, record[k] ?? null))
    .filter(Boolean)
    .join(' ');
}

export function tableDef(name: string): PackageTable | undefined {
  return packageTables.get(name);
}
