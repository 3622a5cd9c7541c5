import type { Db } from '../../../db/open';
import {
  markRemoved,
  pendingConflict,
  putSourceRecord,
  saveUnit,
  savePendingConflict,
  storedRows,
  type PackageStamp,
  type StoredRow,
} from '../../../db/submission/consolidated';
import type { OpenedPackage } from '../../export/package/read';
import type { Coverage, PackageRecord } from '../../export/types';
import type { ImportCounts } from './types';

type Action =
  | { kind: 'put'; unit: string; table: string; id: string; json: string; updatedAt: string }
  | { kind: 'remove'; unit: string; table: string; id: string }
  | { kind: 'conflict'; unit: string; table: string; id: string; json: string | null; updatedAt: string | null };

export interface ImportPlan {
  counts: ImportCounts;
  actions: Action[];
  stamp: PackageStamp;
}

const covered = (stored: StoredRow, coverage: Coverage): boolean => {
  if (coverage === 'all') return true;
  const v = (JSON.parse(stored.record) as Record<string, unknown>)[coverage.field];
  return typeof v === 'string' && v >= coverage.from && v <= coverage.to;
};

/**
 * What importing a package would change, decided record by record against the copies already here, without
 * writing: the inspection screen shows it, and the import applies exactly it.
 *
 * - a record not seen before is new; the same text as the copy is unchanged;
 * - a version older than the copy is ignored (packages arrive in any order; `updatedAt` only grows);
 * - a newer version replaces the copy, unless the copy was corrected here: then it is a conflict;
 * - a copy inside the table's coverage but absent from a package newer than the one that wrote it was
 *   removed at the source (a corrected one becomes a conflict too).
 */
export function planImport(db: Db, opened: OpenedPackage): ImportPlan {
  const stamp: PackageStamp = { packageId: opened.manifest.packageId, createdAt: opened.manifest.createdAt };
  const counts: ImportCounts = { new: 0, updated: 0, unchanged: 0, older: 0, removed: 0, conflicts: 0 };
  const actions: Action[] = [];
  const conflict = (unit: string, table: string, id: string, json: string | null, updatedAt: string | null) => {
    counts.conflicts++;
    // One decision waits per record, on the newest source version: the same package again, or an older one
    // arriving late, leaves it as it is.
    const waiting = pendingConflict(db, unit, table, id);
    const newer = !waiting || (waiting.incomingRecord !== json && waiting.packageCreatedAt < stamp.createdAt);
    if (newer) actions.push({ kind: 'conflict', unit, table, id, json, updatedAt });
  };

  for (const { entry, units } of opened.tables) {
    const table = entry.name;
    for (const [unit, records] of units) {
      const stored = storedRows(db, unit, table);
      const seen = new Set<string>();
      for (const r of records as PackageRecord[]) {
        seen.add(r.id);
        const json = JSON.stringify(r);
        const copy = stored.get(r.id);
        if (!copy) {
          counts.new++;
          actions.push({ kind: 'put', unit, table, id: r.id, json, updatedAt: r.updatedAt });
          continue;
        }
        const removedByNewer = copy.removedAt !== null && stamp.createdAt <= copy.packageCreatedAt;
        if (removedByNewer || r.updatedAt < copy.sourceUpdatedAt) counts.older++;
        else if (copy.removedAt === null && copy.record === json) counts.unchanged++;
        else if (copy.localRecord !== null) conflict(unit, table, r.id, json, r.updatedAt);
        else {
          counts.updated++;
          actions.push({ kind: 'put', unit, table, id: r.id, json, updatedAt: r.updatedAt });
        }
      }
      for (const [id, copy] of stored) {
        if (seen.has(id) || copy.removedAt !== null || copy.packageCreatedAt >= stamp.createdAt || !covered(copy, entry.coverage)) continue;
        if (copy.localRecord !== null) conflict(unit, table, id, null, null);
        else {
          counts.removed++;
          actions.push({ kind: 'remove', unit, table, id });
        }
      }
    }
  }
  return { counts, actions, stamp };
}

/** Applies a plan; the caller runs it inside the transaction that also logs the import. */
export function applyImport(db: Db, opened: OpenedPackage, plan: ImportPlan): void {
  const { manifest } = opened;
  for (const u of manifest.units) {
    saveUnit(db, { code: u.code, level: u.level, name: u.name, period: u.period, packageId: manifest.packageId, packageCreatedAt: manifest.createdAt });
  }
  for (const a of plan.actions) {
    if (a.kind === 'put') putSourceRecord(db, a.unit, a.table, a.id, a.json, a.updatedAt, plan.stamp);
    else if (a.kind === 'remove') markRemoved(db, a.unit, a.table, a.id, plan.stamp);
    else savePendingConflict(db, a.unit, a.table, a.id, a.json, a.updatedAt, plan.stamp);
  }
}
