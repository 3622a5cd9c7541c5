import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { listMembers } from '../../db/party/members';
import { idNumber } from '../../scripts/lib/people';
import { fixedClock, inMoment, tempDir } from './helpers';
import { partyFixture } from './party-fixture';
import { recorded } from './query-plan';

describe('member register', () => {
  it('refuses a wrong ID check digit with a Chinese field error and saves nothing', async () => {
    const { call, attempt, branch } = await partyFixture();
    const good = idNumber('130104', '1970-01-01', 3, 'male');
    const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const env = await attempt('party.createMember', {
      name: '张三', gender: 'male', idNumber: bad, joinedOn: '2000-07-01', status: 'full', category: 'community', orgId: branch.id,
    });
    expect(env).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'idNumber', message: '身份证号校验位不正确，请核对' }] } });
    expect((await call('party.listMembers', {})).total).toBe(0);
  });

  it('checks that birth date, gender and joining age agree with the ID number', async () => {
    const { attempt, branch } = await partyFixture();
    const id = idNumber('130104', '1990-06-01', 5, 'female');
    const env = await attempt('party.createMember', {
      name: '李梅', gender: 'male', idNumber: id, birthDate: '1990-06-02', joinedOn: '2005-07-01', status: 'full', category: 'community', orgId: branch.id,
    });
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.error.fields!.map((f) => f.path).sort()).toEqual(['birthDate', 'gender', 'joinedOn']);
  });

  it('fills the birth date from the ID number and masks ID and phone', async () => {
    const { call, branch } = await partyFixture();
    const id = idNumber('130104', '1975-03-09', 9, 'female');
    const m = await call('party.createMember', {
      name: '王芳', gender: 'female', idNumber: id, phone: '139 1234 5678', joinedOn: '2001.7.1', status: 'full', category: 'community', orgId: branch.id,
    });
    expect(m.birthDate).toBe('1975-03-09');
    expect(m.joinedOn).toBe('2001-07-01');
    expect(m.idNumberMasked).toBe(`${id.slice(0, 6)}********${id.slice(14)}`);
    expect(m.phoneMasked).toBe('139****5678');
    expect(JSON.stringify(await call('party.listMembers', {}))).not.toContain(id);
  });

  it('refuses the same ID number twice', async () => {
    const { attempt, member, branch } = await partyFixture();
    const first = await member('张三');
    void first;
    const again = await attempt('party.createMember', {
      name: '张三', gender: 'male', idNumber: idNumber('130104', '1968-05-12', 1, 'male'), joinedOn: '1995-07-01', status: 'full', category: 'community',
      orgId: branch.id,
    });
    expect(again).toMatchObject({ ok: false, error: { fields: [{ path: 'idNumber' }] } });
  });

  it('asks in-service members for their work unit and records it', async () => {
    const { attempt, member } = await partyFixture();
    const env = await attempt('party.createMember', { name: '周六', gender: 'male', joinedOn: '2010-07-01', status: 'full', category: 'in_service', orgId: 'x' });
    expect(env).toMatchObject({ ok: false, error: { fields: expect.arrayContaining([{ path: 'workUnit', message: '在职党员请填写工作单位' }]) } });
    const m = await member('吴七', { category: 'in_service', workUnit: '市第一医院', reportedOn: '2024-03-05' });
    expect(m.workUnit).toBe('市第一医院');
  });

  it('reveals a full ID number only on request, and logs that it was seen', async () => {
    const { call, member } = await partyFixture();
    const m = await member('郑八');
    const { value } = await call('party.revealMember', { id: m.id, field: 'idNumber', reason: '核对党费缴纳' });
    expect(value).toBe(idNumber('130104', '1968-05-12', 1, 'male'));
    const audit = await call('system.listAudit', { entity: 'member', entityId: m.id });
    expect(audit.rows[0]).toMatchObject({ action: 'reveal', operator: '王芳' });
    expect(audit.rows[0]!.after).toContain('idNumber');
    expect(audit.rows[0]!.after).not.toContain(value);
    expect(JSON.parse(audit.rows[0]!.after!)).toEqual({ field: 'idNumber', reason: '核对党费缴纳' });
    await expect(call('party.revealMember', { id: m.id, field: 'idNumber', reason: ' ' })).rejects.toThrow('请填写查看原因');
  });

  it('keeps transferred-out and deceased members as history, never deleting them', async () => {
    const { call, attempt, member, branch } = await partyFixture({ clock: fixedClock() }); // dated 2026
    const a = await member('陈一');
    const b = await member('陈二');
    await call('party.transferOut', { id: a.id, on: '2026-03-01', to: '区教育局机关党委', note: '工作调动' });
    await call('party.markDeceased', { id: b.id, on: '2026-04-02' });
    expect((await call('party.listMembers', {})).total).toBe(0);
    const all = await call('party.listMembers', { lifecycle: 'all' });
    expect(all.rows.map((r) => [r.name, r.lifecycle])).toEqual([['陈二', 'deceased'], ['陈一', 'transferred_out']]);
    const detail = await call('party.getMember', { id: a.id });
    expect(detail.events.map((e) => e.kind)).toEqual(['transfer_out', 'created']);
    expect(await attempt('party.updateMember', { ...detail.member, id: a.id, keepIdNumber: true, keepPhone: true })).toMatchObject({ ok: false, error: { reason: 'MEMBER_NOT_ACTIVE' } });
    // Transferred back later: the same record returns, its history intact.
    await call('party.readmitMember', { id: a.id, orgId: branch.id, on: '2026-09-01', from: '区教育局机关党委' });
    expect((await call('party.getMember', { id: a.id })).events.map((e) => e.kind)).toEqual(['readmitted', 'transfer_out', 'created']);
  });

  it('turns a probationary member full, after which the status is fixed', async () => {
    const { call, attempt, member } = await partyFixture({ clock: fixedClock() }); // dated 2025–2026
    const p = await member('孙预备', { status: 'probationary', joinedOn: '2025-06-01' });
    const early = await attempt('party.becomeFull', { id: p.id, on: '2025-05-01' });
    expect(early).toMatchObject({ ok: false, error: { fields: [{ path: 'on' }] } });
    const full = await call('party.becomeFull', { id: p.id, on: '2026-06-01' });
    expect(full).toMatchObject({ status: 'full', fullOn: '2026-06-01' });
    expect(await attempt('party.becomeFull', { id: p.id, on: '2026-06-02' })).toMatchObject({ ok: false, error: { reason: 'ALREADY_FULL' } });
  });

  it('edits a member without re-typing the masked ID number', async () => {
    const { call, member, group } = await partyFixture();
    const m = await member('冯九');
    const { member: view } = await call('party.getMember', { id: m.id });
    const updated = await call('party.updateMember', {
      ...view, id: m.id, orgId: group.id, address: '3号楼2单元501', keepIdNumber: true, keepPhone: true, idNumber: null, phone: null,
    });
    expect(updated.address).toBe('3号楼2单元501');
    expect(updated.idNumberMasked).toBe(m.idNumberMasked);
    expect((await call('party.getMember', { id: m.id })).events[0]!.kind).toBe('org_changed');
  });

  it('lists in pinyin order and finds people by initials, full pinyin or name', async () => {
    const { call, member } = await partyFixture();
    for (const name of ['张三', '詹天佑', '李四', '赵六', '张三丰']) await member(name);
    const all = await call('party.listMembers', {});
    expect(all.rows.map((r) => r.name)).toEqual(['李四', '詹天佑', '张三', '张三丰', '赵六']);
    expect((await call('party.listMembers', { q: 'zs' })).rows.map((r) => r.name)).toEqual(['张三', '张三丰']);
    expect((await call('party.listMembers', { q: 'ZSF' })).rows.map((r) => r.name)).toEqual(['张三丰']);
    expect((await call('party.listMembers', { q: 'zhang' })).rows.map((r) => r.name)).toEqual(['张三', '张三丰']);
    expect((await call('party.listMembers', { q: '詹' })).rows.map((r) => r.name)).toEqual(['詹天佑']);
    const hits = await call('system.search', { q: 'zty' });
    expect(hits).toEqual([expect.objectContaining({ kind: 'member', title: '詹天佑', subtitle: '阳光小区党支部' })]);
    const page = await call('party.listMembers', { offset: 2, limit: 2 });
    expect(page).toMatchObject({ total: 5, rows: [{ name: '张三' }, { name: '张三丰' }] });
  });

  it('finds people by the end or the whole of an ID number or phone, and by full pinyin typed without spaces', async () => {
    const { call, member } = await partyFixture();
    const fullA = idNumber('130104', '1968-05-12', 101, 'male');
    const a = await member('张三', { idNumber: fullA, phone: '13912345678' });
    const b = await member('张三丰', { idNumber: idNumber('130104', '1970-03-01', 7, 'male'), phone: '13800005678' });
    await member('李四', { phone: null });
    const idA = a.idNumberMasked.slice(-4);
    const names = async (q: string) => (await call('party.listMembers', { q })).rows.map((r) => r.name).sort();
    expect(await names(fullA)).toEqual(['张三']);
    expect(await names(fullA.slice(-6))).toEqual(['张三']);
    expect(await names(idA)).toEqual(['张三']);
    expect(await names('13912345678')).toEqual(['张三']);
    expect(await names('5678')).toEqual(['张三', '张三丰']);
    expect(await names('05678')).toEqual(['张三丰']);
    expect(await names('567')).toEqual([]);
    expect(await names('zhangsan')).toEqual(['张三', '张三丰']);
    expect(await names('zhang san feng')).toEqual(['张三丰']);
    expect(await names('zhangsanf')).toEqual(['张三丰']);
    // Ctrl+K: the person, named by their unit only, never by the number that found them.
    const hits = await call('system.search', { q: '13800005678' });
    expect(hits).toEqual([{ kind: 'member', id: b.id, title: '张三丰', subtitle: '阳光小区党支部' }]);
    expect(JSON.stringify(await call('party.listMembers', { q: '5678' }))).not.toMatch(/13912345678|13800005678/);
    expect((await call('system.search', { q: 'zhangsanf' })).map((h) => h.title)).toEqual(['张三丰']);
  });

  it('reads a number or pinyin search from its indexes, not by scanning the register', async () => {
    const db = await inMoment(() => openDatabase(path.join(tempDir(), 'x.sqlite')));
    const base = { orgPath: null, category: null, status: null, role: null, lifecycle: 'active', centreOnly: false, sort: 'pinyin', offset: 0, limit: 50 } as const;
    for (const [q, indexes] of [['5678', ['members_id_tail', 'members_phone_tail']], ['13912345678', ['members_id_tail', 'members_phone_tail']], ['zhangsan', ['members_initials', 'members_pinyin_joined']]] as const) {
      const r = recorded(db);
      listMembers(r.spy, { ...base, q });
      for (const i of [0, 1]) {
        for (const index of indexes) expect(r.plan(i), q).toContain(`INDEX ${index}`);
        expect(r.plan(i), q).not.toMatch(/SCAN m\b/);
      }
    }
  });

  it('links centre households to the households they serve', async () => {
    const { call, attempt, member } = await partyFixture();
    const plain = await member('钱十');
    expect(await attempt('party.setServedHouseholds', { memberId: plain.id, households: [{ household: '3-1-101' }] })).toMatchObject({ ok: false, error: { reason: 'NOT_CENTRE_HOUSEHOLD' } });
    const centre = await member('孙十一', { isCentreHousehold: true });
    await call('party.setServedHouseholds', { memberId: centre.id, households: [{ household: '3号楼1单元101', headName: '刘大爷' }, { household: '3号楼1单元102' }] });
    expect((await call('party.getMember', { id: centre.id })).households.map((h) => h.household)).toEqual(['3号楼1单元101', '3号楼1单元102']);
    expect((await call('party.listMembers', { centreOnly: true })).rows.map((r) => r.name)).toEqual(['孙十一']);
  });
});
