import type { Db } from '../../db/open';
import { rebuildTotals } from '../../db/volunteer/ledger';
import { ensureMemberVolunteer, insertResident, setPost, setResidentActive } from '../../db/volunteer/people';
import { insertPost, listPosts } from '../../db/volunteer/posts';
import { insertRule } from '../../db/volunteer/rules';
import { insertItem } from '../../db/volunteer/shop';
import { chineseName, idNumber, mobile, pick } from './people';
import { addDays, dateIn, int, type CommunityPlan, type Rand } from './seed-plan';
import { writeHonours, writeServiceAndPoints, type PointCounts } from './seed-volunteer-points';
import * as W from './seed-volunteer-words';

/**
 * The volunteer module's generated data (issue 3), written after the party register: every member is a volunteer
 * (一人一岗 — most hold a post, some do not yet), plus residents (群众志愿者, one for every five members); the
 * standard posts and some branches' own; a second rules version; the shop; then three years of activities, meeting
 * base points, donations, redemptions and a few reversals (seed-volunteer-points.ts). The ledger is bulk-loaded and
 * its totals rebuilt once at the end (rebuildTotals) — per-entry maintenance would triple a million inserts.
 */

/** One branch's people who turn out for its activities, and where each belongs. */
export interface BranchPool {
  branchId: string;
  communityOrgId: string;
  volunteers: string[];
  customPostId: string | null;
}

export interface VolunteerSeed {
  pools: BranchPool[];
  byMember: Map<string, string>;
  orgOf: Map<string, string>;
  kindOf: Map<string, 'member' | 'resident'>;
}

export type VolunteerCounts = PointCounts & { volunteers: number; residents: number; withPost: number };

function writePeople(db: Db, r: Rand, tree: CommunityPlan[], today: string, operator: string): VolunteerSeed & { residents: number; withPost: number } {
  const standard = listPosts(db).filter((p) => p.kind === 'standard').map((p) => p.id);
  const seed: VolunteerSeed = { pools: [], byMember: new Map(), orgOf: new Map(), kindOf: new Map() };
  const idSeq = new Map<string, number>();
  let residents = 0;
  let withPost = 0;
  const assign = (id: string, posts: string[], since: string) => {
    setPost(db, id, pick(r, posts), since, operator);
    withPost++;
  };
  for (const c of tree) {
    for (const e of c.estates) {
      const customPostId = r() < 0.3 ? insertPost(db, e.branchId, { name: pick(r, W.CUSTOM_POSTS), description: null, seq: 100 }, operator) : null;
      const posts = customPostId ? [...standard, customPostId] : standard;
      const pool: BranchPool = { branchId: e.branchId, communityOrgId: c.orgId, volunteers: [], customPostId };
      const members = e.buildings.flatMap((b) => b.members);
      for (const m of members) {
        const since = dateIn(r, '2019-03-05', addDays(today, -30));
        const { id } = ensureMemberVolunteer(db, m.id, since, operator);
        seed.byMember.set(m.id, id);
        seed.orgOf.set(id, m.orgId);
        seed.kindOf.set(id, 'member');
        if (m.lifecycle !== 'active') continue;
        pool.volunteers.push(id);
        if (r() < 0.7) assign(id, posts, since);
      }
      // Residents register with the branch of their estate, or with the community.
      for (let i = 0; i < Math.round(members.length / 5); i++) {
        const gender = r() < 0.4 ? 'male' : 'female';
        const birth = dateIn(r, '1945-01-01', '2004-12-31');
        const key = `${birth}${gender}`;
        const seq = idSeq.get(key) ?? 0;
        idSeq.set(key, seq + 1);
        const building = pick(r, e.buildings);
        const orgId = r() < 0.7 ? e.branchId : c.orgId;
        const registeredOn = dateIn(r, '2020-01-01', addDays(today, -30));
        const id = insertResident(db, {
          name: chineseName(r), gender, idNumber: r() < 0.8 ? idNumber('130199', birth, seq, gender) : null, phone: mobile(r),
          address: `${e.name}${building.name}${int(r, 1, building.units)}单元${int(r, 1, 6)}0${int(r, 1, 2)}`, orgId,
        }, {
          team: r() < 0.5 ? pick(r, W.TEAMS) : null, skills: r() < 0.6 ? pick(r, W.SKILLS) : null, registeredOn, note: null,
        }, operator);
        residents++;
        seed.orgOf.set(id, orgId);
        seed.kindOf.set(id, 'resident');
        if (r() < 0.06) {
          setResidentActive(db, id, dateIn(r, registeredOn, today), operator);
          continue;
        }
        pool.volunteers.push(id);
        if (r() < 0.4) assign(id, posts, registeredOn);
      }
      seed.pools.push(pool);
    }
  }
  return { ...seed, residents, withPost };
}

