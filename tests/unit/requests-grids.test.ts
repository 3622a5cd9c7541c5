import { describe, expect, it } from 'vitest';
import { requestsFixture } from './requests-fixture';

describe('grids', () => {
  it('sum their buildings’ households and warn above the target without refusing', async () => {
    const { grid, call, building, building2 } = await requestsFixture();
    const g = await grid({ buildingIds: [building.id, building2.id] });
    expect(g.households).toBe(180);
    expect(g.buildingsWithoutHouseholds).toBe(1); // 3号楼 has no households recorded
    expect(g.householdsWarning).toBeNull();
    expect(g.orgName).toBe('阳光小区党支部');
    await call('requests.updateSettings', { gridHouseholdsTarget: 150, deadlineDays: { community: 2, property_company: 5, work_unit: 7, volunteer_post: 5, street: 15 } });
    const [listed] = await call('requests.listGrids', { communityId: null });
    expect(listed!.householdsWarning).toBe('本网格约 180 户，超过每格约 150 户的设置，可考虑拆分');
  });

  it('refuse a building already in another grid, naming that grid, and write nothing', async () => {
    const { grid, attempt, auditCount, building, community, call } = await requestsFixture();
    await grid();
    const before = await auditCount();
    const env = await attempt('requests.createGrid', { communityId: community.id, name: '第二网格', workerName: '陈刚', buildingIds: [building.id] });
    expect(env).toMatchObject({ ok: false, error: { reason: 'GRID_BUILDING_TAKEN', message: '阳光小区3号楼已在“第一网格”网格中，一栋楼只能属于一个网格' } });
    expect(await auditCount()).toBe(before);
    expect(await call('requests.listGrids', { communityId: null })).toHaveLength(1);
  });

  it('keep a building of their own when saved again, and refuse a building of another community', async () => {
    const { grid, attempt, call, building } = await requestsFixture();
    const g = await grid();
    const again = await call('requests.updateGrid', { id: g.id, communityId: g.communityId, name: '第一网格', workerName: '刘晓梅', buildingIds: [building.id] });
    expect(again.buildings.map((b) => b.name)).toEqual(['3号楼']);
    const other = await call('party.createPlace', { kind: 'community', name: '东里社区' });
    const env = await attempt('requests.createGrid', { communityId: other.id, name: '东一', workerName: '赵', buildingIds: [building.id] });
    expect(env).toMatchObject({ ok: false, error: { fields: [{ path: 'buildingIds', message: '只能选择本社区的楼栋' }] } });
  });

  it('ask for a name and a worker in Chinese', async () => {
    const { attempt, community } = await requestsFixture();
    const env = await attempt('requests.createGrid', { communityId: community.id, name: ' ', workerName: '' });
    expect(env.ok).toBe(false);
    const fields = (env as { error: { fields: { path: string; message: string }[] } }).error.fields;
    expect(fields).toEqual(expect.arrayContaining([{ path: 'name', message: '请填写网格名称' }, { path: 'workerName', message: '请填写网格员姓名' }]));
  });
});
