import { manualClock } from '../../main/clock';
import { FIXED_NOW } from './helpers';
import { partyFixture } from './party-fixture';

/** A well-formed 注册代码 (3110 曳引驱动乘客电梯, 420102 武汉市江岸区, registered 2015-06, sequence 0123). */
export const REG_CODE = '31104201022015060123';

/**
 * The party fixture's estate 阳光小区 and its building 3号楼, on a clock the test moves by hand: the data is dated
 * around December 2026 (FIXED_NOW, 2026-12-02 in Beijing), so the warnings' days are the test's own.
 */
export async function elevatorFixture() {
  const clock = manualClock(FIXED_NOW);
  const t = await partyFixture({ clock });
  const elevator = (extra: Record<string, unknown> = {}) =>
    t.call('elevator.createElevator', {
      estateId: t.estate.id, buildingId: t.building.id, unitNo: 1, carLabel: '1号梯', regCode: REG_CODE, type: 'passenger',
      status: 'in_service', rescuePhone: '027-96333', maintainer: '江城电梯工程有限公司', contractPrice: '¥350.00',
      speed: '1.75', floors: 18, ...extra,
    });
  const signed = { company: '江城电梯工程有限公司', worker1: '李师傅', worker2: '赵师傅', signedBy: '陈安全' };
  /** A routine record on a day, signed off that day unless told otherwise. */
  const maintenance = (elevatorId: string, doneOn: string, extra: Record<string, unknown> = {}) =>
    t.call('elevator.createMaintenance', { elevatorId, doneOn, kind: 'half_monthly', ...signed, signedOn: doneOn, ...extra });
  const auditCount = async () => (await t.call('system.listAudit', {})).total;
  /** Moves the clock to a Beijing wall time (UTC+8). */
  const at = (beijing: string) => clock.set(new Date(Date.parse(`${beijing}+08:00`)).toISOString());
  return { ...t, clock, at, elevator, maintenance, signed, auditCount };
}
