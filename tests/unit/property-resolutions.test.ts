import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { unsucceededTermsEndingBy } from '../../db/property/committees';
import { overdueResolutions } from '../../db/property/resolutions';
import { inMoment, tempDir } from './helpers';
import { propertyFixture, today } from './property-fixture';
import { recorded } from './query-plan';

/** A three-party meeting of 阳光小区 on 2026-11-01 with a resolution overdue by today and one not yet due. */
async function meetingFixture() {
  const t = await propertyFixture();
  const meeting = await t.call('property.createJointMeeting', {
    estateId: t.propertyEstate.placeId, heldOn: '2026-11-01', convener: '西里社区党委 张书记', place: '社区党群服务中心',
    attendees: [
      { party: 'party_org', name: '张书记' }, { party: 'residents_committee', name: '李主任' },
      { party: 'owners_committee', name: '王主任' }, { party: 'property_company', name: '刘经理', title: '项目经理' },
    ],
    topics: ['3号楼楼道堆物', '电梯维保资金使用'],
    minutes: '三方协商，形成两项决议。',
    resolutions: [
      { content: '清理3号楼楼道堆物', responsibleParty: 'property_company', responsiblePerson: '刘经理', dueOn: '2026-11-15' },
      { content: '公示电梯维保资金使用方案', responsibleParty: 'owners_committee', dueOn: '2026-12-31' },
    ],
  });
  const [overdue, later] = meeting.resolutions as [typeof meeting.resolutions[0], typeof meeting.resolutions[0]];
  const auditCount = async () => (await t.call('system.listAudit', {})).total;
  return { ...t, meeting, overdue, later, auditCount };
}

