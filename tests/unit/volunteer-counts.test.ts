import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { idNumber } from '../../scripts/lib/people';
import { earlierThisYear, lastYear, thisYear, today, volunteerFixture } from './volunteer-fixture';

/**
 * The volunteer module's maintained counts (migration 038: volunteer_counts, volunteer_linkable,
 * points_rank_counts, points_unit_totals) after any sequence of the writes a clerk makes — residents and members
 * joining, leaving, moving, linked, given posts; activities credited and undone; entries and their reversals —
 * equal their recomputation from the registers and the ledger, and the answers read from them equal what counting
 * the rows themselves says.
 */

const MAINTAINED = ['volunteer_counts', 'volunteer_linkable', 'points_rank_counts', 'points_unit_totals', 'org_member_counts'];

type Fixture = Awaited<ReturnType<typeof volunteerFixture>>;

// People are made more often than changed, so that the changes have someone to act on.
const command = fc.oneof(
  { arbitrary: fc.record({ k: fc.constant('resident' as const), unit: fc.nat(2) }), weight: 3 },
  { arbitrary: fc.record({ k: fc.constant('member' as const), unit: fc.nat(2), asResident: fc.option(fc.nat(20), { nil: null }) }), weight: 3 },
  { arbitrary: fc.record({ k: fc.constant('addMember' as const), m: fc.nat(20) }), weight: 3 },
  fc.record({ k: fc.constant('link' as const), r: fc.nat(20) }),
  fc.record({ k: fc.constant('post' as const), v: fc.nat(30), post: fc.option(fc.nat(7), { nil: null }) }),
  fc.record({ k: fc.constant('left' as const), v: fc.nat(30), back: fc.boolean() }),
  fc.record({ k: fc.constant('transferOut' as const), m: fc.nat(20) }),
  fc.record({ k: fc.constant('move' as const), m: fc.nat(20), unit: fc.nat(2) }),
  fc.record({ k: fc.constant('award' as const), v: fc.nat(30), points: fc.integer({ min: -20, max: 40 }).filter((p) => p !== 0), lastYear: fc.boolean() }),
  fc.record({ k: fc.constant('reverse' as const), e: fc.nat(40) }),
  fc.record({ k: fc.constant('activity' as const), vs: fc.uniqueArray(fc.nat(30), { minLength: 1, maxLength: 4 }), hours: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ k: fc.constant('undoActivity' as const), a: fc.nat(10) }),
);
type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

