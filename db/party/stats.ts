import type { Db } from '../open';
import { subtreeRange } from '../pinyin';
import type { PartyStats, ProbationDue } from './types';
export type { PartyStats, ProbationDue } from './types';

/** Member figures for a unit's subtree (the whole register when `orgPath` is null). */
export function partyStats(db: Db, orgPath: string | null, year: number): PartyStats {
  const [lo, hi] = subtreeRange(orgPath);
  // From the maintained per-unit counts (migration 003): a few hundred rows, however large the register.
  const counts = db
    .prepare(
      `SELECT c.category, c.status, SUM(c.n) AS n, SUM(c.n * c.is_centre_household) AS centre
       FROM orgs o JOIN org_member_counts c ON c.org_id = o.id
       WHERE o.path >= ? AND o.path < ? GROUP BY c.category, c.status`,
    )
    .all(lo, hi) as { category: keyof PartyStats['byCategory']; status: keyof PartyStats['byStatus']; n: number; centre: number }[];
  const stats: PartyStats = {
    active: 0,
    byCategory: { community: 0, in_service: 0, migrant: 0 },
    byStatus: { full: 0, probationary: 0 },
    centreHouseholds: 0,
    transferredOutThisYear: 0,
    byBranch: [],
  };
  for (const c of counts) {
    stats.active += c.n;
    stats.byCategory[c.category] += c.n;
    stats.byStatus[c.status] += c.n;
    stats.centreHouseholds += c.centre;
  }
  const scope = orgPath ? 'AND m.org_id IN (SELECT id FROM orgs WHERE path >= ? AND path < ?)' : '';
  stats.transferredOutThisYear = (
    db
      .prepare(`SELECT COUNT(*) AS n FROM members m WHERE m.lifecycle = 'transferred_out' AND m.left_on >= ? ${scope}`)
      .get(`${year}-01-01`, ...(orgPath ? [lo, hi] : [])) as { n: number }
  ).n;
  // Members under the branch they belong to, their party groups included: each branch sums its subtree's counts.
  stats.byBranch = db
    .prepare(
      `SELECT b.id AS orgId, b.name AS orgName, SUM(c.n) AS count
       FROM orgs b
       JOIN orgs o ON o.path >= b.path AND o.path < b.path || char(1114111)
       JOIN org_member_counts c ON c.org_id = o.id
       WHERE b.level = 'branch' AND b.status = 'active' AND b.path >= ? AND b.path < ?
       GROUP BY b.id HAVING count > 0 ORDER BY count DESC, b.name_pinyin, b.id LIMIT 12`,
    )
    .all(lo, hi) as PartyStats['byBranch'];
  return stats;
}

/**
 * Probationary members whose year of probation ends within `withinDays`, or already has: `overdue` when it ended
 * before today and they are still not made full (已超期未转正), otherwise coming (即将期满; today's included).
 */
export function probationDue(db: Db, today: string, withinDays: number, orgPath: string | null): ProbationDue[] {
  const [lo, hi] = subtreeRange(orgPath);
  const rows = db
    .prepare(
      `SELECT m.id, m.name, o.id AS orgId, o.name AS orgName, m.joined_on AS joinedOn, date(m.joined_on, '+1 year') AS dueOn,
              date(m.joined_on, '+1 year') < ? AS overdue
       FROM members m JOIN orgs o ON o.id = m.org_id
       WHERE m.status = 'probationary' AND m.lifecycle = 'active'
         AND m.joined_on <= date(?, '-1 year', ?) AND o.path >= ? AND o.path < ?
       ORDER BY m.joined_on LIMIT 200`,
    )
    .all(today, today, `+${withinDays} days`, lo, hi) as (Omit<ProbationDue, 'overdue'> & { overdue: number })[];
  return rows.map((r) => ({ ...r, overdue: r.overdue === 1 }));
}