describe('joint-meeting resolutions', () => {
  it('move only open → in_progress → done | dropped; any other step is refused with a reason and nothing written', async () => {
    const { call, attempt, overdue, later, auditCount } = await meetingFixture();
    const refused = async (id: string, to: string, extra: Record<string, unknown> = {}) => {
      const [audits, before] = [await auditCount(), await call('property.getResolution', { id })];
      const env = await attempt('property.moveResolution', { id, to, ...extra });
      expect(env, `${before.resolution.status} → ${to}`).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'RESOLUTION_STEP_NOT_ALLOWED' } });
      expect(await auditCount()).toBe(audits);
      expect(await call('property.getResolution', { id })).toEqual(before);
    };
    await refused(overdue.id, 'done', { doneOn: today() });
    await refused(overdue.id, 'dropped', { reason: '不再需要' });
    await call('property.moveResolution', { id: overdue.id, to: 'in_progress' });
    await refused(overdue.id, 'open');
    const done = await call('property.moveResolution', { id: overdue.id, to: 'done', doneOn: today() });
    expect(done.resolution).toMatchObject({ status: 'done', doneOn: today() });
    expect(done.overdue).toBe(false);
    await refused(overdue.id, 'in_progress');
    await call('property.moveResolution', { id: later.id, to: 'in_progress' });
    expect(await attempt('property.moveResolution', { id: later.id, to: 'dropped' })).toMatchObject({ ok: false, error: { fields: [{ path: 'reason', message: '请填写撤销原因' }] } });
    const dropped = await call('property.moveResolution', { id: later.id, to: 'dropped', reason: '业主大会另行表决' });
    expect(dropped.resolution).toMatchObject({ status: 'dropped', droppedReason: '业主大会另行表决', doneOn: null });
    await refused(later.id, 'done', { doneOn: today() });
  });

  it('keep every extension with its old deadline, and notice and rate done ones only', async () => {
    const { call, attempt, overdue } = await meetingFixture();
    expect(await attempt('property.noticeResolution', { id: overdue.id, noticedOn: today() })).toMatchObject({ ok: false, error: { reason: 'RESOLUTION_NOT_DONE' } });
    await call('property.extendResolution', { id: overdue.id, newDueOn: '2026-11-30', reason: '等待业主配合' });
    const twice = await call('property.extendResolution', { id: overdue.id, newDueOn: '2026-12-20', reason: '施工队排期' });
    expect(twice.extensions.map((x) => [x.oldDueOn, x.newDueOn, x.reason])).toEqual([
      ['2026-11-15', '2026-11-30', '等待业主配合'], ['2026-11-30', '2026-12-20', '施工队排期'],
    ]);
    expect(twice.overdue).toBe(false);
    expect(await attempt('property.extendResolution', { id: overdue.id, newDueOn: '2026-12-01', reason: '再议' })).toMatchObject({ ok: false, error: { fields: [{ path: 'newDueOn' }] } });
    await call('property.moveResolution', { id: overdue.id, to: 'in_progress' });
    await call('property.moveResolution', { id: overdue.id, to: 'done', doneOn: '2026-12-01' });
    expect(await attempt('property.noticeResolution', { id: overdue.id, noticedOn: '2026-11-30' })).toMatchObject({ ok: false, error: { fields: [{ path: 'noticedOn' }] } });
    await call('property.noticeResolution', { id: overdue.id, noticedOn: today() });
    const rated = await call('property.rateResolution', { id: overdue.id, rating: 'mostly_satisfied' });
    expect(rated.resolution).toMatchObject({ noticedOn: today(), rating: 'mostly_satisfied', extensions: 2 });
  });

  it('keep history when the meeting is edited or deleted', async () => {
    const { call, attempt, meeting, overdue, later } = await meetingFixture();
    await call('property.moveResolution', { id: overdue.id, to: 'in_progress' });
    const { id, estateName: _n, resolutions, createdAt: _c, updatedAt: _u, operator: _o, ...fields } = meeting;
    const keep = resolutions.map(({ id: rid, content, responsibleParty, responsiblePerson, dueOn }) => ({ id: rid, content, responsibleParty, responsiblePerson, dueOn }));
    expect(await attempt('property.updateJointMeeting', { id, meeting: { ...fields, resolutions: [keep[1]!] } })).toMatchObject({ ok: false, error: { reason: 'RESOLUTION_HAS_HISTORY' } });
    expect(await attempt('property.updateJointMeeting', { id, meeting: { ...fields, resolutions: [{ ...keep[0]!, dueOn: '2026-12-30' }, keep[1]!] } }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'resolutions.0.dueOn' }] } });
    const edited = await call('property.updateJointMeeting', { id, meeting: { ...fields, resolutions: [{ ...keep[0]!, content: '清理3号楼、5号楼楼道堆物' }] } });
    expect(edited.resolutions.map((r) => [r.id, r.status, r.content])).toEqual([[overdue.id, 'in_progress', '清理3号楼、5号楼楼道堆物']]);
    expect(await attempt('property.getResolution', { id: later.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await attempt('property.deleteJointMeeting', { id })).toMatchObject({ ok: false, error: { reason: 'MEETING_HAS_RESOLUTION_HISTORY' } });
  });

  it('lists the overdue ones across the street, or in one community', async () => {
    const { call, overdue, later, community } = await meetingFixture();
    const east = await call('party.createPlace', { kind: 'community', name: '东湖社区' });
    const lake = await call('party.createPlace', { kind: 'estate', parentId: east.id, name: '湖景小区' });
    await call('property.createEstate', { placeId: lake.id, management: 'self' });
    const m = await call('property.createJointMeeting', {
      estateId: lake.id, heldOn: '2026-10-10', convener: '东湖社区党委', attendees: [], topics: ['停车'],
      resolutions: [{ content: '划定临时停车位', responsibleParty: 'residents_committee', dueOn: '2026-10-31' }],
    });
    const all = await call('property.listOverdueResolutions', {});
    expect(all.rows.map((r) => [r.estateName, r.dueOn])).toEqual([['湖景小区', '2026-10-31'], ['阳光小区', '2026-11-15']]);
    expect(all.total).toBe(2);
    expect((await call('property.listOverdueResolutions', { communityId: community.id })).rows.map((r) => r.id)).toEqual([overdue.id]);
    await call('property.moveResolution', { id: m.resolutions[0]!.id, to: 'in_progress' });
    await call('property.moveResolution', { id: m.resolutions[0]!.id, to: 'done', doneOn: today() });
    expect((await call('property.listOverdueResolutions', {})).rows.map((r) => r.id)).toEqual([overdue.id]);
    expect(later.dueOn > today()).toBe(true);
  });
});

describe('the lists across the street', () => {
  it('read their rows from indexes, not table scans', async () => {
    const db = await inMoment(() => openDatabase(path.join(tempDir(), 'x.sqlite')));
    const overdue = recorded(db);
    overdueResolutions(overdue.spy, { today: '2026-12-02', communityId: null, offset: 0, limit: 100 });
    expect(overdue.plan(0)).toMatch(/SEARCH r USING INDEX joint_resolutions_unfinished \(due_on<\?\)/);
    expect(overdue.plan(0)).not.toMatch(/SCAN r\b/);
    const ending = recorded(db);
    unsucceededTermsEndingBy(ending.spy, '2027-07-02', null);
    expect(ending.plan(0)).toMatch(/SEARCH t USING INDEX committee_terms_ends \(ends_on<\?\)/);
    db.close();
  });
});
