import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openFile, type Db } from '../../db/open';
import { insertMeeting, listMeetings, type AttendanceStatus, type MeetingFilter, type MeetingType } from '../../db/party/meetings';
import { getRequest, insertRequest, listRequests, type RequestFilter } from '../../db/requests/requests';
import { DB_FILE_NAME } from '../../main/core';
import { inMoment } from './helpers';
import { requestsFixture } from './requests-fixture';

/**
 * 诉求台账 and 三会一课 are fetched a page at a time wherever the window is (VirtualTable): for any data, every filter
 * and any page size, the pages one after another are the whole list in its order — none twice, none missed, ties on
 * a day kept in id order — and each row is the row the list would name.
 */

/** Every page of a list, `size` rows each, in turn; and the total each page said. */
function allPages<R>(size: number, page: (offset: number, limit: number) => { rows: R[]; total: number }): { rows: R[]; totals: Set<number> } {
  const rows: R[] = [];
  const totals = new Set<number>();
  for (let offset = 0; ; offset += size) {
    const p = page(offset, size);
    rows.push(...p.rows);
    totals.add(p.total);
    if (p.rows.length < size) return { rows, totals };
  }
}

const DAYS = ['2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02'];
const desc = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

const requestData = fc.array(
  fc.record({
    day: fc.constantFrom(...DAYS),
    kind: fc.constantFrom('reported', 'sorted', 'assigned', 'street'),
    category: fc.constantFrom('facilities', 'environment'),
    inGrid: fc.boolean(),
    due: fc.constantFrom(...DAYS),
  }),
  { maxLength: 40 },
);

type RequestData = ReturnType<typeof requestData.generate>['value'];
type Stored = { id: string; reportedOn: string; state: string; category: string | null; gridId: string | null; dueOn: string | null; handlerKind: string | null };

describe('诉求台账 pages', () => {
  it('concatenated equal the whole filtered list in its order, for any data, filter and page size (fast-check)', async () => {
    const t = await requestsFixture();
    const grid = await t.grid();
    const db = openFile(path.join(t.dir, DB_FILE_NAME));
    const filters: (Partial<RequestFilter> & { name: string; keep: (r: Stored) => boolean })[] = [
      { name: 'all', keep: () => true },
      ...['reported', 'sorted', 'assigned'].map((state) => ({ name: state, state: state as RequestFilter['state'], keep: (r: Stored) => r.state === state })),
      { name: 'category', category: 'facilities', keep: (r) => r.category === 'facilities' },
      { name: 'grid', gridId: grid.id, keep: (r) => r.gridId === grid.id },
      { name: 'community', communityId: t.community.id, keep: () => true },
      { name: 'day', reportedOn: DAYS[2], keep: (r) => r.reportedOn === DAYS[2] },
      { name: 'state+category+grid', state: 'assigned', category: 'environment', gridId: grid.id, keep: (r) => r.state === 'assigned' && r.category === 'environment' && r.gridId === grid.id },
      { name: 'overdue', watch: { list: 'overdue', day: DAYS[2]! }, keep: (r) => r.state === 'assigned' && r.dueOn! < DAYS[2]! },
      { name: 'dueToday', watch: { list: 'dueToday', day: DAYS[2]! }, keep: (r) => r.state === 'assigned' && r.dueOn === DAYS[2] },
      { name: 'escalated', watch: { list: 'escalated', day: DAYS[2]! }, keep: (r) => r.state === 'assigned' && r.handlerKind === 'street' },
    ];
    await fc.assert(
      fc.property(requestData, fc.integer({ min: 1, max: 7 }), (data, size) => {
        // Each run's requests are rolled back after it: the history of a request cannot be deleted.
        db.exec('BEGIN');
        inMoment(() => fill(db, data, grid.id, t.building.id));
        const stored = db.prepare(`SELECT id, reported_on AS reportedOn, state, category, grid_id AS gridId, due_on AS dueOn,
          handler_kind AS handlerKind FROM requests`).all() as Stored[];
        for (const { name, keep, ...f } of filters) {
          const filter: RequestFilter = { state: null, category: null, gridId: null, watch: null, offset: 0, limit: 0, ...f };
          const want = stored.filter(keep).sort((a, b) =>
            filter.watch ? desc(b.dueOn!, a.dueOn!) || desc(b.id, a.id) : desc(a.reportedOn, b.reportedOn) || desc(a.id, b.id));
          const got = allPages(size, (offset, limit) => listRequests(db, { ...filter, offset, limit }));
          expect(got.rows.map((r) => r.id), name).toEqual(want.map((r) => r.id));
          expect(got.rows, `${name}: each row named as on its own`).toEqual(want.map((r) => getRequest(db, r.id)));
          expect([...got.totals], name).toEqual([want.length]);
        }
        db.exec('ROLLBACK');
      }),
      { numRuns: 25 },
    );
    db.close();
  });
});

