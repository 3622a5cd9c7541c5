import { describe, expect, it } from 'vitest';
import { pointsForHours } from '../../db/volunteer/rules';
import { earlierThisYear, lastYear, thisYear, today, volunteerFixture } from './volunteer-fixture';

const points = (entries: { amount: number }[]) => entries.map((e) => e.amount);

describe('points rules', () => {
  it('credits points per served hour and caps the hours of one activity', () => {
    expect(pointsForHours({ pointsPerHour: 10, maxHoursPerActivity: null }, 25)).toEqual({ credited: 25, points: 25 });
    expect(pointsForHours({ pointsPerHour: 10, maxHoursPerActivity: 20 }, 35)).toEqual({ credited: 20, points: 20 });
    expect(pointsForHours({ pointsPerHour: 15, maxHoursPerActivity: null }, 15)).toEqual({ credited: 15, points: 23 });
  });

  it('writes one service entry per present participant under the rule of the activity date, with the cap', async () => {
    const { call, resident, branch } = await volunteerFixture();
    const a = await resident('张秀英');
    const b = await resident('李桂兰');
    await call('volunteer.addRule', { effectiveFrom: lastYear('01-01'), pointsPerHour: 20, maxHoursPerActivity: 20, meetingBasePoints: 10, expiry: 'rollover' });
    const act = await call('volunteer.createActivity', { title: '敬老院陪护', onDate: earlierThisYear, organiserOrgId: branch.id });
    await call('volunteer.signUp', { activityId: act.id, people: [{ volunteerId: a.id }] });
    // b walks in; a serves 3.5 hours (capped to 2), b 1.5.
    await call('volunteer.recordHours', {
      activityId: act.id, recorderOrgId: act.organiserOrgId,
      rows: [{ person: { volunteerId: a.id }, attendance: 'present', hours: 35 }, { person: { volunteerId: b.id }, attendance: 'present', hours: 15 }],
    });
    const applied = await call('volunteer.applyActivity', { activityId: act.id });
    expect(applied).toEqual({ entries: 2, points: 70, ruleVersion: 2 });
    const ledger = await call('volunteer.listEntries', { sourceKind: 'activity' });
    const byName = Object.fromEntries(ledger.rows.map((r) => [r.name, r]));
    expect(byName['张秀英']).toMatchObject({ amount: 40, hours: 35, category: 'service', ruleVersion: 2 });
    expect(byName['张秀英']!.reason).toContain('按规则计 2 小时');
    expect(byName['李桂兰']).toMatchObject({ amount: 30, hours: 15 });
    const detail = await call('volunteer.getActivity', { id: act.id });
    expect(detail.participants.find((p) => p.volunteerId === b.id)).toMatchObject({ walkIn: true, signedUp: false });
  });

  it('applies an activity once: a second application is refused and writes nothing', async () => {
    const { call, attempt, resident, activity } = await volunteerFixture();
    const a = await resident('王淑珍');
    const act = await activity(earlierThisYear, { [a.id]: 2 });
    await call('volunteer.applyActivity', { activityId: act.id });
    const again = await attempt('volunteer.applyActivity', { activityId: act.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'ALREADY_APPLIED' } });
    expect((await call('volunteer.listEntries', {})).total).toBe(1);
    // The record is closed: hours cannot change under entries already written.
    const edit = await attempt('volunteer.recordHours', { activityId: act.id, recorderOrgId: act.organiserOrgId, rows: [{ person: { volunteerId: a.id }, attendance: 'present', hours: 50 }] });
    expect(edit).toMatchObject({ ok: false, error: { reason: 'ACTIVITY_CREDITED' } });
  });

  it('does not rewrite history when a rule changes; each activity keeps the rule of its date', async () => {
    const { call, resident, activity } = await volunteerFixture();
    const a = await resident('刘建华');
    const old = await activity(lastYear('06-01'), { [a.id]: 3 }, '去年的义诊');
    await call('volunteer.applyActivity', { activityId: old.id });
    await call('volunteer.addRule', { effectiveFrom: `${thisYear}-01-01`, pointsPerHour: 30, maxHoursPerActivity: null, meetingBasePoints: 20, expiry: 'rollover' });
    const before = await call('volunteer.listEntries', {});
    expect(points(before.rows)).toEqual([30]);
    const recent = await activity(earlierThisYear, { [a.id]: 3 }, '今年的义诊');
    await call('volunteer.applyActivity', { activityId: recent.id });
    // Last year's activity applied only now still takes last year's rule (version 1).
    const late = await activity(lastYear('07-01'), { [a.id]: 3 }, '去年补录的活动');
    expect(await call('volunteer.applyActivity', { activityId: late.id })).toMatchObject({ ruleVersion: 1, points: 30 });
    const after = await call('volunteer.listEntries', {});
    expect(after.rows.map((r) => [r.sourceTitle, r.amount, r.ruleVersion])).toEqual([
      ['今年的义诊', 90, 2], ['去年补录的活动', 30, 1], ['去年的义诊', 30, 1],
    ]);
  });

  it('refuses a new rule dated before the one in force', async () => {
    const { call, attempt } = await volunteerFixture();
    await call('volunteer.addRule', { effectiveFrom: `${thisYear}-01-01`, pointsPerHour: 10, maxHoursPerActivity: 20, meetingBasePoints: 10, expiry: 'yearly' });
    const env = await attempt('volunteer.addRule', { effectiveFrom: lastYear('01-01'), pointsPerHour: 10, maxHoursPerActivity: null, meetingBasePoints: 10, expiry: 'rollover' });
    expect(env).toMatchObject({ ok: false, error: { fields: [{ path: 'effectiveFrom' }] } });
    expect((await call('volunteer.listRules', {})).map((r) => r.version)).toEqual([2, 1]);
  });

  it('counts only this year under yearly expiry, and every year under roll-over — nothing is deleted', async () => {
    const { call, resident, award, balance } = await volunteerFixture();
    const a = await resident('陈丽');
    await award(a.id, 8, lastYear('05-01'));
    await award(a.id, 5, earlierThisYear);
    expect(await balance(a.id)).toBe(130);
    await call('volunteer.addRule', { effectiveFrom: today, pointsPerHour: 10, maxHoursPerActivity: null, meetingBasePoints: 10, expiry: 'yearly' });
    expect(await balance(a.id)).toBe(50);
    const d = await call('volunteer.getVolunteer', { id: a.id });
    expect(d.expiry).toBe('yearly');
    expect(d.years.map((y) => [y.year, y.earned])).toEqual([[thisYear, 50], [thisYear - 1, 80]]);
    expect((await call('volunteer.listEntries', { volunteerId: a.id })).total).toBe(2);
  });
});

