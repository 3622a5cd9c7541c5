import type { Db } from '../../../db/open';
import { listUnits, type ConsolidatedUnit } from '../../../db/submission/consolidated';
import { meetingCounts, topVolunteers, unitCounts } from '../../../db/submission/overview';
import type { MeetingType } from '../../../db/party/types';
import type { UnitLevel } from '../../../db/types';
import { monthPeriod } from '../../export/period';
import { buildCompliance } from '../party/compliance';
import { OrgIndex, zhCompare } from '../party/export/org-index';
import { levelBelow } from '../system/contract';
import { consolidatedData } from './sources';
import type { ConsolidatedOverview, OverviewFigures, OverviewLeader, OverviewRow, OverviewUnit } from './types';

const none = (): OverviewFigures => ({
  members: 0, full: 0, probationary: 0, orgs: 0, branches: 0, compliant: 0, compliancePending: 0,
  volunteers: 0, hours: 0, points: 0, received: 0, done: 0, rated: 0, satisfied: 0, overdue: 0,
});

/** Every figure is a count: a sum's rates are Σ/Σ of them, wherever shown. */
function sum(parts: readonly OverviewFigures[]): OverviewFigures {
  const out = none();
  for (const p of parts) for (const k of Object.keys(out) as (keyof OverviewFigures)[]) out[k] += p[k];
  return out;
}

/**
 * This quarter's organisational life at a unit, as the party dashboard counts it (branches with nothing missing),
 * from its copies: null when its latest package is of an earlier quarter, so it carries none of this quarter's
 * meetings. Counted to the package's month end, or today if earlier — the slots after it are still pending.
 */
function complianceOf(db: Db, unit: ConsolidatedUnit, year: number, quarter: number, today: string): { branches: number; compliant: number } | null {
  const p = monthPeriod(unit.period);
  if (p.year !== year || p.quarter !== quarter) return null;
  const end = today < p.to ? today : p.to;
  const orgs = OrgIndex.of(consolidatedData(db, unit));
  const branches = orgs.branchesAt(end).map(({ org, groupIds }) => ({ id: org.id, name: org.name, parentName: orgs.communityOf(org.id), groupIds }));
  const counts = meetingCounts(db, unit.code, p.quarterFrom, end).map((c) => ({ ...c, type: c.type as MeetingType }));
  const rows = buildCompliance(year, quarter, branches, counts, end).rows;
  return { branches: rows.length, compliant: rows.filter((r) => r.missing === 0).length };
}

/**
 * 汇总概览: the figures a secretary looks for, per lower unit and in total, from what the units below sent (a
 * street: its communities; a district: its streets — each street's own data and its communities' summed — and
 * each community under its street). Every unit's figures are as of its latest package's export; the module
 * dashboards keep this installation's own records.
 */
export function consolidatedOverview(db: Db, level: UnitLevel, today: string): ConsolidatedOverview {
  const year = Number(today.slice(0, 4));
  const month = today.slice(0, 7);
  const quarter = monthPeriod(month).quarter;
  const units = listUnits(db);
  const counts = unitCounts(db, year, month, today);
  const unitOf = (u: ConsolidatedUnit): OverviewUnit => {
    const compliance = complianceOf(db, u, year, quarter, today);
    return {
      code: u.code, name: u.name, level: u.level as UnitLevel, period: u.period, exportedAt: u.packageCreatedAt, stale: u.period < month,
      figures: {
        ...none(), ...counts.get(u.code),
        branches: compliance?.branches ?? 0, compliant: compliance?.compliant ?? 0, compliancePending: compliance ? 0 : 1,
      },
    };
  };
  const rowLevel = levelBelow[level] ?? 'community';
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-CN');
  const all = units.map(unitOf);
  const parentOf = new Map(units.map((u) => [u.code, u.parentCode]));
  const heads = new Set(all.filter((u) => u.level === rowLevel).map((u) => u.code));
  // A community whose street is not held here stands as a row of its own, so the total still counts it.
  const isRow = (u: OverviewUnit) => u.level === rowLevel || !heads.has(parentOf.get(u.code) ?? '');
  const rows: OverviewRow[] = all.filter(isRow).sort(byName).map((u) => {
    const children = all.filter((c) => !isRow(c) && parentOf.get(c.code) === u.code).sort(byName);
    const times = [u, ...children].map((x) => x.exportedAt).sort();
    return { ...u, figures: sum([u, ...children].map((x) => x.figures)), children, oldestExport: times[0]!, newestExport: times.at(-1)! };
  });
  const times = all.map((u) => u.exportedAt).sort();
  // At a district, each person's street: the unit's own, or its community's.
  const byCode = new Map(units.map((u) => [u.code, u]));
  const streetOf = (code: string) => {
    const u = byCode.get(code);
    return u?.level === 'street' ? u.name : (byCode.get(u?.parentCode ?? '')?.name ?? null);
  };
  const top = topVolunteers(db, year, 10).sort((a, b) => b.earned - a.earned || b.hours - a.hours || zhCompare(a.name, b.name));
  let rank = 0;
  const leaders = top.map((t, i): OverviewLeader => ({
    // Equal points share a place (1, 1, 3), as in the register.
    rank: i > 0 && top[i - 1]!.earned === t.earned ? rank : (rank = i + 1),
    name: t.name, street: rowLevel === 'street' ? streetOf(t.unit) : null, community: t.community, earned: t.earned, hours: t.hours,
  }));
  return {
    leaders,
    today, year, quarter, month, rowLevel, rows,
    total: sum(rows.map((r) => r.figures)),
    oldestExport: times[0] ?? null,
    newestExport: times.at(-1) ?? null,
  };
}
