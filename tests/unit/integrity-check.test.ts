import { describe, expect, it } from 'vitest';
import { checkDataAtStart } from '../../main/data-check-at-start';
import { elevatorFixture, REG_CODE } from './elevator-fixture';
import { quietLog, testCore } from './helpers';
import { earlierThisYear, today, volunteerFixture } from './volunteer-fixture';

/**
 * 核对数据: maintained totals edited behind the app's back are found — which table, which row, cached against
 * recomputed — and rebuilt; a broken chain is reported.
 */

describe('核对数据', () => {
  it('finds an edited points total, names the row, and rebuilds it', async () => {
    const { call, db: connect, resident, award } = await volunteerFixture();
    const a = await resident('周杰');
    await award(a.id, 147);
    expect(await call('system.checkData', {})).toMatchObject({ consistent: true, complete: true });

    const db = connect();
    db.prepare('UPDATE points_totals SET contribution = contribution + 50000, earned = earned + 50000 WHERE volunteer_id = ? AND quarter = 0').run(a.id);
    db.prepare('DELETE FROM points_month_totals').run();
    const report = await call('system.checkData', {});
    expect(report.consistent).toBe(false);
    const person = report.totals.find((t) => t.table === 'points_totals')!;
    expect(person.differing).toBe(1);
    expect(person.rows[0]).toEqual({
      key: [
        { label: '志愿者', value: a.id, name: '周杰' },
        { label: '年度', value: Number(earlierThisYear.slice(0, 4)), name: null },
        { label: '季度（0 为全年）', value: 0, name: null },
      ],
      cached: expect.objectContaining({ contribution: 51470, earned: 51470 }),
      recomputed: expect.objectContaining({ contribution: 1470, earned: 1470 }),
    });
    const months = report.totals.find((t) => t.table === 'points_month_totals')!;
    expect(months.rows[0]).toMatchObject({ cached: null, recomputed: { contribution: 1470 } });

    expect(await call('system.repairTotals', {})).toEqual([
      { table: 'points_totals', label: '志愿者积分合计（按年、季度）', rebuilt: 1 },
      { table: 'points_month_totals', label: '全部积分合计（按月）', rebuilt: 1 },
    ]);
    expect(await call('system.checkData', {})).toMatchObject({ consistent: true });
    expect((await call('volunteer.getVolunteer', { id: a.id })).balance).toBe(1470);
    const audit = await call('system.listAudit', { entity: 'maintained_totals' });
    expect(audit.rows[0]).toMatchObject({ action: 'repair_totals', after: JSON.stringify({ points_totals: 1, points_month_totals: 1 }) });
  });

  it('checks the maintained member counts, where a count kept at 0 is no difference', async () => {
    const { call, db: connect, member, branch } = await volunteerFixture();
    const m = await member('陈明');
    await member('林红');
    await call('party.transferOut', { id: m.id, on: today, to: '东城街道' });
    expect(await call('system.checkData', {})).toMatchObject({ consistent: true });

    connect().prepare('UPDATE org_member_counts SET n = n + 3 WHERE org_id = ? AND n > 0').run(branch.id);
    const counts = (await call('system.checkData', {})).totals.find((t) => t.table === 'org_member_counts')!;
    expect(counts.rows).toEqual([
      expect.objectContaining({ key: expect.arrayContaining([{ label: '组织', value: branch.id, name: '阳光小区党支部' }]), cached: { n: 4 }, recomputed: { n: 1 } }),
    ]);
    await call('system.repairTotals', {});
    expect(await call('system.checkData', {})).toMatchObject({ consistent: true });
  });

  it('holds each elevator’s 上次维保 to its signed-off routine records, and sets it back in place', async () => {
    const { call, rawDb, elevator, maintenance } = await elevatorFixture();
    const lift = await elevator();
    await maintenance(lift.id, '2026-11-16');
    await maintenance(lift.id, '2026-11-30', { signedBy: null, signedOn: null }); // not signed off: not counted
    await call('elevator.createMaintenance', { elevatorId: lift.id, doneOn: '2026-12-01', kind: 'repair', company: '江城电梯工程有限公司', worker1: '李师傅' });
    expect((await call('system.checkData', {})).totals.find((t) => t.table === 'elevators')).toMatchObject({ checked: true, differing: 0 });

    // Someone with a database tool makes the elevator look maintained yesterday.
    rawDb().prepare("UPDATE elevators SET last_routine_on = '2026-12-01' WHERE id = ?").run(lift.id);
    const kept = (await call('system.checkData', {})).totals.find((t) => t.table === 'elevators')!;
    expect(kept).toMatchObject({ label: '电梯上次维保日期', differing: 1 });
    expect(kept.rows).toEqual([
      { key: [{ label: '电梯', value: lift.id, name: REG_CODE }], cached: { last_routine_on: '2026-12-01' }, recomputed: { last_routine_on: '2026-11-16' } },
    ]);
    expect(await call('system.repairTotals', {})).toEqual([{ table: 'elevators', label: '电梯上次维保日期', rebuilt: 1 }]);
    expect(await call('system.checkData', {})).toMatchObject({ consistent: true });
    const repaired = await call('elevator.getElevator', { id: lift.id });
    expect(repaired).toMatchObject({ regCode: REG_CODE, lastRoutineOn: '2026-11-16', routineDueOn: '2026-12-01' });
  });

  it('reports a broken chain with the entry and the kind of break', async () => {
    const { call, db: connect, resident, award } = await volunteerFixture();
    const a = await resident('郑伟');
    const e = await award(a.id, 3);
    const db = connect();
    db.exec('DROP TRIGGER points_entries_no_update');
    db.prepare('UPDATE points_entries SET amount = 3000 WHERE id = ?').run(e.id);
    const report = await call('system.checkData', {});
    expect(report.chains.find((c) => c.chain === 'points')).toMatchObject({ label: '积分台账', break: { seq: 1, kind: 'changed' } });
    expect(report.chains.find((c) => c.chain === 'audit')).toMatchObject({ break: null });
  });

  it('runs at start within its time box and logs what it found and what it did not reach', async () => {
    const { db: connect, resident, award } = await volunteerFixture();
    const a = await resident('冯静');
    await award(a.id, 2);
    const db = connect();
    const log = { ...quietLog, errors: [] as string[], infos: [] as string[], info(m: string) { this.infos.push(m); } };
    expect(checkDataAtStart(db, log)).toBeNull();
    expect(log.infos[0]).toMatch(/^data check at start: consistent/);
    db.prepare('UPDATE points_totals SET base = base + 10 WHERE volunteer_id = ?').run(a.id);
    expect(checkDataAtStart(db, log)).toMatch(/核对数据/);
    expect(log.errors[0]).toMatch(/points_totals: 2 rows differ/);
    // An exhausted box leaves the rest for the settings page, and says so.
    expect(checkDataAtStart(db, log, -1)).toBeNull();
    expect(log.infos[1]).toMatch(/not reached within -1 ms: org_member_counts, org_meeting_months, org_quarter_meetings, volunteer_counts, volunteer_linkable, points_totals, .*audit, points\)$/);
  });

  it('warns at the next start when a total was edited behind the app\'s back', async () => {
    const { core, dir, db: connect, resident, award } = await volunteerFixture();
    const a = await resident('褚红');
    await award(a.id, 5);
    connect().prepare('UPDATE points_totals SET base = base + 10 WHERE volunteer_id = ?').run(a.id);
    core.close();
    const again = await testCore({ dataDir: dir, setUp: false });
    expect((await again.call('system.getStatus', {})).warnings).toContain('启动时核对数据发现不一致：请在“设置 → 核对数据”中查看并处理。');
  });
});
