import { describe, expect, it } from 'vitest';
import { idNumber } from '../../scripts/lib/people';
import { earlierThisYear, today, volunteerFixture } from './volunteer-fixture';

describe('the volunteer register', () => {
  it('registers a resident with masked numbers, and logs a reveal', async () => {
    const { call, resident } = await volunteerFixture();
    const id = idNumber('130104', '1985-04-05', 7, 'female');
    const v = await resident('何丽', { idNumber: id, phone: '139 1234 5678', skills: '理发', team: '巧手服务队' });
    expect(v).toMatchObject({ kind: 'resident', gender: 'female', phoneMasked: '139****5678', idNumberMasked: `${id.slice(0, 6)}********${id.slice(14)}` });
    expect(JSON.stringify(await call('volunteer.listVolunteers', {}))).not.toContain(id);
    expect(await call('volunteer.revealVolunteer', { id: v.id, field: 'idNumber', reason: '核对服务记录' })).toEqual({ value: id });
    const audit = await call('system.listAudit', { entity: 'volunteer', entityId: v.id });
    expect(audit.rows.map((r) => r.action)).toEqual(['reveal', 'create']);
    expect(JSON.stringify(audit.rows)).not.toContain(id);
  });

  it('keeps one record per person: a member volunteers through the member record, and their ID cannot be registered again', async () => {
    const { call, attempt, member, committee } = await volunteerFixture();
    const m = await member('张三', { phone: '13800001111', address: '3号楼1单元201' });
    const v = await call('volunteer.addMember', { memberId: m.id, registeredOn: today, skills: '电工' });
    expect(v).toMatchObject({ kind: 'member', name: '张三', phoneMasked: '138****1111', address: '3号楼1单元201', skills: '电工' });
    const dup = await attempt('volunteer.createResident', {
      name: '张三', orgId: committee.id, registeredOn: today, idNumber: idNumber('130104', '1968-05-12', 1, 'male'),
    });
    expect(dup).toMatchObject({ ok: false, error: { fields: [{ path: 'idNumber', message: expect.stringContaining('党员张三') }] } });
    expect(await attempt('volunteer.addMember', { memberId: m.id, registeredOn: today })).toMatchObject({ ok: false, error: { reason: 'ALREADY_VOLUNTEER' } });
    // The member register stays the one place: a rename or a move shows in the volunteer register at once.
    await call('party.updateMember', {
      id: m.id, name: '张叁', gender: 'male', joinedOn: '1995-07-01', status: 'full', category: 'community', orgId: m.orgId,
      keepIdNumber: true, keepPhone: true,
    });
    const found = await call('volunteer.listVolunteers', { q: 'zs' });
    expect(found.rows.map((r) => r.name)).toEqual(['张叁']);
    await call('party.transferOut', { id: m.id, on: today, to: '外区' });
    expect((await call('volunteer.listVolunteers', {})).total).toBe(0);
    expect((await call('volunteer.listVolunteers', { active: false })).rows[0]).toMatchObject({ name: '张叁', active: false });
  });

  it('links a resident who joins the party instead of making a second record', async () => {
    const { call, resident, branch, award, balance } = await volunteerFixture();
    const id = idNumber('130104', '1990-01-02', 3, 'male');
    const r = await resident('李新', { idNumber: id, gender: 'male' });
    await award(r.id, 5);
    const m = await call('party.createMember', { name: '李新', gender: 'male', idNumber: id, joinedOn: today, status: 'probationary', category: 'community', orgId: branch.id });
    expect((await call('volunteer.listVolunteers', {})).rows[0]).toMatchObject({ id: r.id, linkable: true });
    // Assigning the new member a post finds the resident by the ID number and links them: still one person.
    const post = (await call('volunteer.listPosts', {}))[0]!;
    await call('volunteer.assignPosts', { assignments: [{ person: { memberId: m.id }, postId: post.id }], on: today });
    const list = await call('volunteer.listVolunteers', {});
    expect(list.total).toBe(1);
    expect(list.rows[0]).toMatchObject({ id: r.id, kind: 'member', memberId: m.id, postName: post.name, linkable: false });
    expect(await balance(r.id)).toBe(50);
  });

  it('finds volunteers and not-yet-registered members by name or pinyin initials', async () => {
    const { call, resident, member } = await volunteerFixture();
    await resident('王小红');
    await member('王晓明');
    const hits = await call('volunteer.searchPeople', { q: 'wx' });
    expect(hits.map((h) => [h.name, h.kind, h.volunteerId === null])).toEqual([['王小红', 'resident', false], ['王晓明', 'member', true]]);
    expect((await call('volunteer.searchPeople', { q: '王晓' })).map((h) => h.name)).toEqual(['王晓明']);
    // Full pinyin typed without its spaces finds the member as the member list does; a wrong letter finds no one.
    expect((await call('volunteer.searchPeople', { q: 'wangxiaom' })).map((h) => h.name)).toEqual(['王晓明']);
    expect((await call('volunteer.listAssignments', { q: 'wangxiaoming' })).rows.map((r) => r.name)).toEqual(['王晓明']);
    expect(await call('volunteer.searchPeople', { q: 'wangxiaon' })).toEqual([]);
  });
});

