import { describe, expect, it } from 'vitest';
import { clockStartingAt } from '../../main/clock';
import { propertyFixture } from './property-fixture';

/** A term of 阳光小区 (420 households) with `members`; dates as a clerk enters them. */
const termOf = (estateId: string, members: unknown[], extra: Record<string, unknown> = {}) => ({
  estateId, termNo: 2, electedOn: '2021-08-25', startsOn: '2021-09-01', endsOn: '2026-08-31', members, ...extra,
}) as never;

describe("owners' committee terms", () => {
  it('take 5–11 members, an odd number; 3 only in a small estate, as the settings say', async () => {
    const { call, attempt, propertyEstate, residents } = await propertyFixture();
    const estateId = propertyEstate.placeId;
    for (const n of [4, 6, 12]) {
      expect(await attempt('property.createTerm', termOf(estateId, residents(n))), `${n} members`)
        .toMatchObject({ ok: false, error: { fields: [{ path: 'members', message: `业委会成员应为 5–11 人中的单数（现为 ${n} 人）` }] } });
    }
    expect(await attempt('property.createTerm', termOf(estateId, residents(3)))).toMatchObject({ ok: false, error: { fields: [{ path: 'members' }] } });
    // 420 households is "small" once the street raises its limit to 500.
    await call('property.updateSettings', { reelectionLeadMonths: 6, partyRatioTargetPercent: 50, smallEstateMaxHouseholds: 500 });
    expect((await call('property.createTerm', termOf(estateId, residents(3)))).members).toHaveLength(3);
    expect((await call('property.createTerm', termOf(estateId, residents(11), { termNo: 3, electedOn: '2026-08-20', startsOn: '2026-09-01', endsOn: '2031-08-31' }))).members).toHaveLength(11);
  });

  it('link party members to the register, allow one 主任, and count the ratio in integers', async () => {
    const { call, attempt, propertyEstate, member, resident, residents } = await propertyFixture();
    const estateId = propertyEstate.placeId;
    const a = await member('张三');
    const b = await member('李四', { status: 'probationary', joinedOn: '2026-03-01' });
    const empty = await call('property.createTerm', termOf(estateId, [], { termNo: 1, electedOn: '2016-08-25', startsOn: '2016-09-01', endsOn: '2021-08-31' }));
    expect(empty.term.ratio.state).toBe('not_formed');
    const roster = [
      { memberId: a.id, role: 'chair' }, { memberId: b.id, role: 'vice_chair' },
      resident('王五', { isPartyMember: true, onResidentsCommittee: true }), ...residents(2),
    ];
    const term = await call('property.createTerm', termOf(estateId, roster));
    expect(term.members.map((m) => [m.name, m.isPartyMember, m.onResidentsCommittee])).toEqual([
      ['张三', true, false], ['李四', true, false], ['王五', true, true], ['业主1', false, false], ['业主2', false, false],
    ]);
    expect(term.term.ratio).toEqual({ partyMembers: 3, total: 5, state: 'meets', targetPercent: 50 });
    // The earlier term is history now, whatever its dates say.
    expect((await call('property.getTerm', { id: empty.term.id })).term.state).toBe('succeeded');
    const twoChairs = [...roster.slice(0, 4), resident('赵六', { role: 'chair' })];
    expect(await attempt('property.updateTerm', { ...(termOf(estateId, twoChairs) as object), id: term.term.id, estateId: undefined }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'members.4.role', message: '一届业委会只有一名主任' }] } });
    expect(await attempt('property.createTerm', termOf(estateId, [...residents(4), { memberId: 'nobody', role: 'member' }], { termNo: 4 })))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'members.4.name' }] } });
    expect(await attempt('property.createTerm', termOf(estateId, [], { termNo: 5, endsOn: '2026-09-02' })))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'endsOn', message: '任期不超过 5 年，最晚到 2026-09-01' }] } });
  });
});

describe('term warnings on the right day', () => {
  /** The street on a given Beijing day (08:00 local is midnight UTC). */
  const on = (day: string) => propertyFixture({ clock: clockStartingAt(`${day}T00:00:00Z`) });

  it('start re-election six months before a month-end end (2026-08-31 − 6 months = 2026-02-28)', async () => {
    for (const [day, state] of [['2026-02-27', 'serving'], ['2026-02-28', 'reelection_due'], ['2026-08-31', 'reelection_due'], ['2026-09-01', 'overdue']] as const) {
      const { call, propertyEstate, residents } = await on(day);
      const created = await call('property.createTerm', termOf(propertyEstate.placeId, residents(5), { electedOn: '2021-08-25' }));
      expect(created.term.state, day).toBe(state);
      expect(created.term.reelectionStartsOn).toBe('2026-02-28');
      const warnings = await call('property.listTermWarnings', {});
      expect(warnings.map((w) => w.id), day).toEqual(state === 'serving' ? [] : [created.term.id]);
    }
  });

  it('count filing and the first meeting from the election', async () => {
    const { call, propertyEstate, residents } = await on('2026-02-10');
    const t = await call('property.createTerm', termOf(propertyEstate.placeId, residents(5), {
      electedOn: '2026-01-10', startsOn: '2026-01-15', endsOn: '2031-01-14', firstMeetingOn: '2026-01-18',
    }));
    expect(t.term.filing).toEqual({ dueOn: '2026-02-09', state: 'overdue' });
    expect(t.term.firstMeeting).toEqual({ dueOn: '2026-01-17', state: 'done_late' });
  });
});
