import { nowIso } from '../../../../db/moment';
import type { Db } from '../../../../db/open';
import {
  closeConflict,
  getConflict,
  getRow,
  getUnit,
  listConflicts,
  listRows,
  listUnits,
  markRemoved,
  putSourceRecord,
  rowCounts,
  setLocalRecord,
  type Conflict,
} from '../../../../db/submission/consolidated';
import { listPinnedKeys } from '../../../../db/submission/keys';
import type { PackageTable } from '../../../export/types';
import { DomainError, fieldError, notFound } from '../../common/errors';
import type { Handlers } from '../../router';
import type { submissionContract } from '../contract';
import { correctable, displayOf, recordLabel, recordView, tableDef } from '../record-view';
import type { ConflictView, FieldValue } from '../types';

type C = typeof submissionContract;
type Rec = Record<string, FieldValue>;

function mustTable(name: string): PackageTable {
  const def = tableDef(name);
  if (!def) throw fieldError('table', '没有这类数据');
  return def;
}

function conflictView(db: Db, c: Conflict): ConflictView {
  const def = mustTable(c.tableName);
  const row = getRow(db, c.unitCode, c.tableName, c.recordId)!;
  const mine = JSON.parse(row.localRecord ?? row.record) as Rec;
  const theirs = c.incomingRecord ? (JSON.parse(c.incomingRecord) as Rec) : null;
  const keys = Object.keys(def.fields).filter((k) => k !== 'updatedAt');
  const shown = (r: Rec | null, k: string) => (r ? displayOf(db, c.unitCode, def, k, r[k] ?? null) : '（已删除）');
  return {
    id: c.id,
    unitCode: c.unitCode,
    unitName: getUnit(db, c.unitCode)?.name ?? c.unitCode,
    table: c.tableName,
    tableTitle: def.title,
    recordId: c.recordId,
    recordLabel: recordLabel(db, c.unitCode, def, mine),
    status: c.status,
    detectedAt: c.detectedAt,
    resolvedAt: c.resolvedAt,
    resolvedBy: c.resolvedBy,
    removedAtSource: theirs === null,
    differences: keys
      .filter((k) => theirs === null || JSON.stringify(mine[k] ?? null) !== JSON.stringify(theirs[k] ?? null))
      .map((k) => ({ field: k, label: def.fields[k]!, mine: shown(mine, k), theirs: shown(theirs, k) })),
  };
}

export const consolidatedHandlers: Pick<
  Handlers<C>,
  'submission.listUnits' | 'submission.listRecords' | 'submission.correctRecord' | 'submission.listConflicts' | 'submission.resolveConflict'
> = {
  'submission.listUnits': (_, { db }) => {
    const counts = rowCounts(db);
    const pending = listConflicts(db, 'pending');
    const keys = new Map(listPinnedKeys(db).map((k) => [k.unitCode, k.fingerprint]));
    const units = listUnits(db);
    const names = new Map(units.map((u) => [u.code, u.name]));
    return units.map((u) => ({
      ...u,
      parentName: names.get(u.parentCode ?? '') ?? null,
      fingerprint: keys.get(u.code) ?? null,
      tables: counts
        .filter((c) => c.unitCode === u.code)
        .map((c) => {
          const def = tableDef(c.tableName);
          const listFields = (def?.listFields ?? []).map((key) => ({ key, label: def!.fields[key] ?? key }));
          return { name: c.tableName, title: def?.title ?? c.tableName, rows: c.rows, corrected: c.corrected, removed: c.removed, listFields };
        }),
      pendingConflicts: pending.filter((c) => c.unitCode === u.code).length,
    }));
  },

  'submission.listRecords': ({ unitCode, table, offset, limit }, { db }) => {
    const def = mustTable(table);
    const page = listRows(db, unitCode, table, offset, limit);
    return { total: page.total, rows: page.rows.map((r) => recordView(db, unitCode, def, r)) };
  },

  /**
   * Corrects a consolidated copy here (a clerk fixing an obvious error before passing it up). The source's
   * version stays beside it; if the source changes the record later, the user decides which to keep.
   */
  'submission.correctRecord': ({ unitCode, table, recordId, changes }, { db, operator, audit }) => {
    const def = mustTable(table);
    const row = getRow(db, unitCode, table, recordId);
    if (!row) throw notFound('汇总记录');
    const before = JSON.parse(row.localRecord ?? row.record) as Rec;
    if (changes === null) {
      setLocalRecord(db, unitCode, table, recordId, null, operator);
    } else {
      for (const key of Object.keys(changes)) {
        if (def.personal?.[key]) throw fieldError(`changes.${key}`, `${def.fields[key]}属于个人信息，请由报送单位更正后重新报送`);
        if (!correctable(def, key)) throw fieldError(`changes.${key}`, `“${def.fields[key] ?? key}”不能更正`);
      }
      const parsed = def.schema.safeParse({ ...before, ...changes, updatedAt: nowIso() });
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw fieldError(`changes.${issue.path.join('.')}`, issue.message);
      }
      setLocalRecord(db, unitCode, table, recordId, JSON.stringify(parsed.data), operator);
    }
    const after = getRow(db, unitCode, table, recordId)!;
    audit({ action: changes ? 'correct' : 'drop_correction', entity: 'consolidated_record', entityId: `${unitCode}/${table}/${recordId}`, before, after: after.localRecord ? JSON.parse(after.localRecord) : null });
    return recordView(db, unitCode, def, after);
  },

  'submission.listConflicts': ({ status }, { db }) => {
    const rows = status === 'all' ? listConflicts(db, null) : status === 'pending' ? listConflicts(db, 'pending') : listConflicts(db, null).filter((c) => c.status !== 'pending');
    return rows.map((c) => conflictView(db, c));
  },

  /**
   * Mine: the correction here stays, and the source's new version becomes its base (so the same package does
   * not raise the conflict again). Theirs: the correction is dropped and the source's version (or its removal)
   * is taken.
   */
  'submission.resolveConflict': ({ id, keep }, { db, operator, audit }) => {
    const c = getConflict(db, id);
    if (!c) throw notFound('冲突记录');
    if (c.status !== 'pending') throw new DomainError('CONFLICT', '这个冲突已经处理过了', 'CONFLICT_RESOLVED');
    const before = conflictView(db, c);
    const stamp = { packageId: c.packageId, createdAt: c.packageCreatedAt };
    const row = getRow(db, c.unitCode, c.tableName, c.recordId)!;
    if (c.incomingRecord !== null) {
      putSourceRecord(db, c.unitCode, c.tableName, c.recordId, c.incomingRecord, c.incomingUpdatedAt!, stamp);
    } else if (keep === 'theirs') {
      markRemoved(db, c.unitCode, c.tableName, c.recordId, stamp);
    } else {
      // Kept although the source removed it: still the source's last version, now confirmed by this package.
      putSourceRecord(db, c.unitCode, c.tableName, c.recordId, row.record, (JSON.parse(row.record) as Rec).updatedAt as string, stamp);
    }
    if (keep === 'theirs') setLocalRecord(db, c.unitCode, c.tableName, c.recordId, null, operator);
    closeConflict(db, id, keep === 'mine' ? 'kept_mine' : 'took_theirs', operator);
    audit({ action: `resolve_${keep}`, entity: 'consolidation_conflict', entityId: id, before });
    return conflictView(db, getConflict(db, id)!);
  },
};
