import type { Db } from '../../../db/open';
import {
  coverageAfter,
  pendingConflict,
  saveCoverage,
  saveUnit,
  savePendingConflict,
  sourceRecordWriter,
  storedRows,
  type PackageStamp,
  type SeenBefore,
  type StoredRow,
} from '../../../db/submission/consolidated';
import type { OpenedPackage } from '../../export/package/read';
import { inCoverage, type Coverage, type PackageRecord } from '../../export/types';
import { parentOf } from './accept';
import type { ImportCounts } from './types';

/** Each action carries the stamp of its unit's export (packages from a street hold several units). */
type Action =
  // What each write replaces, as seen before it (SeenBefore): the 概览's figures follow the change without a recount.
  | { kind: 'put'; unit: string; table: string; id: string; json: string; updatedAt: string; stamp: PackageStamp; seen: { next: PackageRecord; before: SeenBefore } }
  | { kind: 'remove'; unit: string; table: string; id: string; stamp: PackageStamp; before: SeenBefore }
  | { kind: 'confirm'; unit: string; table: string; ids: string[]; stamp: PackageStamp }
  | { kind: 'conflict'; unit: string; table: string; id: string; json: string | null; updatedAt: string | null; stamp: PackageStamp };

export interface ImportPlan {
  counts: ImportCounts;
  actions: Action[];
}

