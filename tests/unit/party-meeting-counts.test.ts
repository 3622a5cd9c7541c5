import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations';
import { meetingMonthCounts } from '../../db/migrations/037_meeting_month_counts';
import { ORG_MEETING_MONTHS } from '../../db/party/meeting-counts';
import { compareTotals } from '../../db/reconcile';
import type { Db } from '../../db/open';
import { AT, fileAt, rows, upgrade } from './upgrade-fixture';

const units = ['b1', 'b2', 'g1', 'g2'];
const types = ['general', 'committee', 'group', 'lecture', 'theme_day'] as const;
const days = ['2026-09-30', '2026-10-01', '2026-10-31', '2026-11-15', '2026-12-31', '2027-01-01'];

function unitsIn(db: Db) {
  const org = db.prepare(`INSERT INTO orgs (id, parent_id, level, kind, name, name_pinyin, path, created_at, updated_at, operator)
    VALUES (?, ?, ?, '小区党支部', ?, ?, ?, ?, ?, '王芳')`);
  org.run('b1', null, 'branch', '阳光小区党支部', 'yang guang', '/b1/', AT, AT);
  org.run('b2', null, 'branch', '和平小区党支部', 'he ping', '/b2/', AT, AT);
  org.run('g1', 'b1', 'group', '1号楼党小组', 'yi hao lou', '/b1/g1/', AT, AT);
  org.run('g2', 'b1', 'group', '2号楼党小组', 'er hao lou', '/b1/g2/', AT, AT);
}

const meeting = (db: Db, id: string, orgId: string, type: string, heldOn: string) =>
  db.prepare(`INSERT INTO meetings (id, org_id, type, held_on, topic, created_at, updated_at, operator)
    VALUES (?, ?, ?, ?, '学习', ?, ?, '王芳')`).run(id, orgId, type, heldOn, AT, AT);

const op = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), org: fc.constantFrom(...units), type: fc.constantFrom(...types), day: fc.constantFrom(...days) }),
  fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), org: fc.constantFrom(...units), type: fc.constantFrom(...types), day: fc.constantFrom(...days) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  // Units moved and dissolved: the counts are keyed by the meeting's own unit, so these must change nothing.
  fc.record({ kind: fc.constant('move' as const), to: fc.constantFrom('b1', 'b2') }),
  fc.record({ kind: fc.constant('dissolve' as const), org: fc.constantFrom(...units) }),
);

describe('held meetings per unit, type and month (org_meeting_months)', () => {
  it('equal their recomputation from the meetings after any sequence of records written, edited, deleted and units moved', () => {
    const db = fileAt(meetingMonthCounts.version);
    unitsIn(db);
    let seq = 0;
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        db.exec('SAVEPOINT run');
        for (const o of ops) {
          const ids = db.prepare('SELECT id FROM meetings ORDER BY id').pluck().all() as string[];
          if (o.kind === 'insert') meeting(db, `m${++seq}`, o.org, o.type, o.day);
          else if (o.kind === 'edit' && ids.length) {
            db.prepare('UPDATE meetings SET org_id = ?, type = ?, held_on = ? WHERE id = ?').run(o.org, o.type, o.day, ids[o.pick % ids.length]);
          } else if (o.kind === 'delete' && ids.length) db.prepare('DELETE FROM meetings WHERE id = ?').run(ids[o.pick % ids.length]);
          else if (o.kind === 'move') db.prepare(`UPDATE orgs SET parent_id = ?, path = ? WHERE id = 'g2'`).run(o.to, `/${o.to}/g2/`);
          else if (o.kind === 'dissolve') db.prepare(`UPDATE orgs SET status = 'dissolved' WHERE id = ?`).run(o.org);
        }
        const { differing } = compareTotals(db, ORG_MEETING_MONTHS, 5);
        db.exec('ROLLBACK TO run; RELEASE run');
        expect(differing).toBe(0);
      }),
      { numRuns: 60 },
    );
    db.close();
  });

  it('037 counts the meetings a file already holds by unit, type and month; run again, nothing changes', () => {
    const previous = migrations[migrations.indexOf(meetingMonthCounts) - 1]!.version;
    const db = fileAt(previous);
    unitsIn(db);
    meeting(db, 'm1', 'b1', 'general', '2026-10-01');
    meeting(db, 'm2', 'b1', 'general', '2026-10-31');
    meeting(db, 'm3', 'b1', 'committee', '2026-11-15');
    meeting(db, 'm4', 'g1', 'group', '2026-11-15');
    upgrade(db, meetingMonthCounts.version);
    const after = rows(db, 'org_meeting_months');
    expect(after).toEqual(
      expect.arrayContaining([
        { org_id: 'b1', type: 'general', month: '2026-10', n: 2 },
        { org_id: 'b1', type: 'committee', month: '2026-11', n: 1 },
        { org_id: 'g1', type: 'group', month: '2026-11', n: 1 },
      ]),
    );
    expect(after).toHaveLength(3);
    meetingMonthCounts.up(db);
    expect(rows(db, 'org_meeting_months')).toEqual(after);
    // A later record is counted by the triggers, an edit moves it, a deletion takes it away.
    meeting(db, 'm5', 'b1', 'lecture', '2026-12-01');
    db.prepare(`UPDATE meetings SET held_on = '2026-11-02' WHERE id = 'm1'`).run();
    db.prepare(`DELETE FROM meetings WHERE id = 'm3'`).run();
    expect(compareTotals(db, ORG_MEETING_MONTHS, 5).differing).toBe(0);
    db.close();
  });
});
