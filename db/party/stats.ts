import type { Db } from '../open';
import { prefixRange } from '../pinyin';

export interface PartyStats {
  active: number;
  byCategory: Record<'community' | 'in_service' | 'migrant', number>;
  byStatus: Record<'full' | 'probationary', number>;
  centreHouseholds: number;
  transferredOutThisYear: number;
  byBranch: { orgId: string; name: string; count: number }[];
}

/** Member figures for a unit's subtree (the whole register when `orgPath` is null). */
export function partyStats(db: Db, orgPath: string | null, year: number): PartyStats {
  const [lo, hi] = orgPath ? prefixRange(orgPath) : ['', '\u{10FFFF}'];
  // The whole register needs no scope (every member's unit exists): it is then counted from members_kind in
  // group order, a subtree from members_org; either way the counts read no member row.
  const scope = orgPath ? `AND m.org_id IN (SELECT id FROM orgs WHERE path >= ? AND path < ?)` : '';
  const scopeArgs = orgPath ? [lo, hi] : [];
  const counts = db
    .prepare(
      `SELECT m.category, m.status, COUNT(*) AS n, SUM(m.is_centre_household) AS centre
       FROM members m INDEXED BY ${orgPath ? 'members_org' : 'members_kind'}
       WHERE m.lifecycle = 'active' ${scope} GROUP BY m.category, m.status`,
    )
    .all(...scopeArgs) as { category: keyof PartyStats['byCategory']; status: keyof PartyStats['byStatus']; n: number; centre: number }[];
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
  stats.transferredOutThisYear = (
    db
      .prepare(
        `SELECT COUNT(*) AS n FROM members m WHERE m.lifecycle = 'transferred_out' AND m.left_on >= ? ${scope}`,
      )
      .get(`${year}-01-01`, ...scopeArgs) as { n: number }
  ).n;
  // Members counted under the branch they belong to, their party groups included. Counted per branch (units by
  // path, then members_org) rather than joined and grouped: joined, the planner started from the members and
  // compared each with every branch's path (seconds at 100k), or fed every member row to a GROUP BY sorter.
  // MATERIALIZED, so the count is not evaluated twice (for the filter and the order).
  stats.byBranch = db
    .prepare(
      `WITH per_branch AS MATERIALIZED (
         SELECT b.id AS orgId, b.name, b.name_pinyin,
                (SELECT COUNT(*) FROM orgs o CROSS JOIN members m ON m.org_id = o.id AND m.lifecycle = 'active'
                  WHERE o.path >= b.path AND o.path < b.path || char(1114111)) AS count
         FROM orgs b WHERE b.level = 'branch' AND b.status = 'active' AND b.path >= ? AND b.path < ?)
       SELECT orgId, name, count FROM per_branch WHERE count > 0 ORDER BY count DESC, name_pinyin, orgId LIMIT 12`,
    )
    .all(lo, hi) as PartyStats['byBranch'];
  return stats;
}

export interface ProbationDue {
  id: string;
  name: string;
  orgName: string;
  joinedOn: string;
  dueOn: string;
}

/** Probationary members whose year of probation ends within `withinDays` (or already has). */
export function probationDue(db: Db, today: string, withinDays: number, orgPath: string | null): ProbationDue[] {
  const [lo, hi] = orgPath ? prefixRange(orgPath) : ['', '\u{10FFFF}'];
  return db
    .prepare(
      `SELECT m.id, m.name, o.name AS orgName, m.joined_on AS joinedOn, date(m.joined_on, '+1 year') AS dueOn
       FROM members m JOIN orgs o ON o.id = m.org_id
       WHERE m.status = 'probationary' AND m.lifecycle = 'active'
         AND m.joined_on <= date(?, '-1 year', ?) AND o.path >= ? AND o.path < ?
       ORDER BY m.joined_on LIMIT 200`,
    )
    .all(today, `+${withinDays} days`, lo, hi) as ProbationDue[];
}