const byId = (a: PackageRecord, b: PackageRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const covered = (stored: StoredRow, coverage: Coverage): boolean =>
  coverage === 'all' || inCoverage(JSON.parse(stored.record) as Record<string, unknown>, coverage);

/**
 * What importing a package would change, decided record by record against the copies already here, without
 * writing: the inspection screen shows it, and the import applies exactly it.
 *
 * Versions of a unit's records are ordered by **when that unit exported them** (`units[].exportedAt` in the
 * manifest: the package's time for its source, a consolidated unit's latest package time in a street's or a
 * district's package), never by the records' own `updatedAt`: a package is a snapshot of everything the unit
 * sends, and a field may change without its record's `updatedAt` changing (a place renamed changes every org's
 * `placeName`; a building renamed every member's `buildingName`). A copy holds what the **newest export that
 * spoke for it** said — carried it, or covered it and lacked it — and that export's time: so the copies are the
 * same whatever order the exports arrive in (community → street → district, docs/package-format.md). Per record:
 *
 * - not seen before: new — unless a newer export of the unit held here covered it (and so lacked it): removed
 *   at the source before then, kept as removed (counted older);
 * - the same text as the copy (and not removed): unchanged; a newer export confirms it (takes its stamp);
 * - other content from an export older than the one that wrote the copy (a package arriving late), or a record
 *   removed by a newer export: older, ignored — whatever its `updatedAt` says, so old values never come back;
 * - otherwise other content replaces the copy (updated), unless the copy was corrected here: then a conflict;
 * - a copy inside the table's coverage but absent from an export newer than the one that wrote it was
 *   removed at the source (a corrected one becomes a conflict too); one removed already is confirmed.
 */
export function planImport(db: Db, opened: OpenedPackage): ImportPlan {
  const { manifest } = opened;
  const stampOf = new Map(manifest.units.map((u) => [u.code, { packageId: manifest.packageId, createdAt: u.exportedAt }]));
  const counts: ImportCounts = { new: 0, updated: 0, unchanged: 0, older: 0, removed: 0, conflicts: 0 };
  const actions: Action[] = [];
  const conflict = (stamp: PackageStamp, unit: string, table: string, id: string, json: string | null, updatedAt: string | null) => {
    counts.conflicts++;
    // One decision waits per record, on the newest source version: the same package again, or an older one
    // arriving late, leaves it as it is.
    const waiting = pendingConflict(db, unit, table, id);
    const newer = !waiting || (waiting.incomingRecord !== json && waiting.packageCreatedAt < stamp.createdAt);
    if (newer) actions.push({ kind: 'conflict', unit, table, id, json, updatedAt, stamp });
  };

  for (const { entry, units } of opened.tables) {
    const table = entry.name;
    for (const [unit, records] of units) {
      const stamp = stampOf.get(unit)!;
      const stored = storedRows(db, unit, table);
      // Newer exports of this unit already here, with what each covered: a record none of them carried is gone.
      const later = coverageAfter(db, unit, table, stamp.createdAt).map((c) => ({ stamp: c.stamp, coverage: JSON.parse(c.coverage) as Coverage }));
      const seen = new Set<string>();
      const confirmed: string[] = [];
      // In id order, so new copies are appended to the key's B-tree rather than split into it page by page.
      for (const r of (records as PackageRecord[]).toSorted(byId)) {
        seen.add(r.id);
        const json = JSON.stringify(r);
        const copy = stored.get(r.id);
        if (!copy) {
          const gone = later.find((c) => inCoverage(r as unknown as Record<string, unknown>, c.coverage));
          if (gone) counts.older++;
          else counts.new++;
          actions.push({ kind: 'put', unit, table, id: r.id, json, updatedAt: r.updatedAt, stamp, seen: { next: r, before: null } });
          if (gone) actions.push({ kind: 'remove', unit, table, id: r.id, stamp: gone.stamp, before: r });
          continue;
        }
        const olderExport = stamp.createdAt < copy.packageCreatedAt;
        const removedByNewer = copy.removedAt !== null && stamp.createdAt <= copy.packageCreatedAt;
        if (copy.removedAt === null && copy.record === json) {
          counts.unchanged++;
          if (stamp.createdAt > copy.packageCreatedAt) confirmed.push(r.id);
        } else if (olderExport || removedByNewer) counts.older++;
        else if (copy.localRecord !== null) conflict(stamp, unit, table, r.id, json, r.updatedAt);
        else {
          counts.updated++;
          // Not corrected here (that is a conflict): the copy seen was the source's, unless it had been removed.
          actions.push({ kind: 'put', unit, table, id: r.id, json, updatedAt: r.updatedAt, stamp, seen: { next: r, before: copy.removedAt === null ? copy.record : null } });
        }
      }
      for (const [id, copy] of stored) {
        if (seen.has(id) || copy.packageCreatedAt >= stamp.createdAt || !covered(copy, entry.coverage)) continue;
        if (copy.removedAt !== null) confirmed.push(id);
        else if (copy.localRecord !== null) conflict(stamp, unit, table, id, null, null);
        else {
          counts.removed++;
          actions.push({ kind: 'remove', unit, table, id, stamp, before: copy.record });
        }
      }
      actions.push({ kind: 'confirm', unit, table, ids: confirmed, stamp });
    }
  }
  return { counts, actions };
}

/** Applies a plan; the caller runs it inside the transaction that also logs the import. */
export function applyImport(db: Db, opened: OpenedPackage, plan: ImportPlan): void {
  const { manifest } = opened;
  const stampOf = new Map(manifest.units.map((u) => [u.code, { packageId: manifest.packageId, createdAt: u.exportedAt }]));
  for (const u of manifest.units) {
    saveUnit(db, {
      code: u.code, level: u.level, name: u.name, parentCode: parentOf(manifest, u.code), period: u.period,
      packageId: manifest.packageId, packageCreatedAt: u.exportedAt,
    });
  }
  for (const { entry, units } of opened.tables) {
    for (const unit of units.keys()) saveCoverage(db, unit, entry.name, stampOf.get(unit)!, JSON.stringify(entry.coverage));
  }
  const writer = sourceRecordWriter(db);
  for (const a of plan.actions) {
    if (a.kind === 'put') writer.put(a.unit, a.table, a.id, a.json, a.updatedAt, a.stamp, a.seen);
    else if (a.kind === 'remove') writer.remove(a.unit, a.table, a.id, a.stamp, a.before);
    else if (a.kind === 'confirm') writer.confirm(a.unit, a.table, a.ids, a.stamp);
    else savePendingConflict(db, a.unit, a.table, a.id, a.json, a.updatedAt, a.stamp);
  }
  writer.flush();
}
