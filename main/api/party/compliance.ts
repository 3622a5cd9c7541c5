import type { BranchCompliance, ComplianceQuery } from '../../../db/party/types';
import type { MeetingType } from '../../../db/party/types';
import { compareZh } from '../common/collate';
import type { Page } from '../common/fields';

/**
 * 三会一课 + 主题党日: what each branch must hold. Defaults from the party's rules on organisational life;
 * kept as data so a street with other rules changes one table.
 */
export const meetingRules: { type: MeetingType; every: 'month' | 'quarter' }[] = [
  { type: 'general', every: 'quarter' },
  { type: 'committee', every: 'month' },
  { type: 'group', every: 'month' },
  { type: 'lecture', every: 'quarter' },
  { type: 'theme_day', every: 'month' },
];

/** held: done; missing: the period is over (or today is its last day) without one; pending: still time. */
export type SlotState = 'held' | 'missing' | 'pending';

export interface ComplianceSlot {
  /** `2026-10` for a month, `2026-Q4` for the quarter. */
  period: string;
  state: SlotState;
  held: number;
  /** For group meetings: how many of the branch's groups held one in the period. */
  groupsHeld?: number;
}

export interface ComplianceItem {
  type: MeetingType;
  slots: ComplianceSlot[];
}

export interface ComplianceRow {
  orgId: string;
  name: string;
  parentName: string | null;
  items: ComplianceItem[];
  missing: number;
  groups: number;
}

export interface ComplianceReport {
  year: number;
  quarter: number;
  from: string;
  to: string;
  rows: ComplianceRow[];
}

/** The window's view: a page of branches, with how many the scope holds and how many are behind. */
export interface ComplianceView extends Page<ComplianceRow> {
  year: number;
  quarter: number;
  from: string;
  to: string;
  branches: number;
  behind: number;
}

export function quarterRange(year: number, quarter: number): { from: string; to: string; months: string[] } {
  const first = (quarter - 1) * 3 + 1;
  const months = [0, 1, 2].map((i) => `${year}-${String(first + i).padStart(2, '0')}`);
  const lastDay = new Date(Date.UTC(year, first + 2, 0)).getUTCDate();
  return { from: `${months[0]}-01`, to: `${months[2]}-${lastDay}`, months };
}

/** A month's last day: `2026-02` → `2026-02-28`. */
export const monthEnd = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

interface Branch {
  id: string;
  name: string;
  parentName: string | null;
  groupIds: string[];
}

/** Which of the quarter's periods are over on `today`: what the SQL count (db/party/compliance.ts) judges by. */
export function complianceQuery(year: number, quarter: number, scopePath: string | null, today: string): ComplianceQuery {
  const { to, months } = quarterRange(year, quarter);
  return { rules: meetingRules, months, monthEnded: months.map((m) => monthEnd(m) <= today), quarterEnded: to <= today, scopePath };
}

/** One branch's row of the view from its held counts (db/party/compliance.ts's facts, or counted below). */
export function complianceRow(year: number, quarter: number, b: Omit<BranchCompliance, 'missing'>, today: string): ComplianceRow {
  const { to, months } = quarterRange(year, quarter);
  const stateOf = (done: boolean, end: string): SlotState => (done ? 'held' : end <= today ? 'missing' : 'pending');
  const items: ComplianceItem[] = [];
  for (const rule of meetingRules) {
    const held = b.held[rule.type] ?? [];
    if (rule.type === 'group') {
      if (b.groups === 0) continue;
      items.push({
        type: 'group',
        slots: months.map((m, i) => {
          const groupsHeld = b.groupsHeld[i] ?? 0;
          return { period: m, held: held[i] ?? 0, groupsHeld, state: stateOf(groupsHeld === b.groups, monthEnd(m)) };
        }),
      });
    } else if (rule.every === 'month') {
      items.push({ type: rule.type, slots: months.map((m, i) => ({ period: m, held: held[i] ?? 0, state: stateOf((held[i] ?? 0) > 0, monthEnd(m)) })) });
    } else {
      const n = held[0] ?? 0;
      items.push({ type: rule.type, slots: [{ period: `${year}-Q${quarter}`, held: n, state: stateOf(n > 0, to) }] });
    }
  }
  const missing = items.reduce((s, i) => s + i.slots.filter((x) => x.state === 'missing').length, 0);
  return { orgId: b.orgId, name: b.name, parentName: b.parentName, items, missing, groups: b.groups };
}

/**
 * The compliance view for the branches given, from held-meeting counts per unit, type and month: for records
 * that are not this database's (an export's package, a consolidated copy). The window's view counts in SQL.
 */
export function buildCompliance(
  year: number,
  quarter: number,
  branches: Branch[],
  counts: { orgId: string; type: MeetingType; month: string; n: number }[],
  today: string,
): ComplianceReport {
  const { from, to, months } = quarterRange(year, quarter);
  // Held counts per unit and type, per month of the quarter: thousands of units are looked up many times each.
  const held = new Map<string, Map<MeetingType, number[]>>();
  for (const c of counts) {
    const m = months.indexOf(c.month);
    if (m < 0) continue;
    const perUnit = held.get(c.orgId) ?? held.set(c.orgId, new Map()).get(c.orgId)!;
    const perType = perUnit.get(c.type) ?? perUnit.set(c.type, [0, 0, 0]).get(c.type)!;
    perType[m]! += c.n;
  }
  const monthly = (orgId: string, type: MeetingType) => held.get(orgId)?.get(type) ?? [0, 0, 0];
  const rows = branches.map((b) => {
    const facts: BranchCompliance['held'] = {};
    for (const rule of meetingRules) {
      if (rule.type === 'group') {
        facts.group = months.map((_, i) => b.groupIds.reduce((s, g) => s + monthly(g, 'group')[i]!, 0));
      } else {
        const n = monthly(b.id, rule.type);
        facts[rule.type] = rule.every === 'month' ? n : [n[0]! + n[1]! + n[2]!];
      }
    }
    const groupsHeld = months.map((_, i) => b.groupIds.filter((g) => monthly(g, 'group')[i]! > 0).length);
    return complianceRow(year, quarter, { orgId: b.id, name: b.name, parentName: b.parentName, groups: b.groupIds.length, held: facts, groupsHeld }, today);
  });
  rows.sort((a, b) => b.missing - a.missing || compareZh(a.name, b.name));
  return { year, quarter, from, to, rows };
}