describe('meeting base points', () => {
  it('gives base points to the members present at a branch meeting, once per meeting', async () => {
    const { call, attempt, branch, member, balance } = await volunteerFixture();
    const a = await member('赵敏');
    const b = await member('孙强');
    const m = await call('party.createMeeting', {
      orgId: branch.id, type: 'theme_day', heldOn: today, topic: '学习党章', resolutions: [],
      attendance: [{ memberId: a.id, name: '赵敏', status: 'present' }, { memberId: b.id, name: '孙强', status: 'leave', reason: '外出' }],
    });
    expect((await call('volunteer.listPendingMeetings', {})).rows.map((r) => r.meetingId)).toEqual([m.id]);
    expect(await call('volunteer.applyMeeting', { meetingId: m.id })).toEqual({ entries: 1, points: 10, ruleVersion: 1 });
    expect(await attempt('volunteer.applyMeeting', { meetingId: m.id })).toMatchObject({ ok: false, error: { reason: 'ALREADY_APPLIED' } });
    expect((await call('volunteer.listPendingMeetings', {})).total).toBe(0);
    // The member became a volunteer on the way (one record, reading the member's name).
    const list = await call('volunteer.listVolunteers', { kind: 'member' });
    expect(list.rows.map((r) => [r.name, r.yearEarned])).toEqual([['赵敏', 10]]);
    expect(await balance(list.rows[0]!.id)).toBe(10);
    const entry = (await call('volunteer.listEntries', {})).rows[0]!;
    expect(entry).toMatchObject({ category: 'base', sourceKind: 'meeting', sourceTitle: '学习党章' });
  });

  it('reverses a deleted meeting\'s base points on the ledger, and keeps the meeting while someone has spent them', async () => {
    const { call, attempt, branch, member, balance } = await volunteerFixture();
    const a = await member('周芳');
    const b = await member('吴刚');
    const meeting = (topic: string) => call('party.createMeeting', {
      orgId: branch.id, type: 'general', heldOn: today, topic, resolutions: [],
      attendance: [{ memberId: a.id, name: '周芳', status: 'present' }, { memberId: b.id, name: '吴刚', status: 'present' }],
    });
    const wrong = await meeting('误建的支部党员大会');
    await call('volunteer.applyMeeting', { meetingId: wrong.id });
    expect(await call('volunteer.meetingCredit', { meetingId: wrong.id })).toEqual({ people: 2, points: 20 });
    const [va, vb] = (await call('volunteer.listVolunteers', { kind: 'member' })).rows.map((r) => r.id);
    await call('party.deleteMeeting', { id: wrong.id });
    expect(await balance(va!)).toBe(0);
    expect(await balance(vb!)).toBe(0);
    // Append-only: the two entries stand, each with its reversal naming the deleted meeting.
    const entries = (await call('volunteer.listEntries', {})).rows;
    expect(entries.map((e) => e.amount).sort()).toEqual([-10, -10, 10, 10]);
    expect(entries.filter((e) => e.reversesId).map((e) => e.reason)).toEqual(Array(2).fill('冲正：删除会议记录“误建的支部党员大会”'));
    expect(await call('volunteer.meetingCredit', { meetingId: wrong.id })).toEqual({ people: 0, points: 0 });
    const audit = (await call('system.listAudit', { entity: 'meeting', entityId: wrong.id })).rows.find((r) => r.action === 'delete');
    expect(JSON.parse(audit!.after!)).toEqual({ reversedPoints: { people: 2, points: 20 } });

    // Points already spent cannot be taken back: the delete is refused whole, the meeting and its points kept.
    const held = await meeting('学习党章');
    await call('volunteer.applyMeeting', { meetingId: held.id });
    await call('volunteer.addEntry', { person: { volunteerId: va! }, onDate: today, category: 'base', amount: -10, reason: '未履行岗位职责', sourceKind: 'manual' });
    expect(await attempt('party.deleteMeeting', { id: held.id })).toMatchObject({ ok: false, error: { reason: 'BALANCE_NEGATIVE' } });
    expect((await call('party.getMeeting', { id: held.id })).topic).toBe('学习党章');
    expect(await call('volunteer.meetingCredit', { meetingId: held.id })).toEqual({ people: 2, points: 20 });
    expect(await balance(vb!)).toBe(10);
  });

  it('gives none for a 支委会 or 党小组会: only meetings of all the branch\'s members count', async () => {
    const { call, attempt, branch, member } = await volunteerFixture();
    const a = await member('钱坤');
    const m = await call('party.createMeeting', {
      orgId: branch.id, type: 'committee', heldOn: today, topic: '研究活动安排', resolutions: [],
      attendance: [{ memberId: a.id, name: '钱坤', status: 'present' }],
    });
    expect(await attempt('volunteer.applyMeeting', { meetingId: m.id })).toMatchObject({ ok: false, error: { reason: 'NOT_BASE_POINT_MEETING' } });
    expect((await call('volunteer.listPendingMeetings', {})).total).toBe(0);
  });
});
