import { describe, expect, it } from 'vitest';
import { elevatorFixture, REG_CODE } from './elevator-fixture';

const codes = (e: { warnings: { code: string }[] }) => e.warnings.map((w) => w.code);
const fieldsOf = (env: unknown) => (env as { error: { fields?: { path: string; message: string }[] } }).error.fields ?? [];

describe('the elevator register', () => {
  it('saves a code that looks wrong, with the warnings that say which part', async () => {
    const { elevator, call } = await elevatorFixture();
    const good = await elevator();
    expect(good.regCodeWarnings).toEqual([]);
    expect(good).toMatchObject({ regCode: REG_CODE, contractPrice: 35000, speed: 175, estateName: '阳光小区', buildingName: '3号楼' });
    const cases: [string, string][] = [
      ['21603101012006010101', 'category'],
      ['31104201022015130123', 'month'],
      ['3110 4201 0220 1506 012', 'format'], // spaces dropped, 19 digits
      ['311042010220150601２A', 'format'], // full-width digit and a letter
    ];
    for (const [code, part] of cases) {
      const saved = await elevator({ regCode: code, carLabel: code.slice(-3) });
      expect(saved.regCodeWarnings.map((w) => w.part), code).toEqual([part]);
      expect((await call('elevator.getElevator', { id: saved.id })).regCodeWarnings).toEqual(saved.regCodeWarnings);
    }
    expect((await call('elevator.listElevators', {})).total).toBe(5);
  });

  it('refuses bad input with Chinese field messages and writes nothing', async () => {
    const { attempt, estate, building, community, auditCount } = await elevatorFixture();
    const before = await auditCount();
    const env = await attempt('elevator.createElevator', {
      estateId: estate.id, buildingId: building.id, regCode: ' ', type: 'rocket', status: 'in_service', speed: '30',
      contractPrice: '350.123', contractStartsOn: '2026-06-01', contractEndsOn: '2026-01-01', intervalDays: 0, floors: 1,
    });
    expect(env.ok).toBe(false);
    expect(Object.fromEntries(fieldsOf(env).map((f) => [f.path, f.message]))).toEqual({
      regCode: '请填写注册代码',
      type: '请选择电梯类型',
      speed: '额定速度应为 0.01–20 之间的数，单位米/秒，例如 1.75',
      contractPrice: '每月维保费最多两位小数（到分）',
      contractEndsOn: '合同结束日期不能早于开始日期',
      intervalDays: '维保间隔至少为 1',
      floors: '层站数至少为 2',
    });
    const wrongPlace = await attempt('elevator.createElevator', { estateId: community.id, buildingId: building.id, regCode: REG_CODE, type: 'passenger', status: 'in_service' });
    expect(fieldsOf(wrongPlace)).toEqual([{ path: 'estateId', message: '请选择小区（小区在“组织与地点”中登记）' }]);
    expect(await auditCount()).toBe(before);
  });

  it('refuses a code already registered, naming the elevator', async () => {
    const { elevator, attempt, estate, building } = await elevatorFixture();
    await elevator();
    const env = await attempt('elevator.createElevator', { estateId: estate.id, buildingId: building.id, regCode: REG_CODE, type: 'passenger', status: 'in_service' });
    expect(fieldsOf(env)).toEqual([{ path: 'regCode', message: '这个注册代码已登记为阳光小区3号楼1号梯的电梯' }]);
  });
});

