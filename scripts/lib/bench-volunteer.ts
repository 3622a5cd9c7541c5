/**
 * The bench's volunteer rows (issue 3), timed with the others through the HTTP transport: rankings of a community
 * and of the whole district (read from the maintained totals, not the ledger), a person's balance, a branch's
 * quarterly totals, and the module's lists at district scale. The rows issue 17 made read maintained counts
 * (migration 038) carry their floor: the db functions alone, on the bench's read-only connection.
 */

import type { Db } from '../../db/open';
import { activeVolunteerCounts, linkableCount, listVolunteers } from '../../db/volunteer/people';
import { listAssignments, unassignedCount } from '../../db/volunteer/posts';
import { personRanking, unitRanking } from '../../db/volunteer/rankings';
import type { FlooredOp } from './bench-property';

type Call = (channel: string, input: unknown) => Promise<unknown>;

/** The cursor (the last row shown) from which the ledger's deepest page — its oldest 100 entries — is asked for. */
export function oldestEntries(db: Db): { onDate: string; id: string } | null {
  return (db.prepare('SELECT on_date AS onDate, id FROM points_entries ORDER BY on_date, id LIMIT 1 OFFSET 100').get() as { onDate: string; id: string } | undefined) ?? null;
}

export interface BenchOp {
  name: string;
  channel: string;
  input: unknown;
  budgetMs: number;
}

interface Scope {
  community: { id: string };
  branch: { id: string };
  year: number;
  quarter: number;
  /** See oldestEntries; without it the deepest-page row is left out. */
  oldest?: { onDate: string; id: string } | null;
}

/** `db`: the bench's read-only connection, for the floors (the driver bench, timing transports, has none). */
export async function volunteerOps(call: Call, { community, branch, year, quarter, oldest }: Scope, db?: Db): Promise<FlooredOp[]> {
  const floor = (f: (conn: Db) => unknown) => (db ? { floor: () => f(db) } : {});
  // The person with the most points this year: the longest history to add up.
  const top = (await call('volunteer.ranking', { year, limit: 1 })) as { rows: { volunteerId: string }[] };
  const person = top.rows[0]?.volunteerId ?? '';
  return [
    { name: 'volunteer ranking, one community, this year', channel: 'volunteer.ranking', input: { year, orgId: community.id }, budgetMs: 5 },
    { name: 'volunteer ranking, whole district, this year', channel: 'volunteer.ranking', input: { year }, budgetMs: 20 },
    { name: 'volunteer ranking, whole district, last year', channel: 'volunteer.ranking', input: { year: year - 1 }, budgetMs: 20 },
    { name: 'volunteer ranking, whole district, this quarter', channel: 'volunteer.ranking', input: { year, quarter }, budgetMs: 20 },
    { name: "volunteer: a person's balance and years", channel: 'volunteer.getVolunteer', input: { id: person }, budgetMs: 10 },
    { name: "points: a branch's quarterly totals", channel: 'volunteer.unitTotals', input: { orgId: branch.id, year, quarter }, budgetMs: 5 },
    {
      name: 'points: branches ranked, whole district', channel: 'volunteer.unitRanking', input: { year, quarter: 0, level: 'branch' }, budgetMs: 20,
      ...floor((c) => unitRanking(c, 'branch', null, year, 0)),
    },
    {
      name: 'volunteer register, first page', channel: 'volunteer.listVolunteers', input: {}, budgetMs: 10,
      ...floor((c) => listVolunteers(c, { orgPath: null, kind: null, postId: null, active: true, q: '', sort: 'pinyin', year, offset: 0, limit: 100 })),
    },
    {
      name: 'volunteer register, sorted by 登记日期, offset 5000', channel: 'volunteer.listVolunteers', input: { sort: 'registered', offset: 5000 }, budgetMs: 10,
      ...floor((c) => listVolunteers(c, { orgPath: null, kind: null, postId: null, active: true, q: '', sort: 'registered', year, offset: 5000, limit: 100 })),
    },
    { name: 'volunteer register, one community sorted by 登记日期', channel: 'volunteer.listVolunteers', input: { orgId: community.id, sort: 'registered' }, budgetMs: 10 },
    { name: 'volunteer register, q=zs', channel: 'volunteer.listVolunteers', input: { q: 'zs' }, budgetMs: 10 },
    { name: 'volunteer register, one community', channel: 'volunteer.listVolunteers', input: { orgId: community.id }, budgetMs: 10 },
    { name: 'volunteer pick a person, q=wf', channel: 'volunteer.searchPeople', input: { q: 'wf' }, budgetMs: 10 },
    {
      name: 'members without a post, whole district', channel: 'volunteer.listAssignments', input: { unassignedOnly: true }, budgetMs: 10,
      ...floor((c) => listAssignments(c, { orgPath: null, unassignedOnly: true, q: '', offset: 0, limit: 100 })),
    },
    { name: 'points ledger, first page', channel: 'volunteer.listEntries', input: {}, budgetMs: 10 },
    { name: 'points ledger, one community', channel: 'volunteer.listEntries', input: { orgId: community.id }, budgetMs: 10 },
    { name: 'points ledger, one person', channel: 'volunteer.listEntries', input: { volunteerId: person }, budgetMs: 10 },
    // Keyset: the page after a cursor costs what the first does, however deep (issue 15: every row reachable).
    ...(oldest ? [{ name: 'points ledger, deepest page (the oldest 100, keyset)', channel: 'volunteer.listEntries', input: { before: oldest }, budgetMs: 10 }] : []),
    { name: 'volunteer activities, first page', channel: 'volunteer.listActivities', input: {}, budgetMs: 10 },
    {
      name: 'volunteer dashboard, whole district', channel: 'volunteer.getDashboard', input: {}, budgetMs: 20,
      // Its counts alone: the figures, who has no post, the ranking's head (with its total), residents to link.
      ...floor((c) => [activeVolunteerCounts(c, null), unassignedCount(c, null), linkableCount(c),
        personRanking(c, { year, quarter: 0, orgPath: null, offset: 0, limit: 10 })]),
    },
  ];
}