describe('posts and 一人一岗', () => {
  it('seeds the eight standard posts, lets the street rename them, and adds a branch\'s own', async () => {
    const { call, attempt, posts, branch } = await volunteerFixture();
    expect(posts.map((p) => p.name)).toEqual(['政策科普宣传岗', '环境卫生维护岗', '文明劝导岗', '关爱老人岗', '安全巡逻岗', '矛盾调解岗', '文体活动岗', '助残服务岗']);
    const renamed = await call('volunteer.updatePost', { id: posts[0]!.id, name: '政策宣讲岗', seq: 1 });
    expect(renamed).toMatchObject({ name: '政策宣讲岗', code: 'policy' });
    const own = await call('volunteer.createPost', { orgId: branch.id, name: '电梯文明监督岗' });
    expect(own).toMatchObject({ kind: 'custom', orgName: '阳光小区党支部' });
    expect(await attempt('volunteer.createPost', { orgId: branch.id, name: '电梯文明监督岗' })).toMatchObject({ ok: false, error: { fields: [{ path: 'name' }] } });
  });

  it('gives each member one post, lists who has none, and keeps a branch\'s post to its own people', async () => {
    const { call, attempt, member, posts, root, branch } = await volunteerFixture();
    const a = await member('党员甲');
    const b = await member('党员乙');
    const otherCommittee = await call('party.createOrg', { parentId: root.id, level: 'community_committee', kind: '社区党委', name: '东湖社区党委' });
    const otherBranch = await call('party.createOrg', { parentId: otherCommittee.id, level: 'branch', kind: '网格党支部', name: '东湖网格党支部' });
    const c = await member('党员丙', { orgId: otherBranch.id });
    expect((await call('volunteer.listAssignments', { unassignedOnly: true })).total).toBe(3);
    await call('volunteer.assignPosts', { assignments: [{ person: { memberId: a.id }, postId: posts[1]!.id }, { person: { memberId: b.id }, postId: posts[4]!.id }], on: earlierThisYear });
    // A second assignment replaces the first: one person, one post.
    await call('volunteer.assignPosts', { assignments: [{ person: { memberId: a.id }, postId: posts[2]!.id }], on: today });
    const rows = (await call('volunteer.listAssignments', { orgId: branch.id })).rows;
    expect(rows.map((r) => [r.name, r.postName])).toEqual([['党员甲', '文明劝导岗'], ['党员乙', '安全巡逻岗']]);
    const none = await call('volunteer.listAssignments', { unassignedOnly: true });
    expect(none.rows.map((r) => r.name)).toEqual(['党员丙']);
    const own = await call('volunteer.createPost', { orgId: branch.id, name: '楼道长岗' });
    const refused = await attempt('volunteer.assignPosts', { assignments: [{ person: { memberId: c.id }, postId: own.id }], on: today });
    expect(refused).toMatchObject({ ok: false, error: { fields: [{ path: 'assignments.0.postId' }] } });
    expect(await attempt('volunteer.retirePost', { id: posts[2]!.id, retired: true })).toMatchObject({ ok: false, error: { reason: 'POST_HAS_HOLDERS' } });
    expect((await call('volunteer.getDashboard', { orgId: null })).unassignedMembers).toBe(1);
  });
});

