import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkData, repairTotals } from '../../db/integrity-registry';
import { latestVersion } from '../../db/migrate';
import { migrations } from '../../db/migrations';
import { orgQuarterMeetings } from '../../db/migrations/045_org_quarter_meetings';
import { complianceCounts, compliancePage } from '../../db/party/compliance';
import { ORG_QUARTER_MEETINGS } from '../../db/party/meeting-counts';
import { dissolveOrg, moveOrg } from '../../db/party/orgs';
import { compareTotals, rebuildAll } from '../../db/reconcile';
import type { Db } from '../../db/open';
import { complianceQuery } from '../../main/api/party/compliance';
import { inMoment } from './helpers';
import { recorded } from './query-plan';
import { AT, fileAt, rows, upgrade } from './upgrade-fixture';

/**
 * org_quarter_meetings (migration 045) after any sequence of meetings written, edited and deleted and of units
 * moved to another parent, dissolved and restored equals its recomputation from the monthly counts, and the
 * compliance view and the dashboard's figures read from it equal what a table rebuilt from scratch gives.
 */

const types = ['general', 'committee', 'group', 'lecture', 'theme_day'] as const;
const days = ['2026-06-30', '2026-07-01', '2026-09-30', '2026-10-01', '2026-10-31', '2026-11-15', '2026-12-31', '2027-01-01'];
const units = ['c1', 'b1', 'b2', 'b3', 'g1', 'g2', 'g3', 'g4'];
const branches = ['b1', 'b2', 'b3'];
const groups = ['g1', 'g2', 'g3', 'g4'];

/** A community of three branches, four groups among them; a second community to move a branch to. */
function tree(db: Db) {
  const org = db.prepare(`INSERT INTO orgs (id, parent_id, level, kind, name, name_pinyin, path, created_at, updated_at, operator)
    VALUES (?, ?, ?, '党组织', ?, ?, ?, ?, ?, '王芳')`);
  org.run('c1', null, 'community_committee', '阳光社区党委', 'yang guang', '/c1/', AT, AT);
  org.run('c2', null, 'community_committee', '和平社区党委', 'he ping', '/c2/', AT, AT);
  org.run('b1', 'c1', 'branch', '第一党支部', 'di yi', '/c1/b1/', AT, AT);
  org.run('b2', 'c1', 'branch', '第二党支部', 'di er', '/c1/b2/', AT, AT);
  org.run('b3', 'c1', 'branch', '第三党支部', 'di san', '/c1/b3/', AT, AT);
  org.run('g1', 'b1', 'group', '1号楼党小组', 'yi hao', '/c1/b1/g1/', AT, AT);
  org.run('g2', 'b1', 'group', '2号楼党小组', 'er hao', '/c1/b1/g2/', AT, AT);
  org.run('g3', 'b2', 'group', '3号楼党小组', 'san hao', '/c1/b2/g3/', AT, AT);
  org.run('g4', 'b2', 'group', '4号楼党小组', 'si hao', '/c1/b2/g4/', AT, AT);
}

const meeting = (db: Db, id: string, orgId: string, type: string, heldOn: string) =>
  db.prepare(`INSERT INTO meetings (id, org_id, type, held_on, topic, created_at, updated_at, operator)
    VALUES (?, ?, ?, ?, '学习', ?, ?, '王芳')`).run(id, orgId, type, heldOn, AT, AT);

