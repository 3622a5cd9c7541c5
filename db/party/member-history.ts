import type { Db } from '../open';
import { subtreeRange } from '../pinyin';
import type { MemberCategory } from './types';

/** The events that put a member on the register and take them off it (member_events.kind). */
const ENTRIES = `('created', 'transfer_in', 'readmitted')`;
const LIFECYCLE = `('created', 'transfer_in', 'readmitted', 'transfer_out', 'deceased')`;

export type CategoryCounts = Record<MemberCategory, number>;

/**
 * Members on the register of a subtree at the end of each day given, by category: the dashboard's 党员人数变化.
 *
 * Counted back from today rather than forward from the beginning: the kept counts (org_member_counts, migration 003)
 * are today's register, and a day's differs from it by the joinings and leavings dated after that day — each
 * joining since then one fewer, each leaving one more. That holds because a member's joinings and leavings alternate
 * (the API allows no other: 转出 and 去世 only while on the register, 重新转入 only after 转出; a history that begins
 * with a leaving was on the register before it). So the work is the window's movements, not the register: a few
 * hundred events at a street, found through member_events_date (migration 044; named, since the planner would
 * otherwise walk every member's history in member_events_member).
 *
 * Members count under their unit and category as registered now (a transfer out keeps its unit; the history does
 * not record a change of category or unit by id).
 */
export function membersAt(db: Db, orgPath: string | null, days: readonly string[]): CategoryCounts[] {
  const [lo, hi] = subtreeRange(orgPath);
  const now = db
    .prepare(
      `SELECT c.category, SUM(c.n) AS n FROM orgs o JOIN org_member_counts c ON c.org_id = o.id
       WHERE o.path >= @lo AND o.path < @hi GROUP BY c.category`,
    )
    .all({ lo, hi }) as { category: MemberCategory; n: number }[];
  // Each movement of the window read once, summed per day (a few hundred days), and added to every month-end before
  // it here: joined to the days in SQL, each movement was read again for every day it preceded (35k at a district).
  // The category and unit come from members_id_category (migration 045): the members' own rows are 100k random
  // pages. The whole register needs no unit.
  const scoped = orgPath !== null;
  const changes = db
    .prepare(
      `SELECT e.on_date AS day, m.category, sum(CASE WHEN e.kind IN ${ENTRIES} THEN -1 ELSE 1 END) AS n
       FROM member_events e INDEXED BY member_events_date JOIN members m INDEXED BY members_id_category ON m.id = e.member_id
       ${scoped ? 'JOIN orgs o ON o.id = m.org_id AND o.path >= @lo AND o.path < @hi' : ''}
       WHERE e.on_date > @first AND e.kind IN ${LIFECYCLE}
       GROUP BY e.on_date, m.category`,
    )
    .all({ ...(scoped ? { lo, hi } : {}), first: [...days].sort()[0] ?? '' }) as { day: string; category: MemberCategory; n: number }[];
  return days.map((end) => {
    const c: CategoryCounts = { community: 0, in_service: 0, migrant: 0 };
    for (const r of now) c[r.category] += r.n;
    for (const r of changes) if (r.day > end) c[r.category] += r.n;
    return c;
  });
}