describe('maintenance records and the warnings they clear', () => {
  it('a new elevator is overdue; an unsigned record does not clear it, the sign-off does', async () => {
    const { elevator, call, signed } = await elevatorFixture();
    const e = await elevator();
    expect(codes(e)).toContain('maintenance_overdue');
    expect((await call('elevator.getTodos', {})).maintenanceOverdue).toBe(1);
    const record = await call('elevator.createMaintenance', { elevatorId: e.id, doneOn: '2026-12-01', kind: 'half_monthly', company: signed.company, worker1: '李师傅', worker2: '赵师傅', items: ['A1-01', 'A1-31'] });
    expect(codes(await call('elevator.getElevator', { id: e.id }))).toContain('maintenance_overdue');
    await call('elevator.updateMaintenance', { ...record, signedBy: '陈安全', signedOn: '2026-12-02' });
    const after = await call('elevator.getElevator', { id: e.id });
    expect(codes(after)).not.toContain('maintenance_overdue');
    expect(after).toMatchObject({ lastRoutineOn: '2026-12-01', routineDueOn: '2026-12-16' });
    expect((await call('elevator.getTodos', {})).maintenanceOverdue).toBe(0);
    const audit = await call('system.listAudit', {});
    expect(audit.rows[0]).toMatchObject({ action: 'sign_off', entity: 'elevator_maintenance' });
  });

  it('goes overdue on day 16 after the last record, on the core’s today', async () => {
    const { elevator, maintenance, call, at } = await elevatorFixture();
    const e = await elevator();
    await maintenance(e.id, '2026-12-01');
    at('2026-12-16T23:59:00');
    expect(codes(await call('elevator.getElevator', { id: e.id }))).not.toContain('maintenance_overdue');
    at('2026-12-17T00:00:00');
    expect((await call('elevator.getElevator', { id: e.id })).warnings[0]).toEqual({ code: 'maintenance_overdue', message: '距上次维保已 16 天（间隔 15 天）' });
  });

  it('self-inspection counts for its year only: 12-31 at 23:59 and 01-01 at 00:00 in Beijing', async () => {
    const { elevator, maintenance, call, at } = await elevatorFixture();
    const e = await elevator();
    await maintenance(e.id, '2026-12-01', { kind: 'self_inspection', worker2: null });
    at('2026-12-31T23:59:00');
    expect(codes(await call('elevator.getElevator', { id: e.id }))).not.toContain('self_inspection_missing');
    at('2027-01-01T00:00:00');
    expect(codes(await call('elevator.getElevator', { id: e.id }))).toContain('self_inspection_missing');
  });

  it('a periodic inspection moves the next inspection date forward from its certificate', async () => {
    const { elevator, maintenance, call } = await elevatorFixture();
    const e = await elevator({ nextInspectionOn: '2026-12-20' });
    expect(codes(e)).toContain('inspection_due');
    expect((await call('elevator.getTodos', {})).inspectionDue).toBe(1);
    await maintenance(e.id, '2026-12-01', { kind: 'periodic_inspection', result: 'pass', nextInspectionOn: '2027-12-20', worker2: null });
    const after = await call('elevator.getElevator', { id: e.id });
    expect(after.nextInspectionOn).toBe('2027-12-20');
    expect(codes(after)).not.toContain('inspection_due');
    expect((await call('elevator.getTodos', {})).inspectionDue).toBe(0);
  });

  it('a signed-off record is neither changed nor deleted', async () => {
    const { elevator, maintenance, attempt } = await elevatorFixture();
    const e = await elevator();
    const r = await maintenance(e.id, '2026-12-01');
    for (const [channel, input] of [['elevator.updateMaintenance', { ...r, findings: '补记' }], ['elevator.deleteMaintenance', { id: r.id }]] as const) {
      expect(await attempt(channel, input)).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'MAINTENANCE_SIGNED' } });
    }
  });

  it('refuses bad records with Chinese field messages', async () => {
    const { elevator, attempt } = await elevatorFixture();
    const e = await elevator();
    const env = await attempt('elevator.createMaintenance', {
      elevatorId: e.id, doneOn: '2026-12-01', kind: 'quarterly', company: '江城电梯', worker1: '李师傅', worker2: '',
      items: ['Z9-99'], signedBy: '陈安全', signedOn: '2026-11-30', nextInspectionOn: '2027-12-01',
    });
    expect(Object.fromEntries(fieldsOf(env).map((f) => [f.path, f.message]))).toEqual({
      worker2: '例行维保应有两名维保人员在场，请填写第二名',
      items: '维保项目 Z9-99 不在 TSG T5002 项目表中',
      signedOn: '签认日期不能早于维保日期',
      nextInspectionOn: '只有定期检验记录填写下次检验日期',
    });
    const future = await attempt('elevator.createMaintenance', { elevatorId: e.id, doneOn: '2027-01-05', kind: 'repair', company: '江城电梯', worker1: '李师傅' });
    expect(fieldsOf(future)).toEqual([{ path: 'doneOn', message: '维保日期不能晚于今天' }]);
    const noResult = await attempt('elevator.createMaintenance', { elevatorId: e.id, doneOn: '2026-12-01', kind: 'periodic_inspection', company: '特检院', worker1: '王工' });
    expect(fieldsOf(noResult)).toEqual([{ path: 'result', message: '请选择检验结论' }]);
  });

  it('an elevator with records is not deleted', async () => {
    const { elevator, maintenance, attempt, call } = await elevatorFixture();
    const e = await elevator();
    await maintenance(e.id, '2026-12-01');
    expect(await attempt('elevator.deleteElevator', { id: e.id })).toMatchObject({ ok: false, error: { reason: 'ELEVATOR_HAS_RECORDS' } });
    const spare = await elevator({ regCode: '31104201022015060124', carLabel: '2号梯' });
    await call('elevator.deleteElevator', { id: spare.id });
    expect((await call('elevator.listElevators', {})).total).toBe(1);
  });
});

