import { addDays, addMonths } from '../../main/api/common/days';
import { describe, expect, it } from 'vitest';
import { buildCompliance, quarterRange } from '../../main/api/party/compliance';
import { daysAgo, today } from './helpers';
import { partyFixture } from './party-fixture';

const thisQuarter = () => ({ year: Number(today().slice(0, 4)), quarter: Math.floor((Number(today().slice(5, 7)) - 1) / 3) + 1 });

describe('meetings', () => {
  it('records a meeting with attendance, a guest and resolutions, and reads it back', async () => {
    const { call, branch, member } = await partyFixture();
    const a = await member('张三');
    const b = await member('李四');
    const m = await call('party.createMeeting', {
      orgId: branch.id, type: 'theme_day', heldOn: today(), startTime: '09:30', topic: '学习贯彻全会精神', place: '社区党群服务中心',
      host: '张三', recorder: '李四',
      attendance: [
        { memberId: a.id, name: '张三', status: 'present' },
        { memberId: b.id, name: '李四', status: 'absent', reason: '外出务工' },
        { name: '物业公司王经理', status: 'guest' },
      ],
      resolutions: [{ content: '清理3号楼楼道堆物', owner: '张三', dueOn: '2026-12-31' }],
    });
    const back = await call('party.getMeeting', { id: m.id });
    expect(back.attendance.map((x) => [x.name, x.status, x.reason])).toEqual([
      ['张三', 'present', null], ['李四', 'absent', '外出务工'], ['物业公司王经理', 'guest', null],
    ]);
    expect(back.resolutions).toMatchObject([{ content: '清理3号楼楼道堆物', status: 'open', dueOn: '2026-12-31' }]);
    const list = await call('party.listMeetings', { orgId: branch.id });
    expect(list.rows[0]).toMatchObject({ present: 1, absent: 1, resolutions: 1 });
  });

  it('keeps resolution ids across edits and refuses members of other units except as guests', async () => {
    const { call, attempt, branch, root, member } = await partyFixture();
    const other = await call('party.createOrg', { parentId: root.id, level: 'community_committee', kind: '社区党委', name: '东湖社区党委' });
    const otherBranch = await call('party.createOrg', { parentId: other.id, level: 'branch', kind: '网格党支部', name: '东湖网格党支部' });
    const outsider = await member('外来人', { orgId: otherBranch.id });
    const base = { orgId: branch.id, type: 'committee' as const, heldOn: today(), topic: '支委会', resolutions: [] };
    const refused = await attempt('party.createMeeting', { ...base, attendance: [{ memberId: outsider.id, name: '外来人', status: 'present' }] });
    expect(refused).toMatchObject({ ok: false, error: { fields: [{ path: 'attendance.0.status' }] } });
    const m = await call('party.createMeeting', { ...base, attendance: [{ memberId: outsider.id, name: '外来人', status: 'guest' }], resolutions: [{ content: '第一条' }] });
    const rid = m.resolutions[0]!.id;
    const edited = await call('party.updateMeeting', { id: m.id, meeting: { ...base, attendance: [], resolutions: [{ id: rid, content: '第一条（改）', status: 'done', doneOn: today() }, { content: '第二条' }] } });
    expect(edited.resolutions[0]).toMatchObject({ id: rid, content: '第一条（改）', status: 'done' });
    expect(await attempt('party.deleteMeeting', { id: m.id })).toMatchObject({ ok: false, error: { reason: 'MEETING_HAS_DONE_RESOLUTIONS' } });
  });

  it('refuses a group meeting held by a branch and a meeting in the future', async () => {
    const { attempt, branch } = await partyFixture();
    const base = { orgId: branch.id, heldOn: today(), topic: '会', attendance: [], resolutions: [] };
    expect(await attempt('party.createMeeting', { ...base, type: 'group' })).toMatchObject({ ok: false, error: { fields: [{ path: 'type' }] } });
    expect(await attempt('party.createMeeting', { ...base, type: 'lecture', heldOn: '2099-01-01' })).toMatchObject({ ok: false, error: { fields: [{ path: 'heldOn', message: '会议日期不能晚于今天' }] } });
  });

  it('does not let the same member be marked twice', async () => {
    const { attempt, branch, member } = await partyFixture();
    const a = await member('张三');
    const env = await attempt('party.createMeeting', {
      orgId: branch.id, type: 'lecture', heldOn: today(), topic: '党课', resolutions: [],
      attendance: [{ memberId: a.id, name: '张三', status: 'present' }, { memberId: a.id, name: '张三', status: 'absent' }],
    });
    expect(env).toMatchObject({ ok: false, error: { fields: [{ path: 'attendance.1.name' }] } });
  });
});

