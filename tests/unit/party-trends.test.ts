import { describe, expect, it } from 'vitest';
import { fixedClock } from './helpers';
import { partyFixture } from './party-fixture';

/**
 * The party dashboard's two charts (party.getTrends) on a real file, at the fixed today 2026-12-02: six quarters of
 * 三会一课 held against what was due, and twelve month-ends of the register by category, each for a chosen unit.
 */

type Fixture = Awaited<ReturnType<typeof partyFixture>>;

/** A second community with a branch that never meets and a member: outside the first community's scope. */
async function otherCommunity({ call, root, member }: Fixture) {
  const committee = await call('party.createOrg', { parentId: root.id, level: 'community_committee', kind: '社区党委', name: '东湖社区党委' });
  const branch = await call('party.createOrg', { parentId: committee.id, level: 'branch', kind: '网格党支部', name: '东湖网格党支部' });
  await member('外区', { orgId: branch.id });
  return { committee, branch };
}

describe('the party dashboard trends', () => {
  it('shares the quarters’ required meetings held, a missed theme day and this quarter’s pending slots included, per unit', async () => {
    const t = await partyFixture({ clock: fixedClock() });
    const { call, branch, group, committee } = t;
    const other = await otherCommunity(t);
    const meet = (orgId: string, type: string, heldOn: string) =>
      call('party.createMeeting', { orgId, type: type as 'general', heldOn, topic: '学习', attendance: [], resolutions: [] });
    const quarter = async (months: string[], skip: string | null) => {
      await meet(branch.id, 'general', `${months[0]}-10`);
      await meet(branch.id, 'lecture', `${months[1]}-10`);
      for (const m of months) {
        await meet(branch.id, 'committee', `${m}-05`);
        await meet(group.id, 'group', `${m}-06`);
        if (`${m}:theme_day` !== skip) await meet(branch.id, 'theme_day', `${m}-07`);
      }
    };
    await quarter(['2026-04', '2026-05', '2026-06'], null);
    await quarter(['2026-07', '2026-08', '2026-09'], '2026-08:theme_day');
    // This quarter: October's committee meeting and an early lecture; December is not over.
    await meet(branch.id, 'committee', '2026-10-15');
    await call('party.createMeeting', {
      orgId: branch.id, type: 'lecture', heldOn: '2026-12-01', topic: '党课', attendance: [], resolutions: [{ content: '整改楼道堆物', dueOn: '2026-12-01' }],
    });

    const mine = await call('party.getTrends', { orgId: committee.id });
    expect(mine.quarters.map((q) => [`${q.year}-Q${q.quarter}`, q.due, q.missing])).toEqual([
      // Before the first recorded meeting: no records, not all missing.
      ['2025-Q3', 0, 0], ['2025-Q4', 0, 0], ['2026-Q1', 0, 0],
      // 大会 + 党课 once, 支委会, 党小组会 and 主题党日 each month: 11 slots.
      ['2026-Q2', 11, 0],
      ['2026-Q3', 11, 1],
      // October and November judged for the three monthly meetings (one held), the lecture held early.
      ['2026-Q4', 7, 5],
    ]);
    // The whole street adds the other community's branch, behind in every slot of the recorded quarters; without
    // groups it owes no group meetings (8 slots a quarter, 4 judged so far in this one).
    const all = await call('party.getTrends', { orgId: null });
    expect(all.quarters.slice(3).map((q) => [q.due, q.missing])).toEqual([[19, 8], [19, 9], [11, 9]]);
    // The dashboard above the charts is the chosen unit's too, its late resolutions included.
    expect((await call('party.getDashboard', { orgId: committee.id })).overdueResolutions.map((r) => r.content)).toEqual(['整改楼道堆物']);
    expect((await call('party.getDashboard', { orgId: other.committee.id })).overdueResolutions).toEqual([]);
  });

  it('counts the register at each month’s end by category: a member who left, one who came, one readmitted, one who died', async () => {
    const t = await partyFixture({ clock: fixedClock() });
    const { call, member, branch, committee } = t;
    await otherCommunity(t);
    await member('甲');
    await member('乙', { category: 'in_service', workUnit: '区税务局' });
    const left = await member('丙');
    await call('party.transferOut', { id: left.id, on: '2026-06-15', to: '外省某社区' });
    await call('party.transferIn', {
      on: '2026-03-10', from: '外省某街道',
      member: { name: '丁', gender: 'female', joinedOn: '2001-07-01', status: 'full', category: 'migrant', orgId: branch.id },
    });
    await member('戊', { status: 'probationary', joinedOn: '2026-09-01' });
    const died = await member('己');
    await call('party.markDeceased', { id: died.id, on: '2026-11-20' });
    const back = await member('庚');
    await call('party.transferOut', { id: back.id, on: '2026-02-10', to: '区机关' });
    await call('party.readmitMember', { id: back.id, orgId: branch.id, on: '2026-07-05', from: '区机关' });

    const { months } = await call('party.getTrends', { orgId: committee.id });
    expect(months.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
    expect(months.map((m) => m.community)).toEqual([4, 3, 3, 3, 3, 2, 3, 3, 4, 4, 3, 3]);
    expect(months.map((m) => m.in_service)).toEqual(Array(12).fill(1));
    expect(months.map((m) => m.migrant)).toEqual([0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    // This month's point is today's register, as the figures above the chart count it.
    const d = await call('party.getDashboard', { orgId: committee.id });
    expect(months.at(-1)).toMatchObject(d.stats.byCategory);
    // The whole street adds the other community's member throughout.
    const all = await call('party.getTrends', { orgId: null });
    expect(all.months.map((m) => m.community)).toEqual([5, 4, 4, 4, 4, 3, 4, 4, 5, 5, 4, 4]);
  });
});