/** Writes `data` as requests: in the grid or not, parked 待梳理, 待交办 or 办理中 (by the community or the street). */
function fill(db: Db, data: RequestData, gridId: string, placeId: string) {
  for (const d of data) {
    const id = insertRequest(db, {
      reportedOn: d.day, source: 'visit', anonymous: true, reporterName: null, reporterPhone: null, placeId, gridId: d.inGrid ? gridId : null, content: '楼道灯不亮',
    }, 'test');
    if (d.kind === 'reported') continue;
    const handled = d.kind === 'assigned' || d.kind === 'street';
    db.prepare('UPDATE requests SET state = ?, category = ?, handler_kind = ?, handler_name = ?, due_on = ? WHERE id = ?')
      .run(handled ? 'assigned' : 'sorted', d.category, handled ? (d.kind === 'street' ? 'street' : 'community') : null, handled ? '西里社区' : null, handled ? d.due : null, id);
  }
}

const meetingData = fc.array(
  fc.record({
    day: fc.constantFrom(...DAYS),
    type: fc.constantFrom<MeetingType>('general', 'committee', 'group', 'lecture'),
    unit: fc.constantFrom('committee', 'branch', 'group'),
    attendance: fc.array(fc.constantFrom<AttendanceStatus>('present', 'absent', 'leave'), { maxLength: 4 }),
  }),
  { maxLength: 30 },
);

describe('三会一课 pages', () => {
  it('concatenated equal the whole filtered list in its order, with each meeting’s counts, for any data and page size (fast-check)', async () => {
    const t = await requestsFixture();
    const db = openFile(path.join(t.dir, DB_FILE_NAME));
    const units = { committee: t.committee, branch: t.branch, group: t.group };
    const pathOf = (id: string) => (db.prepare('SELECT path FROM orgs WHERE id = ?').get(id) as { path: string }).path;
    type Made = { id: string; heldOn: string; type: MeetingType; path: string; attendance: AttendanceStatus[] };
    const filters: (Partial<MeetingFilter> & { name: string; keep: (m: Made) => boolean })[] = [
      { name: 'all', keep: () => true },
      ...Object.entries(units).map(([name, o]) => ({ name, orgPath: pathOf(o.id), keep: (m: Made) => m.path.startsWith(pathOf(o.id)) })),
      { name: 'type', type: 'group', keep: (m) => m.type === 'group' },
      { name: 'from..to', from: DAYS[1], to: DAYS[3], keep: (m) => m.heldOn >= DAYS[1]! && m.heldOn <= DAYS[3]! },
      { name: 'branch+type+from', orgPath: pathOf(t.branch.id), type: 'committee', from: DAYS[2], keep: (m) => m.path.startsWith(pathOf(t.branch.id)) && m.type === 'committee' && m.heldOn >= DAYS[2]! },
    ];
    await fc.assert(
      fc.property(meetingData, fc.integer({ min: 1, max: 7 }), (data, size) => {
        db.prepare('DELETE FROM meetings').run();
        const made: Made[] = inMoment(() => data.map((d) => {
          const orgId = units[d.unit as keyof typeof units].id;
          const id = insertMeeting(db, {
            orgId, type: d.type, heldOn: d.day, startTime: null, topic: '学习', place: null, host: null, recorder: null, minutes: null,
            attendance: d.attendance.map((status, i) => ({ memberId: null, name: `党员${i}`, status, reason: status === 'leave' ? '出差' : null })),
            resolutions: [],
          }, 'test');
          return { id, heldOn: d.day, type: d.type, path: pathOf(orgId), attendance: d.attendance };
        }));
        for (const { name, keep, ...f } of filters) {
          const filter: MeetingFilter = { orgPath: null, type: null, from: null, to: null, offset: 0, limit: 0, ...f };
          const want = made.filter(keep).sort((a, b) => desc(a.heldOn, b.heldOn) || desc(a.id, b.id));
          const got = allPages(size, (offset, limit) => listMeetings(db, { ...filter, offset, limit }));
          expect(got.rows.map((m) => m.id), name).toEqual(want.map((m) => m.id));
          const count = (m: Made, s: AttendanceStatus) => m.attendance.filter((a) => a === s).length;
          expect(got.rows.map((m) => [m.present, m.absent, m.leave]), name).toEqual(want.map((m) => [count(m, 'present'), count(m, 'absent'), count(m, 'leave')]));
          expect([...got.totals], name).toEqual([want.length]);
        }
      }),
      { numRuns: 25 },
    );
    db.close();
  });
});