/**
 * Runs a bulk load with the tables' secondary indexes dropped, then recreates them from their own definitions:
 * building an index from sorted rows once is several times faster than a million random index inserts.
 */
function withoutIndexes<T>(db: Db, tables: string[], load: () => T): T {
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')})`)
    .all(...tables) as { name: string; sql: string }[];
  for (const i of indexes) db.exec(`DROP INDEX ${i.name}`);
  const result = load();
  for (const i of indexes) db.exec(i.sql);
  return result;
}

export function writeVolunteers(db: Db, r: Rand, tree: CommunityPlan[], today: string, operator: string): VolunteerCounts {
  const people = writePeople(db, r, tree, today, operator);
  // This year's rule caps the hours of one activity, so the rules' history shows a change.
  insertRule(db, {
    effectiveFrom: `${today.slice(0, 4)}-01-01`, pointsPerHour: 10, maxHoursPerActivity: 30, meetingBasePoints: 10,
    expiry: 'rollover', note: '每次活动最多计 3 小时',
  }, operator);
  const items = W.ITEMS.map(([name, points, unit]) => ({
    id: insertItem(db, { name, price: points * 10, unit, description: null }, 0, operator),
    price: points * 10,
  }));
  const counts = withoutIndexes(db, ['points_entries', 'activity_participants'], () => writeServiceAndPoints(db, r, people, items, today, operator));
  rebuildTotals(db);
  counts.honours = writeHonours(db, people, Number(today.slice(0, 4)) - 1, today, operator);
  return { ...counts, volunteers: people.orgOf.size, residents: people.residents, withPost: people.withPost };
}

/** What the volunteer tables hold, for the seed's summary and the benchmark's header. */
export function countVolunteerRows(db: Db): Record<string, number> {
  const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    volunteers: n('SELECT COUNT(*) AS n FROM volunteers'),
    residentVolunteers: n('SELECT COUNT(*) AS n FROM volunteers WHERE member_id IS NULL'),
    volunteerPosts: n('SELECT COUNT(*) AS n FROM volunteers WHERE post_id IS NOT NULL'),
    activities: n('SELECT COUNT(*) AS n FROM volunteer_activities'),
    participants: n('SELECT COUNT(*) AS n FROM activity_participants'),
    pointsEntries: n('SELECT COUNT(*) AS n FROM points_entries'),
    redemptions: n('SELECT COUNT(*) AS n FROM redemptions'),
    honours: n('SELECT COUNT(*) AS n FROM volunteer_honours'),
  };
}

export const formatVolunteerCounts = (c: Record<string, number>): string => {
  const v = (k: string) => (c[k] ?? 0).toLocaleString('en-US');
  return `  志愿    ${v('volunteers')} 人（群众 ${v('residentVolunteers')} · 已认岗 ${v('volunteerPosts')}）· 活动 ${v('activities')} 次 · ` +
    `参与 ${v('participants')} 人次 · 积分记录 ${v('pointsEntries')} 条 · 兑换 ${v('redemptions')} 次 · 荣誉 ${v('honours')} 项`;
};
