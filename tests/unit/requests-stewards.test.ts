import { describe, expect, it } from 'vitest';
import { hasPoppler, pdfPages, pdfText } from './pdf-text';
import { requestsFixture } from './requests-fixture';

/** The fixture with two stewards on 3号楼: one agreed to a full phone on the card, one did not. */
async function stewards() {
  const t = await requestsFixture();
  await t.grid();
  const li = await t.member('李建国', { phone: '13912340001' });
  const wang = await t.member('王秀英', { phone: '13912340002' });
  const a = await t.call('requests.createSteward', { memberId: li.id, duty: '楼栋长', phonePublic: true, buildingIds: [t.building.id, t.building2.id] });
  const b = await t.call('requests.createSteward', { memberId: wang.id, duty: null, phonePublic: false, buildingIds: [t.building.id] });
  return { ...t, li, wang, a, b };
}

describe('红色小管家', () => {
  it('are members in the register looking after buildings, listed with the phone masked', async () => {
    const { call, a, b, community } = await stewards();
    expect(a).toMatchObject({ name: '李建国', orgName: '阳光小区党支部', duty: '楼栋长', phonePublic: true, phone: '139****0001', active: true });
    expect(a.buildings.map((x) => `${x.estateName}${x.name}`)).toEqual(['阳光小区3号楼', '阳光小区5号楼']);
    const list = await call('requests.listStewards', { communityId: community.id });
    expect(list.map((s) => s.name)).toEqual(['李建国', '王秀英']);
    expect(list.map((s) => s.phone)).toEqual(['139****0001', '139****0002']);
    expect(JSON.stringify(list)).not.toContain('13912340001');
    expect(b.phonePublic).toBe(false);
  });

  it('refuse a second record of the same member, a member no longer in the register, and a place that is not a building — writing nothing', async () => {
    const t = await stewards();
    const zhao = await t.member('赵国强');
    await t.call('party.transferOut', { id: zhao.id, on: '2026-11-01', to: '区教育局机关党委', note: '工作调动' });
    const sun = await t.member('孙丽');
    const audits = await t.auditCount();
    expect(await t.attempt('requests.createSteward', { memberId: t.li.id, buildingIds: [t.building2.id] }))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'STEWARD_EXISTS', message: '李建国已经是红色小管家，请在原记录中增加联系的楼栋' } });
    expect(await t.attempt('requests.createSteward', { memberId: zhao.id, buildingIds: [t.building.id] }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'memberId', message: '赵国强已不在册，不能担任红色小管家' }] } });
    expect(await t.attempt('requests.createSteward', { memberId: sun.id, buildingIds: [] }))
      .toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'buildingIds', message: '请至少选择一栋联系的楼栋' }] } });
    expect(await t.attempt('requests.createSteward', { memberId: sun.id, buildingIds: [t.estate.id] }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'buildingIds', message: '只能选择楼栋' }] } });
    expect(await t.auditCount()).toBe(audits);
    expect(await t.call('requests.listStewards', { communityId: null })).toHaveLength(2);
  });

  it.skipIf(!hasPoppler)('print one 楼栋公示卡 per building: full phone only where agreed, a member who left not on it, the print audited', async () => {
    const t = await stewards();
    const zhao = await t.member('赵国强', { phone: '13912340003' });
    await t.call('requests.createSteward', { memberId: zhao.id, phonePublic: true, buildingIds: [t.building.id] });
    await t.call('party.transferOut', { id: zhao.id, on: '2026-11-01', to: '区教育局机关党委', note: '工作调动' });
    const file = await t.call('requests.printBuildingCards', { buildingIds: [t.building2.id, t.building.id] });
    expect(file.fileName).toBe('红色小管家-楼栋公示-2栋.pdf');
    expect(pdfPages(file.contentBase64)).toBe(2);
    const [first, second] = pdfText(file.contentBase64).split('\f');
    // estate and building order, whatever order they were picked in
    expect(first).toContain('西里社区 · 阳光小区 3号楼');
    expect(first).toMatch(/第一网格\s+网格员：刘晓梅\s+电话：13912345678/);
    expect(first).toMatch(/李建国\s+阳光小区党支部\s+楼栋长\s+13912340001/);
    expect(first).toMatch(/王秀英\s+阳光小区党支部\s+—\s+139\*\*\*\*0002/);
    expect(first).not.toContain('13912340002');
    expect(first).not.toContain('赵国强');
    expect(second).toContain('西里社区 · 阳光小区 5号楼');
    expect(second).toContain('本楼栋尚未划入网格');
    expect(second).toContain('李建国');
    expect(second).not.toContain('王秀英');
    const audit = (await t.call('system.listAudit', {})).rows[0]!;
    expect(audit).toMatchObject({ action: 'print', entity: 'building_cards' });
    expect(JSON.parse(audit.after!)).toEqual({ buildings: ['阳光小区3号楼', '阳光小区5号楼'], stewards: 3, fullPhones: 2 });
  });
});

describe('the 问题墙 notice', () => {
  it.skipIf(!hasPoppler)('lists the requests publicised in the period — never the reporter — and not one that was reopened', async () => {
    const t = await requestsFixture();
    const east = await t.call('party.createPlace', { kind: 'community', name: '东里社区' });
    const walk = async (extra: Record<string, unknown>, rating: string | null) => {
      const r = await t.report(extra);
      await t.step(r.id, 'sorted', { category: 'facilities', urgency: 'normal' });
      await t.step(r.id, 'assigned', { handlerKind: 'property_company', handlerName: '阳光物业' });
      await t.step(r.id, 'done', { doneOn: '2026-12-02', result: '已更换灯泡并检修线路' });
      await t.step(r.id, 'publicised', { publicisedOn: '2026-12-02' });
      if (rating) await t.step(r.id, 'evaluated', { rating });
      return r;
    };
    await walk({}, 'satisfied');
    await walk({ content: '小区东门路灯坏了', reporterName: '陈桂芳', reporterPhone: '13700001111' }, null);
    const reopened = await walk({ content: '垃圾清运不及时' }, 'unsatisfied');
    await t.step(reopened.id, 'assigned', { handlerKind: 'community', handlerName: '西里社区' });
    await walk({ placeId: east.id, content: '东里社区的诉求' }, 'satisfied');
    const file = await t.call('requests.printProblemWall', { communityId: t.community.id, from: '2026-12-01', to: '2026-12-31' });
    expect(file.fileName).toBe('问题墙-群众诉求办理情况公示-西里社区-2026-12-01至2026-12-31.pdf');
    const text = pdfText(file.contentBase64);
    expect(text).toContain('西里社区');
    expect(text).toMatch(/1\s+居民来访\s+【西里社区 阳光小区 3号楼】3号楼 2 单元楼道灯不亮\s+已更换灯泡并检修线路\s+已回访\s+满意/);
    expect(text).toMatch(/小区东门路灯坏了\s+已更换灯泡并检修线路\s+已办结\s+待回访/);
    for (const hidden of ['张秀兰', '陈桂芳', '13812345678', '13700001111', '垃圾清运不及时', '东里社区的诉求']) expect(text).not.toContain(hidden);
    const street = pdfText((await t.call('requests.printProblemWall', { communityId: null, from: '2026-12-01', to: '2026-12-31' })).contentBase64);
    expect(street).toContain('东里社区的诉求');
    expect(await t.attempt('requests.printProblemWall', { communityId: null, from: '2026-12-31', to: '2026-12-01' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'to', message: '结束日期不能早于开始日期' }] } });
  });
});
