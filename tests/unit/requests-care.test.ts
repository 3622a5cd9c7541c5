import { describe, expect, it } from 'vitest';
import { requestsFixture } from './requests-fixture';

/** The fixture's community with a member to pair with households and an old lady living alone in 3号楼 (registered 11-20). */
async function careFixture() {
  const t = await requestsFixture();
  const li = await t.member('李建国');
  const household = (extra: Record<string, unknown> = {}) =>
    t.call('requests.createCare', {
      buildingId: t.building.id, room: '2单元302', category: 'elderly_alone', colour: 'red', personName: '赵桂芳', personPhone: '13812345678',
      idNumber: '13010419400512102X', situation: '独居，腿脚不便', memberId: li.id, registeredOn: '2026-11-20', ...extra,
    });
  const visit = (householdId: string, extra: Record<string, unknown> = {}) =>
    t.call('requests.addVisit', { householdId, visitedOn: '2026-12-02', visitorMemberId: li.id, content: '送米面油，检查燃气', ...extra });
  const due = async () => (await t.call('requests.getTodos', {})).careVisitsDue;
  return { ...t, li, household, visit, due };
}

describe('重点关爱户', () => {
  it('are registered under a building with the member paired, and the person is masked in every answer and the audit log', async () => {
    const t = await careFixture();
    const h = await t.household();
    expect(h).toMatchObject({
      personName: '赵**', personPhone: '138****5678', idNumber: '130104********102X', estateName: '阳光小区', buildingName: '3号楼',
      room: '2单元302', communityName: '西里社区', memberName: '李建国', memberOrgName: '阳光小区党支部', visitCount: 0, visits: [],
    });
    const list = await t.call('requests.listCare', {});
    expect(list.total).toBe(1);
    expect(JSON.stringify(list.rows)).not.toMatch(/赵桂芳|13812345678|13010419400512102X/);
    // Corrected from the form, which sees them masked and leaves them blank: what is stored stays.
    const moved = await t.call('requests.updateCare', { id: h.id, buildingId: t.building2.id, category: 'elderly_alone', colour: 'yellow', memberId: t.li.id, registeredOn: '2026-11-20' });
    expect(moved).toMatchObject({ buildingName: '5号楼', colour: 'yellow', personName: '赵**', personPhone: '138****5678', idNumber: '130104********102X', room: null });
    // The pairing ends without the household: 不再结对.
    expect(await t.call('requests.updateCare', { id: h.id, buildingId: t.building2.id, category: 'elderly_alone', colour: 'yellow', memberId: null, registeredOn: '2026-11-20' }))
      .toMatchObject({ memberId: null, memberName: null, personName: '赵**' });
    expect(await t.call('requests.revealCare', { id: h.id, field: 'personName', reason: '核对低保材料' })).toEqual({ value: '赵桂芳' });
    const audit = (await t.call('system.listAudit', {})).rows;
    expect(JSON.stringify(audit)).not.toMatch(/赵桂芳|13812345678|13010419400512102X/);
    expect(audit.find((a) => a.action === 'reveal')).toMatchObject({ entity: 'care_household', entityId: h.id });
    expect(JSON.stringify(audit.find((a) => a.action === 'reveal'))).toMatch(/核对低保材料/);
  });

  it('reveal a full value only to a reviewer or administrator, with a reason; a clerk is refused and nothing is logged', async () => {
    const t = await careFixture();
    const h = await t.household();
    const clerk = await t.signInAs('entry', '李娜');
    const reviewer = await t.signInAs('reviewer', '赵敏');
    const audits = await t.auditCount();
    expect(await t.core.dispatch('requests.revealCare', { id: h.id, field: 'personPhone', reason: '上门联系' }, clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.attempt('requests.revealCare', { id: h.id, field: 'idNumber', reason: ' ' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'reason', message: '请填写查看原因' }] } });
    expect(await t.auditCount()).toBe(audits);
    expect(await t.callAs(reviewer, 'requests.revealCare', { id: h.id, field: 'idNumber', reason: '办理残疾证' })).toEqual({ value: '13010419400512102X' });
    // The clerk still enters visits and households: masked.
    expect((await t.callAs(clerk, 'requests.addVisit', { householdId: h.id, visitedOn: '2026-12-02', visitorName: '刘晓梅', content: '电话问候' })).personName).toBe('赵**');
  });

  it('are on 今日待办 from the day after their colour’s interval, counted from the last visit or the registration', async () => {
    const t = await careFixture();
    const red = await t.household(); // registered 11-20, red every 7 days: due by 11-27, late now (12-02)
    await t.household({ personName: '钱学文', colour: 'green', category: 'disabled', registeredOn: '2026-11-20' }); // 90 days
    expect(await t.due()).toBe(1);
    const listed = await t.call('requests.listCare', { dueOnly: true });
    expect(listed.rows.map((r) => [r.id, r.nextVisitOn, r.visitDue])).toEqual([[red.id, '2026-11-27', true]]);

    expect(await t.visit(red.id)).toMatchObject({ lastVisitOn: '2026-12-02', nextVisitOn: '2026-12-09', visitDue: false, visitCount: 1 });
    expect(await t.due()).toBe(0);
    t.onDay('2026-12-09');
    expect(await t.due()).toBe(0); // met on the day itself
    t.onDay('2026-12-10');
    expect(await t.due()).toBe(1);
    expect((await t.call('requests.listCare', { dueOnly: true })).rows.map((r) => r.visitDue)).toEqual([true]);

    // The interval is a setting: red every 14 days puts the next visit on 12-16.
    const settings = await t.call('requests.getSettings', {});
    await t.call('requests.updateSettings', { ...settings, careVisitDays: { ...settings.careVisitDays, red: 14 } });
    expect(await t.due()).toBe(0);
    expect((await t.call('requests.getCare', { id: red.id })).nextVisitOn).toBe('2026-12-16');
    // A household no longer cared for is off the list, its visits kept.
    t.onDay('2026-12-20');
    expect(await t.due()).toBe(1);
    const closed = await t.call('requests.closeCare', { id: red.id, closedOn: '2026-12-20', reason: '随子女迁居外地' });
    expect(closed).toMatchObject({ closedOn: '2026-12-20', nextVisitOn: null, visitDue: false, visitCount: 1 });
    expect(await t.due()).toBe(0);
    expect((await t.call('requests.listCare', {})).total).toBe(1);
    expect((await t.call('requests.listCare', { includeClosed: true })).total).toBe(2);
  });

  it('log visits append-only: a correction is a new entry naming the wrong one, which stays readable and no longer counts', async () => {
    const t = await careFixture();
    const h = await t.household();
    const first = await t.visit(h.id, { visitedOn: '2026-12-01', followUp: '下周送药' });
    const wrongId = first.visits[0]!.id;
    // Typed as 12-01 but the visit was on 11-25: corrected, it no longer keeps the household off the list.
    const corrected = await t.call('requests.correctVisit', { correctsId: wrongId, visitedOn: '2026-11-25', visitorName: '刘晓梅', content: '送米面油，检查燃气', reason: '日期录错' });
    expect(corrected.visits).toMatchObject([
      { visitedOn: '2026-12-01', correctedBy: corrected.visits[1]!.id, followUp: '下周送药', visitorName: '李建国' },
      { visitedOn: '2026-11-25', correctsId: wrongId, correctionReason: '日期录错', correctedBy: null, visitorName: '刘晓梅' },
    ]);
    expect(corrected).toMatchObject({ lastVisitOn: '2026-11-25', nextVisitOn: '2026-12-02', visitCount: 1, visitDue: false });
    t.onDay('2026-12-03');
    expect(await t.due()).toBe(1);
    const audits = await t.auditCount();
    expect(await t.attempt('requests.correctVisit', { correctsId: wrongId, visitedOn: '2026-11-26', visitorName: '刘晓梅', content: '再改', reason: '又错了' }))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'VISIT_CORRECTED' } });
    expect(await t.auditCount()).toBe(audits);
    expect((await t.call('requests.getCare', { id: h.id })).visits).toHaveLength(2);
  });

  it('refuse what would be wrong, in Chinese on the field, writing nothing', async () => {
    const t = await careFixture();
    const zhao = await t.member('赵国强');
    await t.call('party.transferOut', { id: zhao.id, on: '2026-11-01', to: '区教育局机关党委', note: '工作调动' });
    const h = await t.household();
    await t.call('requests.closeCare', { id: h.id, closedOn: '2026-12-01', reason: '已去世' });
    const audits = await t.auditCount();
    const base = { buildingId: t.building.id, category: 'disabled', colour: 'yellow', personName: '钱学文', registeredOn: '2026-12-01' };
    expect(await t.attempt('requests.createCare', { ...base, buildingId: t.estate.id }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'buildingId', message: '请选择楼栋（来自“楼栋与小区”）' }] } });
    expect(await t.attempt('requests.createCare', { ...base, memberId: zhao.id }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'memberId', message: '赵国强已不在册，不能结对帮扶' }] } });
    expect(await t.attempt('requests.createCare', { ...base, personName: '' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'personName', message: '请填写姓名' }] } });
    expect(await t.attempt('requests.createCare', { ...base, idNumber: '130104194005121021' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'idNumber', message: '身份证号校验位不正确，请核对' }] } });
    expect(await t.attempt('requests.addVisit', { householdId: h.id, visitedOn: '2026-12-02', visitorName: '刘晓梅', content: '问候' }))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'CARE_CLOSED', message: '赵**已于 2026-12-01 停止关爱，不能再修改或登记走访' } });
    expect(await t.attempt('requests.addVisit', { householdId: h.id, visitedOn: '2026-12-02', content: '问候' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'visitorName', message: '请选择走访的党员，或填写走访人' }] } });
    expect(await t.attempt('requests.addVisit', { householdId: h.id, visitedOn: '2026-12-09', visitorName: '刘晓梅', content: '问候' }))
      .toMatchObject({ ok: false, error: { code: 'VALIDATION' } }); // a visit still to come
    expect(await t.auditCount()).toBe(audits);
    expect((await t.call('requests.listCare', { includeClosed: true })).total).toBe(1);
  });
});
