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
 * are today's register, and only members with a joining or leaving dated after a day can have been on it that day
 * differently. For each such member and day, whether they were on it follows from their last such event by then
 * (an entry: yes; a leaving: no), or, before their first event, from that first one (a leaving first: they were on
 * it from before their history began). So the work is the window's movements, not the register: a few hundred
 * members at a street, seeked through member_events_date (migration 044; named, since grouping by member would otherwise walk
 * every member's history in member_events_member) and member_events_member.
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
  const changes = db
    .prepare(
      `WITH ends(i, d) AS (SELECT key, value FROM json_each(@days)),
       moved AS MATERIALIZED (
         SELECT member_id AS id, max(on_date) AS last FROM member_events INDEXED BY member_events_date
         WHERE on_date > @first AND kind IN ${LIFECYCLE} GROUP BY member_id),
       pairs AS (
         SELECT ends.i, m.category, m.lifecycle = 'active' AS onNow, coalesce(
           (SELECT x.kind IN ${ENTRIES} FROM member_events x
            WHERE x.member_id = m.id AND x.on_date <= ends.d AND x.kind IN ${LIFECYCLE}
            ORDER BY x.on_date DESC, x.created_at DESC LIMIT 1),
           (SELECT x.kind NOT IN ${ENTRIES} FROM member_events x
            WHERE x.member_id = m.id AND x.on_date > ends.d AND x.kind IN ${LIFECYCLE}
            ORDER BY x.on_date, x.created_at LIMIT 1)) AS onThen
         FROM moved JOIN members m ON m.id = moved.id JOIN orgs o ON o.id = m.org_id
         JOIN ends ON moved.last > ends.d
         WHERE o.path >= @lo AND o.path < @hi)
       SELECT i, category, sum(onThen - onNow) AS n FROM pairs GROUP BY i, category`,
    )
    .all({ lo, hi, days: JSON.stringify(days), first: [...days].sort()[0] ?? '' }) as { i: number; category: MemberCategory; n: number }[];
  const counts = days.map(() => {
    const c: CategoryCounts = { community: 0, in_service: 0, migrant: 0 };
    for (const r of now) c[r.category] += r.n;
    return c;
  });
  for (const r of changes) counts[r.i]![r.category] += r.n;
  return counts;
}