describe('compliance', () => {
  it('marks past months missing, the current one pending, and held ones held', () => {
    const report = buildCompliance(2026, 4, [{ id: 'b', name: '支部', parentName: null, groupIds: ['g1', 'g2'] }],
      [
        { orgId: 'b', type: 'theme_day', month: '2026-10', n: 1 },
        { orgId: 'b', type: 'general', month: '2026-11', n: 1 },
        { orgId: 'g1', type: 'group', month: '2026-10', n: 2 },
        { orgId: 'g2', type: 'group', month: '2026-10', n: 1 },
        { orgId: 'g1', type: 'group', month: '2026-11', n: 1 },
      ], '2026-11-22');
    const row = report.rows[0]!;
    const slots = (type: string) => row.items.find((i) => i.type === type)!.slots.map((s) => s.state);
    expect(slots('theme_day')).toEqual(['held', 'pending', 'pending']);
    expect(slots('committee')).toEqual(['missing', 'pending', 'pending']);
    expect(slots('general')).toEqual(['held']);
    expect(slots('lecture')).toEqual(['pending']);
    // Every group must meet: in November only one of two did.
    expect(slots('group')).toEqual(['held', 'pending', 'pending']);
    expect(row.items.find((i) => i.type === 'group')!.slots[1]).toMatchObject({ groupsHeld: 1, held: 1 });
    expect(row.missing).toBe(1);
    expect(quarterRange(2026, 4)).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
  });

  it('changes when a meeting is recorded', async () => {
    const { call, branch, group } = await partyFixture();
    const q = thisQuarter();
    const before = await call('party.getCompliance', q);
    const row = () => before.rows.find((r) => r.orgId === branch.id)!;
    const month = today().slice(0, 7);
    const slot = (r: typeof before, type: string) => r.rows.find((x) => x.orgId === branch.id)!.items.find((i) => i.type === type)!.slots.find((s) => s.period === month)!;
    expect(row().groups).toBe(1);
    expect(slot(before, 'theme_day').state).not.toBe('held');
    await call('party.createMeeting', { orgId: branch.id, type: 'theme_day', heldOn: today(), topic: '主题党日', attendance: [], resolutions: [] });
    await call('party.createMeeting', { orgId: group.id, type: 'group', heldOn: today(), topic: '小组会', attendance: [], resolutions: [] });
    const after = await call('party.getCompliance', q);
    expect(slot(after, 'theme_day')).toMatchObject({ state: 'held', held: 1 });
    expect(slot(after, 'group')).toMatchObject({ state: 'held', groupsHeld: 1 });
    const scoped = await call('party.getCompliance', { ...q, orgId: group.id });
    expect(scoped.rows.map((r) => r.orgId)).toEqual([branch.id]);
  });

  it('pages, filters to the branches behind, and gives the dashboard the same two figures', async () => {
    const { call, committee } = await partyFixture();
    for (const name of ['和平小区党支部', '安居小区党支部']) {
      await call('party.createOrg', { parentId: committee.id, level: 'branch', kind: '小区党支部', name });
    }
    const q = thisQuarter();
    const all = await call('party.getCompliance', q);
    expect(all).toMatchObject({ total: 3, branches: 3 });
    const first = await call('party.getCompliance', { ...q, order: 'name', limit: 2 });
    const rest = await call('party.getCompliance', { ...q, order: 'name', limit: 2, offset: 2 });
    expect([...first.rows, ...rest.rows].map((r) => r.orgId).sort()).toEqual(all.rows.map((r) => r.orgId).sort());
    expect(rest).toMatchObject({ total: 3, branches: 3, behind: all.behind });
    const behind = await call('party.getCompliance', { ...q, onlyBehind: true });
    expect(behind.total).toBe(all.behind);
    expect(behind.rows.every((r) => r.missing > 0)).toBe(true);
    const d = await call('party.getDashboard', {});
    expect(d.compliance).toMatchObject({ branches: 3, behind: all.behind });
  });
});