const pick = <T>(list: T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);
const ids = (db: Db, sql: string) => db.prepare(sql).pluck().all() as string[];
const count = (db: Db, sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;

/** Runs one command through the API; a refusal (spent points, a post not theirs, …) is a legitimate outcome. */
async function run(t: Fixture, units: { id: string }[], db: Db, c: Command): Promise<void> {
  const unit = (i: number) => units[i % units.length]!.id;
  const volunteers = ids(db, 'SELECT id FROM volunteers ORDER BY id');
  const members = ids(db, 'SELECT id FROM members ORDER BY id');
  const residents = ids(db, 'SELECT id FROM volunteers WHERE member_id IS NULL AND id_number IS NOT NULL ORDER BY id');
  const attempt = (channel: Parameters<Fixture['attempt']>[0], input: unknown) => t.attempt(channel, input);
  switch (c.k) {
    case 'resident':
      await t.resident(`居民${t.nextSeq()}`, { orgId: unit(c.unit) }).catch(() => undefined);
      return;
    case 'member': {
      // A member whose ID number is a registered resident's: the resident is now 已入党，待关联.
      const asResident = c.asResident === null ? undefined : pick(residents, c.asResident);
      const number = asResident ? (db.prepare('SELECT id_number FROM volunteers WHERE id = ?').pluck().get(asResident) as string) : undefined;
      await t.member(`党员${t.nextSeq()}`, { orgId: unit(c.unit), ...(number ? { idNumber: number, gender: 'female', joinedOn: '2020-07-01' } : {}) }).catch(() => undefined);
      return;
    }
    case 'addMember': {
      const m = pick(members, c.m);
      if (m) await attempt('volunteer.addMember', { memberId: m, registeredOn: earlierThisYear });
      return;
    }
    case 'link': {
      const r = pick(residents, c.r);
      const m = r && (db.prepare('SELECT m.id FROM members m JOIN volunteers v ON v.id_number = m.id_number WHERE v.id = ?').pluck().get(r) as string | undefined);
      if (m) await attempt('volunteer.linkMember', { id: r, memberId: m });
      return;
    }
    case 'post': {
      const v = pick(volunteers, c.v);
      const post = c.post === null ? null : t.posts[c.post % t.posts.length]!.id;
      if (v) await attempt('volunteer.assignPosts', { assignments: [{ person: { volunteerId: v, memberId: null }, postId: post }], on: today });
      return;
    }
    case 'left': {
      const v = pick(volunteers, c.v);
      if (v) await attempt('volunteer.setLeft', { id: v, leftOn: c.back ? null : today });
      return;
    }
    case 'transferOut': {
      const m = pick(members, c.m);
      if (m) await attempt('party.transferOut', { id: m, on: today, to: '东城街道' });
      return;
    }
    case 'move': {
      const m = pick(members, c.m);
      if (!m) return;
      const { member: view } = await t.call('party.getMember', { id: m });
      await attempt('party.updateMember', { ...view, id: m, orgId: unit(c.unit), keepIdNumber: true, keepPhone: true, idNumber: null, phone: null });
      return;
    }
    case 'award': {
      const v = pick(volunteers, c.v);
      if (v) await attempt('volunteer.addEntry', {
        person: { volunteerId: v, memberId: null }, onDate: c.lastYear ? lastYear('11-20') : earlierThisYear,
        category: c.points > 0 ? 'contribution' : 'base', amount: c.points * 10, reason: '捐赠图书', sourceKind: 'manual',
      });
      return;
    }
    case 'reverse': {
      const e = pick(ids(db, 'SELECT id FROM points_entries WHERE reverses_id IS NULL ORDER BY id'), c.e);
      if (e) await attempt('volunteer.reverseEntry', { entryId: e, reason: '录错了' });
      return;
    }
    case 'activity': {
      const people = [...new Set(c.vs.map((i) => pick(volunteers, i)!).filter(Boolean))];
      if (!people.length) return;
      const a = await t.activity(earlierThisYear, Object.fromEntries(people.map((p) => [p, c.hours]))).catch(() => undefined);
      if (a) await attempt('volunteer.applyActivity', { activityId: a.id });
      return;
    }
    case 'undoActivity': {
      const a = pick(ids(db, "SELECT source_id FROM points_applications WHERE source_kind = 'activity' AND reversed_at IS NULL ORDER BY id"), c.a);
      if (a) await attempt('volunteer.reverseActivity', { activityId: a, reason: '时长录错' });
    }
  }
}

/** The answers read from the maintained rows, each against the same figure counted or summed from the rows themselves. */
async function expectAnswersFromScratch(t: Fixture, db: Db) {
  for (const scope of [null, t.committee.id, t.branch.id]) {
    const path = scope ? (db.prepare('SELECT path FROM orgs WHERE id = ?').pluck().get(scope) as string) : '';
    const inScope = `org_id IN (SELECT id FROM orgs WHERE substr(path, 1, ${path.length}) = '${path}')`;
    const d = await t.call('volunteer.getDashboard', { orgId: scope });
    const active = count(db, `SELECT COUNT(*) AS n FROM volunteers WHERE active = 1 AND ${inScope}`);
    const residents = count(db, `SELECT COUNT(*) AS n FROM volunteers WHERE active = 1 AND member_id IS NULL AND ${inScope}`);
    expect(d.volunteers).toEqual({ total: active, members: active - residents, residents });
    const unassigned = count(db, `SELECT COUNT(*) AS n FROM members m WHERE m.lifecycle = 'active' AND m.${inScope}
      AND NOT EXISTS (SELECT 1 FROM volunteers x WHERE x.member_id = m.id AND x.post_id IS NOT NULL)`);
    expect(d.unassignedMembers).toBe(unassigned);
    expect((await t.call('volunteer.listAssignments', { orgId: scope, unassignedOnly: true })).total).toBe(unassigned);
    expect(d.linkable).toBe(count(db, 'SELECT COUNT(*) AS n FROM volunteers v JOIN members m ON m.id_number = v.id_number WHERE v.member_id IS NULL'));
    for (const [active, kind, postId] of [[true, null, null], [null, 'resident', 'none'], [false, 'member', null], [true, null, 'none']] as const) {
      const where = [inScope, active === null ? '1' : `active = ${active ? 1 : 0}`, kind ? `member_id IS ${kind === 'member' ? 'NOT ' : ''}NULL` : '1',
        postId ? 'post_id IS NULL' : '1'].join(' AND ');
      expect((await t.call('volunteer.listVolunteers', { orgId: scope, active, kind, postId })).total)
        .toBe(count(db, `SELECT COUNT(*) AS n FROM volunteers WHERE ${where}`));
    }
    for (const quarter of [0, 1]) {
      const ranked = count(db, `SELECT COUNT(*) AS n FROM (SELECT volunteer_id FROM points_entries WHERE year = ? AND (? = 0 OR quarter = ?)
        AND category <> 'redeem' GROUP BY volunteer_id HAVING SUM(amount) <> 0)`, thisYear, quarter, quarter);
      if (!scope) expect((await t.call('volunteer.ranking', { year: thisYear, quarter })).total).toBe(ranked);
      for (const level of ['branch', 'community_committee'] as const) {
        const rows = await t.call('volunteer.unitRanking', { year: thisYear, quarter, level, orgId: scope });
        for (const r of rows) {
          const rpath = db.prepare('SELECT path FROM orgs WHERE id = ?').pluck().get(r.orgId) as string;
          const sum = db.prepare(`SELECT COALESCE(SUM(CASE WHEN category <> 'redeem' THEN amount END), 0) AS earned,
              COALESCE(SUM(hours_tenths), 0) AS hours FROM points_entries
            WHERE year = ? AND (? = 0 OR quarter = ?) AND org_id IN (SELECT id FROM orgs WHERE substr(path, 1, ?) = ?)`)
            .get(thisYear, quarter, quarter, rpath.length, rpath);
          expect({ earned: r.earned, hours: r.hours }).toEqual(sum);
        }
      }
    }
  }
}

describe('the volunteer module’s maintained counts', () => {
  it('equal their recomputation after any sequence of writes, and the answers read from them equal counting the rows', async () => {
    const t = await volunteerFixture();
    const db = t.db();
    const second = await t.call('party.createOrg', { parentId: t.committee.id, level: 'branch', kind: '小区党支部', name: '和平小区党支部', placeId: t.estate.id });
    const units = [t.branch, t.group, second];
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 15 }), async (commands) => {
        for (const c of commands) await run(t, units, db, c);
        const report = await t.call('system.checkData', {});
        const mine = report.totals.filter((x) => MAINTAINED.includes(x.table));
        expect(mine.map((x) => x.table).sort()).toEqual([...MAINTAINED].sort());
        expect(mine.filter((x) => x.differing > 0)).toEqual([]);
        await expectAnswersFromScratch(t, db);
      }),
      { numRuns: 40 },
    );
    // The sequences did reach every kind of state (not all refused).
    const reached = db.prepare(`SELECT (SELECT COUNT(*) FROM points_entries WHERE reverses_id IS NOT NULL) > 0 AS reversals,
      (SELECT COUNT(*) FROM volunteers WHERE post_id IS NOT NULL) > 0 AS posts, (SELECT COUNT(*) FROM members WHERE lifecycle <> 'active') > 0 AS gone,
      (SELECT COUNT(*) FROM points_applications WHERE reversed_at IS NOT NULL) > 0 AS undone, (SELECT COUNT(*) FROM members WHERE org_id = ?) > 0 AS moved,
      (SELECT COUNT(*) FROM volunteers WHERE member_id IS NOT NULL) > 0 AS members`).get(second.id);
    expect(reached).toEqual({ reversals: 1, posts: 1, gone: 1, undone: 1, moved: 1, members: 1 });
  }, 120_000);

  it('answers the dashboard, 只看未认岗 and the branch ranking as before on a fixed scenario', async () => {
    const t = await volunteerFixture();
    const a = await t.resident('周杰');
    const b = await t.resident('吴敏', { orgId: t.branch.id });
    const { member: m1, volunteer: v1 } = await t.memberVolunteer('陈明');
    await t.member('林红');
    await t.call('volunteer.assignPosts', { assignments: [{ person: { volunteerId: v1.id, memberId: null }, postId: t.posts[0]!.id }], on: today });
    await t.award(a.id, 12);
    const wrong = await t.award(b.id, 30);
    await t.call('volunteer.reverseEntry', { entryId: wrong.id, reason: '录错了人' });
    await t.award(v1.id, 5);
    await t.call('party.createMember', {
      name: '周杰', gender: 'female', idNumber: idNumber('130104', '1980-02-03', 101, 'female'), phone: '13812348000',
      joinedOn: '2020-07-01', status: 'full', category: 'community', orgId: t.branch.id,
    });
    const d = await t.call('volunteer.getDashboard', { orgId: null });
    expect(d).toMatchObject({ volunteers: { total: 3, members: 1, residents: 2 }, unassignedMembers: 2, linkable: 1 });
    expect(d.top.map((r) => [r.name, r.earned])).toEqual([['周杰', 120], ['陈明', 50]]);
    expect((await t.call('volunteer.listVolunteers', {})).total).toBe(3);
    expect((await t.call('volunteer.listAssignments', { unassignedOnly: true })).total).toBe(2);
    expect((await t.call('volunteer.ranking', { year: thisYear })).total).toBe(2);
    // 吴敏's 30 points were reversed: the branch keeps 陈明's 5; 周杰's 12 were earned at the community committee.
    const branches = await t.call('volunteer.unitRanking', { year: thisYear, quarter: 0, level: 'branch' });
    expect(branches).toEqual([expect.objectContaining({ rank: 1, orgId: t.branch.id, parentName: '西里社区党委', earned: 50, contribution: 50, base: 0 })]);
    const communities = await t.call('volunteer.unitRanking', { year: thisYear, quarter: 0, level: 'community_committee' });
    expect(communities).toEqual([expect.objectContaining({ rank: 1, orgId: t.committee.id, earned: 170, hours: 0 })]);
    await t.call('party.transferOut', { id: m1.id, on: today, to: '东城街道' });
    expect(await t.call('volunteer.getDashboard', { orgId: null })).toMatchObject({ volunteers: { total: 2, members: 0, residents: 2 }, unassignedMembers: 2 });
  });

  it('are checked and rebuilt by 核对数据 when edited behind the app’s back', async () => {
    const t = await volunteerFixture();
    const a = await t.resident('周杰');
    await t.award(a.id, 12);
    const db = t.db();
    db.prepare('UPDATE volunteer_counts SET n = n + 5').run();
    db.prepare('UPDATE points_unit_totals SET contribution = contribution + 70').run();
    db.prepare('UPDATE volunteer_linkable SET n = 3').run();
    db.prepare('DELETE FROM points_rank_counts').run();
    const report = await t.call('system.checkData', {});
    expect(report.totals.filter((x) => x.differing > 0).map((x) => [x.table, x.differing])).toEqual([
      ['volunteer_counts', 1], ['volunteer_linkable', 1], ['points_unit_totals', 2], ['points_rank_counts', 2],
    ]);
    await t.call('system.repairTotals', {});
    expect(await t.call('system.checkData', {})).toMatchObject({ consistent: true });
    expect(await t.call('volunteer.getDashboard', { orgId: null })).toMatchObject({ volunteers: { total: 1 }, linkable: 0 });
  });
});
