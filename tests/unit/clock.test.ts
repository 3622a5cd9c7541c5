import { describe, expect, it } from 'vitest';
import { calendarDay, wallTime } from '../../main/api/common/calendar';
import { manualClock } from '../../main/clock';
import { partyFixture } from './party-fixture';

/**
 * "Today" is the installation's calendar day (Asia/Shanghai unless set otherwise), taken from the core's clock once
 * per request. These run at the hours where a UTC "today" is wrong: before 08:00 in Beijing.
 */
describe('the clock and the calendar day', () => {
  it('puts an instant on the calendar of a time zone, not of the machine', () => {
    const evening = Date.parse('2026-12-01T20:00:00Z');
    expect(calendarDay(evening, 'Asia/Shanghai')).toBe('2026-12-02');
    expect(calendarDay(evening, 'UTC')).toBe('2026-12-01');
    expect(wallTime(evening, 'Asia/Shanghai')).toBe('04:00:00');
    expect(calendarDay(Date.parse('2026-12-31T16:00:00Z'), 'Asia/Shanghai')).toBe('2027-01-01');
    expect(calendarDay(Date.parse('2026-12-31T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-12-31');
  });

  it("on a quarter's first morning before 08:00 Beijing time, the new quarter is the current one", async () => {
    const clock = manualClock('2026-12-31T23:30:00Z'); // 2027-01-01 07:30 in Beijing
    const { call, branch } = await partyFixture({ clock });
    expect(await call('system.getClock', {})).toEqual({ at: '2026-12-31T23:30:00.000Z', today: '2027-01-01', timeZone: 'Asia/Shanghai' });

    // A meeting held this morning is not "in the future", and counts in Q1 2027.
    await call('party.createMeeting', { orgId: branch.id, type: 'theme_day', heldOn: '2027-01-01', topic: '新年主题党日', attendance: [], resolutions: [] });
    const q1 = await call('party.getCompliance', { year: 2027, quarter: 1 });
    const themeDay = q1.rows.find((r) => r.orgId === branch.id)!.items.find((i) => i.type === 'theme_day')!;
    expect(themeDay.slots.find((s) => s.period === '2027-01')).toMatchObject({ state: 'held', held: 1 });
    // February has not begun: it is still to come, not missed.
    expect(themeDay.slots.find((s) => s.period === '2027-02')!.state).not.toBe('missing');
  });

  it('dates a change of unit by the Beijing day it was made', async () => {
    const clock = manualClock('2026-12-31T23:30:00Z');
    const { call, member, group } = await partyFixture({ clock });
    const m = await member('冯九');
    const { member: view } = await call('party.getMember', { id: m.id });
    await call('party.updateMember', { ...view, id: m.id, orgId: group.id, keepIdNumber: true, keepPhone: true, idNumber: null, phone: null });
    expect((await call('party.getMember', { id: m.id })).events[0]).toMatchObject({ kind: 'org_changed', onDate: '2027-01-01' });
  });

  it('refuses a date after the installation\'s today, and accepts today itself', async () => {
    const clock = manualClock('2026-12-01T20:00:00Z'); // 2026-12-02 04:00 in Beijing
    const { call, attempt, member } = await partyFixture({ clock });
    const m = await member('林一', { status: 'probationary', joinedOn: '2025-11-20' });
    expect(await attempt('party.becomeFull', { id: m.id, on: '2026-12-03' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'on' }] } });
    expect((await call('party.becomeFull', { id: m.id, on: '2026-12-02' })).fullOn).toBe('2026-12-02');
  });

  it('follows the time zone the installation is set to', async () => {
    const clock = manualClock('2026-12-01T20:00:00Z');
    const { call, attempt } = await partyFixture({ clock });
    expect((await call('system.getClock', {})).today).toBe('2026-12-02');
    await call('system.setTimeZone', { timeZone: 'Asia/Urumqi' });
    clock.set('2026-12-01T17:30:00Z'); // 23:30 in Urumqi, already 01:30 the next day in Beijing
    expect(await call('system.getClock', {})).toMatchObject({ today: '2026-12-01', timeZone: 'Asia/Urumqi' });
    expect(await attempt('system.setTimeZone', { timeZone: 'Mars/Olympus' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'timeZone' }] } });
  });

  it('stamps every row one request writes, and its audit entry, with the same instant', async () => {
    const clock = manualClock('2026-12-01T20:00:00Z');
    const { call, branch } = await partyFixture({ clock });
    clock.set('2026-12-02T01:02:03.456Z');
    const meeting = await call('party.createMeeting', {
      orgId: branch.id, type: 'committee', heldOn: '2026-12-02', topic: '支委会', attendance: [],
      resolutions: [{ content: '走访困难党员', owner: '张三', dueOn: '2026-12-20' }],
    });
    const audit = await call('system.listAudit', { entity: 'meeting', entityId: meeting.id, offset: 0, limit: 5 });
    expect(audit.rows[0]!.at).toBe('2026-12-02T01:02:03.456Z');
    expect([meeting.createdAt, meeting.updatedAt]).toEqual(['2026-12-02T01:02:03.456Z', '2026-12-02T01:02:03.456Z']);
  });
});
