import { manualClock } from '../../main/clock';
import { FIXED_NOW } from './helpers';
import { partyFixture } from './party-fixture';

/**
 * The party fixture's community 西里社区 with 阳光小区 3号楼 (420 households on the estate) and one more building, on
 * a clock the test moves by hand: FIXED_NOW is 2026-12-02 in Beijing, so deadlines fall on the test's own days.
 */
export async function requestsFixture() {
  const clock = manualClock(FIXED_NOW);
  const t = await partyFixture({ clock });
  const building2 = await t.call('party.createPlace', { kind: 'building', parentId: t.estate.id, name: '5号楼', households: 180 });
  const grid = (extra: Record<string, unknown> = {}) =>
    t.call('requests.createGrid', { communityId: t.community.id, name: '第一网格', workerName: '刘晓梅', workerPhone: '13912345678', orgId: t.branch.id, buildingIds: [t.building.id], ...extra });
  const report = (extra: Record<string, unknown> = {}) =>
    t.call('requests.report', { reportedOn: '2026-12-02', source: 'visit', reporterName: '张秀兰', reporterPhone: '13812345678', placeId: t.building.id, content: '3号楼 2 单元楼道灯不亮', ...extra });
  const step = (id: string, to: string, extra: Record<string, unknown> = {}) => t.call('requests.step', { id, to, ...extra } as never);
  /** Moves the clock to a day at 10:00 Beijing time. */
  const onDay = (day: string) => clock.set(new Date(Date.parse(`${day}T10:00:00+08:00`)).toISOString());
  const auditCount = async () => (await t.call('system.listAudit', {})).total;
  return { ...t, clock, building2, grid, report, step, onDay, auditCount };
}