describe('five-star branches and dashboard', () => {
  it('rates a branch once a year, re-rating replaces it, history per branch', async () => {
    const { call, attempt, branch, group } = await partyFixture();
    await call('party.rateBranch', { orgId: branch.id, year: 2024, stars: 3, reasons: '组织生活基本规范', ratedOn: '2025-01-10' });
    await call('party.rateBranch', { orgId: branch.id, year: 2025, stars: 4, reasons: '志愿服务突出', ratedOn: '2026-01-10' });
    await call('party.rateBranch', { orgId: branch.id, year: 2025, stars: 5, reasons: '复评：红色物业成效显著', ratedOn: '2026-01-20' });
    const history = await call('party.listRatings', { orgId: branch.id });
    expect(history.map((r) => [r.year, r.stars])).toEqual([[2025, 5], [2024, 3]]);
    expect(await attempt('party.rateBranch', { orgId: group.id, year: 2025, stars: 5, reasons: 'x', ratedOn: '2026-01-01' })).toMatchObject({ ok: false, error: { fields: [{ path: 'orgId' }] } });
    expect(await attempt('party.rateBranch', { orgId: branch.id, year: 2025, stars: 6, reasons: 'x', ratedOn: '2026-01-01' })).toMatchObject({ ok: false, error: { fields: [{ path: 'stars', message: '星级为 1–5 星' }] } });
  });

  it('lists a year\'s branches a page at a time, the rated first, counted over the whole scope', async () => {
    const { call, root, committee, branch } = await partyFixture();
    const other = await call('party.createOrg', { parentId: root.id, level: 'community_committee', kind: '社区党委', name: '东里社区党委' });
    const names = ['丙支部', '乙支部', '甲支部', '丁支部'];
    const made = [];
    for (const name of names) made.push(await call('party.createOrg', { parentId: other.id, level: 'branch', kind: '小区党支部', name }));
    const gone = await call('party.createOrg', { parentId: other.id, level: 'branch', kind: '小区党支部', name: '已撤支部' });
    await call('party.dissolveOrg', { id: gone.id, on: today() });
    await call('party.rateBranch', { orgId: made[1]!.id, year: 2025, stars: 3, reasons: '基本规范', ratedOn: '2026-01-10' });
    await call('party.rateBranch', { orgId: branch.id, year: 2025, stars: 5, reasons: '成效显著', ratedOn: '2026-01-10' });
    await call('party.rateBranch', { orgId: made[2]!.id, year: 2024, stars: 4, reasons: '上一年', ratedOn: '2025-01-10' });

    const first = await call('party.listBranchRatings', { year: 2025, limit: 2 });
    expect(first).toMatchObject({ total: 5, rated: 2, byStars: [0, 0, 1, 0, 1] });
    expect(first.rows.map((b) => [b.name, b.stars])).toEqual([['阳光小区党支部', 5], ['乙支部', 3]]);
    expect(first.rows[0]).toMatchObject({ parentName: '西里社区党委', reasons: '成效显著', ratedOn: '2026-01-10' });
    // Then the unrated by name (pinyin): 丙 bing, 丁 ding, 甲 jia; the dissolved branch is not listed.
    const rest = await call('party.listBranchRatings', { year: 2025, limit: 2, offset: 2 });
    const last = await call('party.listBranchRatings', { year: 2025, limit: 2, offset: 4 });
    expect([...rest.rows, ...last.rows].map((b) => [b.name, b.stars])).toEqual([['丙支部', null], ['丁支部', null], ['甲支部', null]]);
    // Past the end: no rows, the same figures.
    expect(await call('party.listBranchRatings', { year: 2025, offset: 50 })).toMatchObject({ rows: [], total: 5, rated: 2, byStars: [0, 0, 1, 0, 1] });
    // A unit's subtree only.
    const scoped = await call('party.listBranchRatings', { year: 2025, orgId: committee.id });
    expect(scoped).toMatchObject({ total: 1, rated: 1, byStars: [0, 0, 0, 0, 1] });
    expect(await call('party.listBranchRatings', { year: 2023 })).toMatchObject({ total: 5, rated: 0, byStars: [0, 0, 0, 0, 0] });
  });

  it('counts members by category and lists probationers due', async () => {
    const { call, member } = await partyFixture();
    await member('甲');
    await member('乙', { category: 'in_service', workUnit: '区税务局' });
    const due = daysAgo(360);
    await member('丙', { status: 'probationary', joinedOn: due });
    const d = await call('party.getDashboard', {});
    expect(d.stats).toMatchObject({ active: 3, byCategory: { community: 2, in_service: 1, migrant: 0 }, byStatus: { full: 2, probationary: 1 } });
    expect(d.probationDue.map((p) => p.name)).toEqual(['丙']);
    expect(d.compliance.branches).toBe(1);
  });

  it('tells a probation year already over (已超期未转正) from one ending soon (即将期满), today\'s counting as ending', async () => {
    const { call, member } = await partyFixture();
    const yearAgo = addMonths(today(), -12);
    await member('超期', { status: 'probationary', joinedOn: addDays(yearAgo, -40) });
    await member('昨满', { status: 'probationary', joinedOn: addDays(yearAgo, -1) });
    await member('今满', { status: 'probationary', joinedOn: yearAgo });
    await member('将满', { status: 'probationary', joinedOn: addDays(yearAgo, 29) });
    await member('尚早', { status: 'probationary', joinedOn: addDays(yearAgo, 31) });
    const d = await call('party.getDashboard', {});
    expect(d.probationDue.map((p) => [p.name, p.overdue])).toEqual([['超期', true], ['昨满', true], ['今满', false], ['将满', false]]);
    expect(d.probationDue.find((p) => p.name === '今满')!.dueOn).toBe(today());
  });
});
