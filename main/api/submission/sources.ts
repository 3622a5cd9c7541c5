import type { Db } from '../../../db/open';
import { getOrg } from '../../../db/party/orgs';
import { getPlace } from '../../../db/party/places';
import type { Installation } from '../../../db/settings';
import type { UnitLevel } from '../../../db/types';
import { effectiveRecords, listUnits, type ConsolidatedUnit } from '../../../db/submission/consolidated';
import type { Period } from '../../export/period';
import { inside, type PackageRecord, type PackageTable, type Scope, type UnitData, type UnitInfo, type Within } from '../../export/types';
import { fieldError } from '../common/errors';
import { levelAbove, levelBelow, unitLevels } from '../system/contract';

/** What an export speaks for and reads: the unit named on every sheet, and the data behind it. */
export interface ExportTarget {
  unit: UnitInfo;
  /** The unit above, named in the package: the installation's own (a community's street, a street's district),
   * or the street itself for a community whose registers the street keeps. */
  parent: UnitInfo | null;
  scope: Scope;
  /** A street's or a district's own submission: its data plus every unit it consolidated, by unit and in total. */
  multiUnit: boolean;
  /**
   * The level its units are grouped by when they span two levels below it: a district's streets (each with its
   * communities), shown as 所属街道 where a street's export has 所属社区 only. Null otherwise.
   */
  groupBy: UnitLevel | null;
}

/**
 * The export's level. An installation exports itself — a street or a district with what it consolidated — or, at
 * a street, one community whose registers it keeps locally: that community's own submission.
 */
export function resolveTarget(db: Db, inst: Installation, level: UnitLevel, orgId: string | null): ExportTarget {
  const self: UnitInfo = { level: inst.unitLevel, name: inst.unitName, code: inst.unitCode };
  const aboveLevel = levelAbove[inst.unitLevel];
  const above: UnitInfo | null =
    aboveLevel && inst.parentCode && inst.parentName ? { level: aboveLevel, name: inst.parentName, code: inst.parentCode } : null;
  if (level === inst.unitLevel) {
    const below = levelBelow[level];
    const groupBy = below && levelBelow[below] ? below : null;
    return { unit: self, parent: above, scope: { community: null }, multiUnit: below !== null, groupBy };
  }
  if (inst.unitLevel !== 'street' || level !== 'community') {
    throw fieldError('level', `本机是${unitLevels[inst.unitLevel]}，只能生成本${unitLevels[inst.unitLevel]}的上报材料`);
  }
  const org = orgId ? getOrg(db, orgId) : undefined;
  if (!org || org.level !== 'community_committee') throw fieldError('orgId', '请选择要生成上报材料的社区（社区党委或党总支）');
  const place = org.placeId ? getPlace(db, org.placeId) : undefined;
  const name = place?.name ?? org.name;
  // The community's own code if it has one, else one derived from its unit's id: stable across exports, so the
  // street's copies of it update in place.
  const code = place?.code && /^[0-9A-Za-z_-]{2,64}$/.test(place.code) ? place.code : `${inst.unitCode}-${org.id.slice(-10)}`;
  return {
    unit: { level: 'community', name, code },
    parent: self,
    scope: { community: { orgId: org.id, placeId: org.placeId, name } },
    multiUnit: false,
    groupBy: null,
  };
}

export function localData(db: Db, target: ExportTarget, period: Period): UnitData {
  return {
    unit: target.unit,
    local: true,
    period: period.key,
    rows: <T extends PackageRecord>(table: PackageTable<T>, within?: Within) => inside(table.read(db, target.scope, period, within), within),
  };
}

export function consolidatedData(db: Db, unit: ConsolidatedUnit, group?: string): UnitData {
  return {
    group,
    unit: { level: unit.level as UnitInfo['level'], name: unit.name, code: unit.code },
    local: false,
    period: unit.period,
    exportedAt: unit.packageCreatedAt,
    // Checked against the table's schema when imported (or corrected); parsed back as such.
    *rows<T extends PackageRecord>(table: PackageTable<T>, within?: Within) {
      const records = function* () {
        for (const json of effectiveRecords(db, unit.code, table.name)) yield JSON.parse(json) as T;
      };
      yield* inside(records(), within);
    },
  };
}

/**
 * Rows a monthly submission keeps between its readers, across all its sources. A submission reads the members
 * three times (figures, register, package) and the meetings four; keeping every table (as it once did) held a
 * district's 1.3M volunteer entries and 190k members as objects — 4.8 GB at its peak. Kept now: the tables that
 * fit in what is left of this budget (orgs, meetings, ratings, activities…), read once; a table that outgrows it
 * while being read is let go and read again by each reader, streamed. Rows are counted, not bytes: a row here is
 * some hundreds of bytes of fields, so the budget holds some tens of MB.
 */
export const KEPT_ROWS = 50_000;

/** The same data, each table small enough for the shared budget read once and kept for the rest of the export. */
export function readOnce(sources: readonly UnitData[], budget = KEPT_ROWS): UnitData[] {
  let left = budget;
  return sources.map((data) => {
    const kept = new Map<string, PackageRecord[]>();
    const tooBig = new Set<string>();
    return {
      ...data,
      *rows<T extends PackageRecord>(table: PackageTable<T>, within?: Within): Iterable<T> {
        const done = kept.get(table.name);
        if (done) return yield* inside(done as T[], within);
        // A narrowed read (a month of a year's ledger) is the source's own: it keeps nothing, being only a part.
        if (tooBig.has(table.name) || within) return yield* data.rows(table, within);
        let keeping: T[] | null = [];
        for (const r of data.rows(table)) {
          if (keeping && keeping.length === left) {
            // Past the budget: what was gathered goes, and every reader reads this table itself.
            keeping = null;
            tooBig.add(table.name);
          }
          keeping?.push(r);
          yield r;
        }
        // Kept only once read to the end: a reader that stops early leaves nothing half-kept.
        if (keeping && !kept.has(table.name)) {
          kept.set(table.name, keeping);
          left -= keeping.length;
        }
      },
    };
  });
}

/** The data an export reads: the target's own, then (a street's or a district's submission) every consolidated unit. */
export function sourcesOf(db: Db, target: ExportTarget, period: Period): UnitData[] {
  const own = localData(db, target, period);
  if (!target.multiUnit) return [own];
  const units = listUnits(db);
  if (!target.groupBy) return [own, ...units.map((u) => consolidatedData(db, u))];
  // Grouped (a district): each street, then its communities (one whose street is not held here: under its code).
  const byCode = new Map(units.map((u) => [u.code, u]));
  const groupOf = (u: ConsolidatedUnit) => (u.level === target.groupBy ? u : byCode.get(u.parentCode ?? ''));
  const groupName = (u: ConsolidatedUnit) => groupOf(u)?.name ?? u.parentCode ?? '';
  const key = (u: ConsolidatedUnit) => `${groupName(u)}\u0000${u.level === target.groupBy ? 0 : 1}\u0000${u.name}`;
  const ordered = [...units].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return [{ ...own, group: target.unit.name }, ...ordered.map((u) => consolidatedData(db, u, groupName(u)))];
}