// Meetings are written more often than units change, so that a move has months to carry.
const op = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('insert' as const), org: fc.constantFrom(...units), type: fc.constantFrom(...types), day: fc.constantFrom(...days) }), weight: 4 },
  fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), org: fc.constantFrom(...units), type: fc.constantFrom(...types), day: fc.constantFrom(...days) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('moveGroup' as const), group: fc.constantFrom(...groups), to: fc.constantFrom(...branches) }),
  fc.record({ kind: fc.constant('moveBranch' as const), branch: fc.constantFrom(...branches), to: fc.constantFrom('c1', 'c2') }),
  fc.record({ kind: fc.constant('status' as const), org: fc.constantFrom(...units), active: fc.boolean() }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

function apply(db: Db, o: Op, seq: () => number) {
  const ids = db.prepare('SELECT id FROM meetings ORDER BY id').pluck().all() as string[];
  const path = (id: string) => db.prepare('SELECT path FROM orgs WHERE id = ?').pluck().get(id) as string;
  const move = (id: string, to: string) => inMoment(() => moveOrg(db, id, path(id), to, path(to), '王芳'));
  if (o.kind === 'insert') meeting(db, `m${seq()}`, o.org, o.type, o.day);
  else if (o.kind === 'edit' && ids.length) {
    db.prepare('UPDATE meetings SET org_id = ?, type = ?, held_on = ? WHERE id = ?').run(o.org, o.type, o.day, ids[o.pick % ids.length]);
  } else if (o.kind === 'delete' && ids.length) db.prepare('DELETE FROM meetings WHERE id = ?').run(ids[o.pick % ids.length]);
  else if (o.kind === 'moveGroup') move(o.group, o.to);
  else if (o.kind === 'moveBranch') move(o.branch, o.to);
  else if (o.kind === 'status' && !o.active) inMoment(() => dissolveOrg(db, o.org, '2026-11-01', '王芳'));
  // Restored behind the app's back (the API has no undo): the triggers follow any writer.
  else if (o.kind === 'status') db.prepare(`UPDATE orgs SET status = 'active', dissolved_on = NULL WHERE id = ?`).run(o.org);
}

/** What the view and the dashboard read for every quarter the days touch, scoped to everything and to each community. */
function figures(db: Db, today: string) {
  return [[2026, 2], [2026, 3], [2026, 4], [2027, 1]].flatMap(([year, quarter]) =>
    [null, '/c1/', '/c2/'].map((scope) => {
      const q = complianceQuery(year!, quarter!, scope, today);
      return { counts: complianceCounts(db, q), page: compliancePage(db, q, { onlyBehind: false, order: 'behind', offset: 0, limit: 50 }) };
    }));
}

describe('held meetings per unit, quarter and type (org_quarter_meetings)', () => {
  it('equal their recomputation, and give the view what a rebuilt table gives, after any writes, moves and dissolutions (fast-check)', () => {
    const db = fileAt(latestVersion());
    tree(db);
    let n = 0;
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), fc.constantFrom('2026-11-15', '2026-12-31', '2027-02-01'), (ops, today) => {
        db.exec('SAVEPOINT run');
        try {
          for (const o of ops) apply(db, o, () => ++n);
          const { differing, rows: differences } = compareTotals(db, ORG_QUARTER_MEETINGS, 5);
          expect(differences).toEqual([]);
          expect(differing).toBe(0);
          const kept = figures(db, today);
          rebuildAll(db, ORG_QUARTER_MEETINGS);
          expect(kept).toEqual(figures(db, today));
        } finally {
          db.exec('ROLLBACK TO run; RELEASE run');
        }
      }),
      { numRuns: 80 },
    );
    db.close();
  });

  it('is read by one primary-key seek per branch and rule, the groups counted on an index', () => {
    const db = fileAt(latestVersion());
    const { spy, plan } = recorded(db);
    complianceCounts(spy as Db, complianceQuery(2026, 4, null, '2026-12-31'));
    const p = plan(0);
    expect(p).toMatch(/SEARCH k0 USING PRIMARY KEY \(quarter=\? AND org_id=\? AND type=\?\)/);
    expect(p).toMatch(/SEARCH g USING COVERING INDEX orgs_parent_status \(parent_id=\? AND status=\?\)/);
    expect(p).not.toMatch(/SCAN (k\d|org_quarter_meetings|org_meeting_months)\b/);
    db.close();
  });

  it('is checked and rebuilt by 核对数据', () => {
    const db = fileAt(latestVersion());
    tree(db);
    meeting(db, 'm1', 'g1', 'group', '2026-11-15');
    meeting(db, 'm2', 'b1', 'committee', '2026-10-01');
    expect(checkData(db).consistent).toBe(true);
    db.prepare(`UPDATE org_quarter_meetings SET c2 = c2 + 1 WHERE org_id = 'b1' AND type = 'group'`).run();
    const report = checkData(db).totals.find((t) => t.table === 'org_quarter_meetings')!;
    expect(report).toMatchObject({ label: '各支部每季度会议次数', differing: 1 });
    expect(report.rows[0]).toMatchObject({
      key: [{ label: '季度', value: '2026-Q4' }, { label: '组织', value: 'b1', name: '第一党支部' }, { label: '会议类型', value: 'group' }],
      cached: expect.objectContaining({ c2: 2, cn2: 1 }),
      recomputed: expect.objectContaining({ c2: 1, cn2: 1 }),
    });
    expect(repairTotals(db).find((t) => t.table === 'org_quarter_meetings')).toMatchObject({ rebuilt: 1 });
    expect(checkData(db).consistent).toBe(true);
    db.close();
  });
});

describe('upgrading to 045', () => {
  it('counts the monthly counts a file holds by quarter, its own and its active children’s; run again, nothing changes', () => {
    const previous = migrations[migrations.indexOf(orgQuarterMeetings) - 1]!.version;
    const db = fileAt(previous);
    tree(db);
    meeting(db, 'm1', 'b1', 'committee', '2026-10-01');
    meeting(db, 'm2', 'b1', 'committee', '2026-12-31');
    meeting(db, 'm3', 'g1', 'group', '2026-11-15');
    meeting(db, 'm4', 'g2', 'group', '2026-11-20');
    meeting(db, 'm5', 'g2', 'group', '2026-11-21');
    meeting(db, 'm6', 'g3', 'group', '2026-09-30');
    db.prepare(`UPDATE orgs SET status = 'dissolved' WHERE id = 'g3'`).run();
    const months = rows(db, 'org_meeting_months');
    upgrade(db, orgQuarterMeetings.version);
    const after = rows(db, 'org_quarter_meetings');
    const zero = { n1: 0, n2: 0, n3: 0, c1: 0, c2: 0, c3: 0, cn1: 0, cn2: 0, cn3: 0 };
    expect(after).toEqual(expect.arrayContaining([
      { ...zero, quarter: '2026-Q4', org_id: 'b1', type: 'committee', n1: 1, n3: 1 },
      { ...zero, quarter: '2026-Q4', org_id: 'b1', type: 'group', c2: 2, cn2: 3 },
      { ...zero, quarter: '2026-Q4', org_id: 'g2', type: 'group', n2: 2 },
      // Every unit's children count under it, whatever its level: the branch's committee under its community.
      { ...zero, quarter: '2026-Q4', org_id: 'c1', type: 'committee', c1: 1, cn1: 1, c3: 1, cn3: 1 },
      // A dissolved group's meetings are its own, no longer its branch's.
      { ...zero, quarter: '2026-Q3', org_id: 'g3', type: 'group', n3: 1 },
    ]));
    expect(after).toHaveLength(6);
    expect(rows(db, 'org_meeting_months')).toEqual(months);
    orgQuarterMeetings.up(db);
    expect(rows(db, 'org_quarter_meetings')).toEqual(after);
    db.close();
  });
});