describe('faults and entrapments', () => {
  const trapped = { peopleTrapped: 2, cause: 'door', rescuer: '江城电梯 李师傅' } as const;

  it('times are read as typed, arrival and release on the alarm day when only a time is given', async () => {
    const { elevator, call } = await elevatorFixture();
    const e = await elevator();
    const f = await call('elevator.createFault', { elevatorId: e.id, alarmAt: '2026-11-30 23:50', arrivedAt: '2026-12-01 00:25', releasedAt: '2026-12-01 00:40', ...trapped });
    expect(f).toMatchObject({ responseMinutes: 35, trappedMinutes: 50, limitMinutes: 30, slow: true });
    const quick = await call('elevator.createFault', { elevatorId: e.id, alarmAt: '2026-12-01 14:05', arrivedAt: '14:35', releasedAt: '1450', ...trapped });
    expect(quick).toMatchObject({ arrivedAt: '2026-12-01 14:35', releasedAt: '2026-12-01 14:50', responseMinutes: 30, slow: false });
    expect((await call('elevator.getTodos', {})).slowRescues).toBe(1);
    expect((await call('elevator.listFaults', { slowOnly: true })).rows.map((r) => r.id)).toEqual([f.id]);
    expect((await call('elevator.listFaults', { elevatorId: e.id })).rows.map((r) => r.id)).toEqual([quick.id, f.id]);
  });

  it('the limit is the street’s setting: 60 minutes outside a city with districts', async () => {
    const { elevator, call } = await elevatorFixture();
    const e = await elevator();
    const f = await call('elevator.createFault', { elevatorId: e.id, alarmAt: '2026-12-01 10:00', arrivedAt: '10:45', releasedAt: '11:00', ...trapped });
    expect(f.slow).toBe(true);
    await call('elevator.updateSettings', { rescueArea: 'other', inspectionWarnDays: 30 });
    expect((await call('elevator.listFaults', {})).rows[0]).toMatchObject({ limitMinutes: 60, slow: false });
    const hour = await call('elevator.createFault', { elevatorId: e.id, alarmAt: '2026-12-01 12:00', arrivedAt: '13:00', releasedAt: '13:10', ...trapped });
    const late = await call('elevator.createFault', { elevatorId: e.id, alarmAt: '2026-12-01 15:00', arrivedAt: '16:01', releasedAt: '16:10', ...trapped });
    expect([hour.slow, late.slow]).toEqual([false, true]);
  });

  it('refuses times out of order, in the future, or missing, beside each field', async () => {
    const { elevator, attempt, auditCount } = await elevatorFixture();
    const e = await elevator();
    const before = await auditCount();
    const msgs = async (input: Record<string, unknown>) =>
      Object.fromEntries(fieldsOf(await attempt('elevator.createFault', { elevatorId: e.id, ...trapped, ...input })).map((f) => [f.path, f.message]));
    expect(await msgs({ alarmAt: '2026-12-01 14:05', arrivedAt: '14:00', releasedAt: '14:30' })).toEqual({ arrivedAt: '到达时间不能早于报警时间' });
    expect(await msgs({ alarmAt: '2026-12-01 14:05', arrivedAt: '14:20', releasedAt: '14:10' })).toEqual({ releasedAt: '解困时间不能早于到达时间' });
    expect(await msgs({ alarmAt: '2026-12-01 14:05', arrivedAt: '14:20' })).toEqual({ releasedAt: '有人被困时请填写解困时间' });
    expect(await msgs({ alarmAt: '昨天', arrivedAt: '', rescuer: '' })).toEqual({
      alarmAt: '报警时间格式不正确，例如 2026-11-30 14:05', arrivedAt: '请填写到达时间', releasedAt: '有人被困时请填写解困时间', rescuer: '请填写救援人',
    });
    // Now is 2026-12-02 04:00 in Beijing: 05:00 that day is not yet.
    expect(await msgs({ alarmAt: '2026-12-02 03:50', arrivedAt: '05:00', releasedAt: '05:10' })).toEqual({ arrivedAt: '到达时间不能晚于现在（2026-12-02 04:00）' });
    expect(await auditCount()).toBe(before);
    expect((await attempt('elevator.createFault', { elevatorId: e.id, ...trapped, peopleTrapped: 0, alarmAt: '2026-12-01 09:00', arrivedAt: '09:20' })).ok).toBe(true);
  });
});
