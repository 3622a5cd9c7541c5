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
  const scope = `m.org_id IN (SELECT id FROM orgs WHERE path >= ? AND path < ?)`;
  const counts = db
    .prepare(
      `SELECT m.category, m.status, COUNT(*) AS n, SUM(m.is_centre_household) AS centre
       FROM members m WHERE m.lifecycle = 'active' AND ${scope} GROUP BY m.category, m.status`,
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
  stats.transferredOutThisYear = (
    db
      .prepare(
        `SELECT COUNT(*) AS n FROM members m WHERE m.lifecycle = 'transferred_out' AND m.left_on >= ? AND ${scope}`,
      )
      .get(`${year}-01-01`, lo, hi) as { n: number }
  ).n;
  // Members counted under the branch they belong to, their party groups included.
  stats.byBranch = db
    .prepare(
      `SELECT b.id AS orgId, b.name, COUNT(m.id) AS count
       FROM orgs b JOIN orgs o ON o.path >= b.path AND o.path < b.path || char(1114111)
       JOIN members m ON m.org_id = o.id AND m.lifecycle = 'active'
       WHERE b.level = 'branch' AND b.status = 'active' AND b.path >= ? AND b.path < ?
       GROUP BY b.id ORDER BY count DESC, b.name_pinyin LIMIT 12`,
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