describe('activities', () => {
  it('keeps sign-ups within capacity and records who recorded the hours for which unit', async () => {
    const { call, attempt, resident, branch } = await volunteerFixture();
    const [a, b, c] = [await resident('甲'), await resident('乙'), await resident('丙')];
    const act = await call('volunteer.createActivity', { title: '垃圾分类宣传', onDate: earlierThisYear, organiserOrgId: branch.id, capacity: 2 });
    await call('volunteer.signUp', { activityId: act.id, people: [{ volunteerId: a.id }, { volunteerId: b.id }] });
    expect(await attempt('volunteer.signUp', { activityId: act.id, people: [{ volunteerId: c.id }] })).toMatchObject({ ok: false, error: { reason: 'ACTIVITY_FULL' } });
    const noHours = await attempt('volunteer.recordHours', { activityId: act.id, recorderOrgId: branch.id, rows: [{ person: { volunteerId: a.id }, attendance: 'present', hours: 0 }] });
    expect(noHours).toMatchObject({ ok: false, error: { fields: [{ path: 'rows.0.hours', message: '到场人员请填写服务时长' }] } });
    const recorded = await call('volunteer.recordHours', {
      activityId: act.id, recorderOrgId: branch.id,
      rows: [{ person: { volunteerId: a.id }, attendance: 'present', hours: 20 }, { person: { volunteerId: b.id }, attendance: 'absent', hours: 0 }, { person: { volunteerId: c.id }, attendance: 'present', hours: 15 }],
    });
    expect(recorded).toMatchObject({ recorderOrgName: '阳光小区党支部', recordedBy: '王芳' });
    expect(recorded.participants.map((p) => [p.name, p.attendance, p.hours, p.walkIn])).toEqual([['甲', 'present', 20, false], ['乙', 'absent', 0, false], ['丙', 'present', 15, true]]);
    expect(await attempt('volunteer.deleteActivity', { id: act.id })).toMatchObject({ ok: false, error: { reason: 'ACTIVITY_RECORDED' } });
    const future = await call('volunteer.createActivity', { title: '明年的活动', onDate: `${Number(today.slice(0, 4)) + 1}-03-01`, organiserOrgId: branch.id });
    expect(await attempt('volunteer.recordHours', { activityId: future.id, recorderOrgId: branch.id, rows: [{ person: { volunteerId: a.id }, attendance: 'present', hours: 10 }] })).toMatchObject({ ok: false, error: { reason: 'ACTIVITY_IN_FUTURE' } });
  });
});

describe('the volunteer register sorted by 登记日期', () => {
  it('lists the newest registrations first, same-day ones by name, every row reachable page by page, and the plan walks an index', async () => {
    const { call, resident, member, db } = await volunteerFixture();
    // Dates from a fixed shuffle (some shared), all before today whatever day the suite runs on.
    const year = Number(today.slice(0, 4)) - 1;
    const days = [17, 3, 29, 3, 11, 23, 5, 17, 8, 26, 14, 3, 20, 1, 11, 27, 9, 17];
    const names = ['赵一', '钱二', '孙三', '李四', '周五', '吴六', '郑七', '王八', '冯九', '陈十', '褚明', '卫东', '蒋华', '沈阳', '韩梅', '杨光', '朱红', '秦岭'];
    for (const [i, name] of names.entries()) {
      const on = `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String(days[i]).padStart(2, '0')}`;
      if (i % 5 === 0) await call('volunteer.addMember', { memberId: (await member(name)).id, registeredOn: on });
      else await resident(name, { registeredOn: on });
    }
    const pages = [];
    for (let offset = 0; offset < names.length; offset += 5) pages.push(...(await call('volunteer.listVolunteers', { sort: 'registered', offset, limit: 5 })).rows);
    expect(pages).toHaveLength(names.length);
    expect(new Set(pages.map((r) => r.id)).size).toBe(names.length);
    const pinyin = db().prepare('SELECT id, name_pinyin AS p FROM volunteers').all() as { id: string; p: string }[];
    const pinyinOf = new Map(pinyin.map((r) => [r.id, r.p]));
    for (let i = 1; i < pages.length; i++) {
      const [a, b] = [pages[i - 1]!, pages[i]!];
      expect(a.registeredOn >= b.registeredOn, `${a.name} ${a.registeredOn} before ${b.name} ${b.registeredOn}`).toBe(true);
      if (a.registeredOn === b.registeredOn) expect(pinyinOf.get(a.id)! <= pinyinOf.get(b.id)!).toBe(true);
    }
    // The default order is untouched by the new one.
    const byName = (await call('volunteer.listVolunteers', { limit: 100 })).rows.map((r) => pinyinOf.get(r.id)!);
    expect(byName).toEqual([...byName].sort());
    const plan = (db().prepare(`EXPLAIN QUERY PLAN SELECT v.rowid FROM volunteers v INDEXED BY volunteers_registered
      WHERE v.active = 1 ORDER BY v.registered_on DESC, v.name_pinyin, v.id LIMIT 100`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan).not.toContain('TEMP B-TREE');
  });
});
