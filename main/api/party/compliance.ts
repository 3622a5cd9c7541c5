import type { MeetingType } from '../../../db/party/types';
import { compareZh } from '../common/collate';

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

export function quarterRange(year: number, quarter: number): { from: string; to: string; months: string[] } {
  const first = (quarter - 1) * 3 + 1;
  const months = [0, 1, 2].map((i) => `${year}-${String(first + i).padStart(2, '0')}`);
  const lastDay = new Date(Date.UTC(year, first + 2, 0)).getUTCDate();
  return { from: `${months[0]}-01`, to: `${months[2]}-${lastDay}`, months };
}

const monthEnd = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

interface Branch {
  id: string;
  name: string;
  parentName: string | null;
  groupIds: string[];
}

/** The compliance view for the branches given, from held-meeting counts per unit, type and month. */
export function buildCompliance(
  year: number,
  quarter: number,
  branches: Branch[],
  counts: { orgId: string; type: MeetingType; month: string; n: number }[],
  today: string,
): ComplianceReport {
  const { from, to, months } = quarterRange(year, quarter);
  // Held counts per unit as a small array indexed by (type, month of the quarter): thousands of units are looked
  // up many times each, and building string keys for every lookup was most of the view's time at district scale.
  const typeIndex = new Map(meetingRules.map((r, i) => [r.type, i]));
  const held = new Map<string, Int32Array>();
  for (const c of counts) {
    const m = months.indexOf(c.month);
    if (m < 0) continue;
    let perUnit = held.get(c.orgId);
    if (!perUnit) held.set(c.orgId, (perUnit = new Int32Array(meetingRules.length * 3)));
    perUnit[typeIndex.get(c.type)! * 3 + m] = c.n;
  }
  const heldIn = (orgId: string, type: MeetingType, ms: readonly string[]) => {
    const perUnit = held.get(orgId);
    if (!perUnit) return 0;
    const t = typeIndex.get(type)! * 3;
    return ms.reduce((sum, m) => sum + perUnit[t + months.indexOf(m)]!, 0);
  };
  const stateOf = (done: boolean, end: string): SlotState => (done ? 'held' : end <= today ? 'missing' : 'pending');
  const ends = new Map(months.map((m) => [m, monthEnd(m)]));

  const rows = branches.map((b): ComplianceRow => {
    const items: ComplianceItem[] = [];
    for (const rule of meetingRules) {
      if (rule.type === 'group') {
        if (b.groupIds.length === 0) continue;
        items.push({
          type: 'group',
          slots: months.map((m) => {
            const groupsHeld = b.groupIds.filter((g) => heldIn(g, 'group', [m]) > 0).length;
            const n = b.groupIds.reduce((s, g) => s + heldIn(g, 'group', [m]), 0);
            return { period: m, held: n, groupsHeld, state: stateOf(groupsHeld === b.groupIds.length, ends.get(m)!) };
          }),
        });
        continue;
      }
      const periods = rule.every === 'month' ? months.map((m) => [m, [m]] as const) : [[`${year}-Q${quarter}`, months] as const];
      items.push({
        type: rule.type,
        slots: periods.map(([period, ms]) => {
          const n = heldIn(b.id, rule.type, ms);
          return { period, held: n, state: stateOf(n > 0, rule.every === 'month' ? ends.get(ms[0]!)! : to) };
        }),
      });
    }
    const missing = items.reduce((s, i) => s + i.slots.filter((x) => x.state === 'missing').length, 0);
    return { orgId: b.id, name: b.name, parentName: b.parentName, items, missing, groups: b.groupIds.length };
  });
  rows.sort((a, b) => b.missing - a.missing || compareZh(a.name, b.name));
  return { year, quarter, from, to, rows };
}
