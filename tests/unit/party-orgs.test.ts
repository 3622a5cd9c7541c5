import { describe, expect, it } from 'vitest';
import { fixedClock } from './helpers';
import { partyFixture } from './party-fixture';

describe('organisation tree', () => {
  it('enforces the nesting: street committee → community → branch → group', async () => {
    const { attempt, root, branch, group } = await partyFixture();
    const branchUnderStreet = await attempt('party.createOrg', { parentId: root.id, level: 'branch', kind: '小区党支部', name: '越级支部' });
    expect(branchUnderStreet).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'level' }] } });
    const underGroup = await attempt('party.createOrg', { parentId: group.id, level: 'group', kind: '党小组', name: '小组下的小组' });
    expect(underGroup.ok).toBe(false);
    const wrongKind = await attempt('party.createOrg', { parentId: branch.id, level: 'group', kind: '社区党委', name: '类别不对' });
    expect(wrongKind).toMatchObject({ ok: false, error: { fields: [{ path: 'kind' }] } });
  });

  it('moves a unit with its whole subtree', async () => {
    const { call, root, branch, group, member } = await partyFixture();
    await member('李四', { orgId: group.id });
    const other = await call('party.createOrg', { parentId: root.id, level: 'community_committee', kind: '社区党总支', name: '东湖社区党总支' });
    await call('party.moveOrg', { id: branch.id, newParentId: other.id });
    const moved = (await call('party.orgPath', { id: group.id })).at(-1)!;
    expect(moved.path).toBe(`${other.path}${branch.id}/${group.id}/`);
    const inOther = await call('party.listMembers', { orgId: other.id });
    expect(inOther.rows.map((m) => m.name)).toEqual(['李四']);
  });

  it('refuses to move a unit under itself or to the wrong level', async () => {
    const { attempt, branch, group, root } = await partyFixture();
    expect(await attempt('party.moveOrg', { id: branch.id, newParentId: group.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await attempt('party.moveOrg', { id: branch.id, newParentId: root.id })).toMatchObject({ ok: false });
  });

  it('dissolves a unit only after its members and children have moved', async () => {
    const { call, attempt, branch, group, member } = await partyFixture();
    const m = await member('王五', { orgId: group.id });
    const refused = await attempt('party.dissolveOrg', { id: group.id, on: '2026-01-05' });
    expect(refused).toMatchObject({ ok: false, error: { reason: 'ORG_HAS_MEMBERS' } });
    const parentRefused = await attempt('party.dissolveOrg', { id: branch.id, on: '2026-01-05' });
    expect(parentRefused).toMatchObject({ ok: false, error: { reason: 'ORG_HAS_CHILDREN' } });
    await call('party.transferOut', { id: m.id, on: '2026-01-04', to: '市教育局机关党委' });
    const dissolved = await call('party.dissolveOrg', { id: group.id, on: '2026-01-05' });
    expect(dissolved.status).toBe('dissolved');
    // Gone from the tree and its search, still named by its path (a record filed under it shows it).
    expect((await call('party.orgChildren', { parentId: branch.id })).some((o) => o.id === group.id)).toBe(false);
    expect((await call('party.searchOrgs', { q: group.name })).some((o) => o.id === group.id)).toBe(false);
    expect((await call('party.orgPath', { id: group.id })).at(-1)).toMatchObject({ id: group.id, status: 'dissolved' });
  });

  it('keeps places as a tree and refuses to delete one in use', async () => {
    const { call, attempt, estate, building } = await partyFixture();
    const wrong = await attempt('party.createPlace', { kind: 'estate', parentId: estate.id, name: '小区里的小区' });
    expect(wrong).toMatchObject({ ok: false, error: { fields: [{ path: 'parentId' }] } });
    const dupe = await attempt('party.createPlace', { kind: 'building', parentId: estate.id, name: '3号楼' });
    expect(dupe).toMatchObject({ ok: false, error: { fields: [{ path: 'name' }] } });
    expect(await attempt('party.deletePlace', { id: estate.id })).toMatchObject({ ok: false, error: { reason: 'PLACE_IN_USE' } });
    const spare = await call('party.createPlace', { kind: 'building', parentId: estate.id, name: '9号楼' });
    await call('party.deletePlace', { id: spare.id });
    expect((await call('party.listPlaces', {})).map((p) => p.name)).not.toContain('9号楼');
    expect(building.unitCount).toBe(2);
  });

  it('shows each unit its secretary and member count', async () => {
    const { call, branch, member } = await partyFixture();
    await member('赵书记', { role: 'secretary' });
    await member('钱委员', { role: 'committee' });
    const row = (await call('party.orgPath', { id: branch.id })).at(-1)!;
    expect(row.secretaryName).toBe('赵书记');
    expect(row.memberCount).toBe(2);
  });
});

describe('maintained member counts', () => {
  it('stay equal to a count of the register through joins, moves, status changes and departures', async () => {
    const { call, core, branch, group, member } = await partyFixture({ clock: fixedClock() }); // dated 2026
    const a = await member('甲');
    const b = await member('乙', { status: 'probationary', joinedOn: '2026-01-05' });
    const c = await member('丙', { orgId: group.id, isCentreHousehold: true });
    await call('party.becomeFull', { id: b.id, on: '2026-06-01' });
    const { member: view } = await call('party.getMember', { id: a.id });
    await call('party.updateMember', { ...view, id: a.id, orgId: group.id, category: 'migrant', keepIdNumber: true, keepPhone: true });
    await call('party.transferOut', { id: c.id, on: '2026-07-01', to: '外区' });
    await call('party.readmitMember', { id: c.id, orgId: branch.id, on: '2026-08-01' });
    await call('party.markDeceased', { id: b.id, on: '2026-09-01' });

    const { connect } = await import('../../db/driver');
    const db = connect(core.services.dbFile, { readonly: true });
    const kept = db.prepare('SELECT org_id, category, status, is_centre_household, n FROM org_member_counts WHERE n > 0 ORDER BY 1, 2, 3, 4').all();
    const counted = db.prepare(`SELECT org_id, category, status, is_centre_household, COUNT(*) AS n FROM members
      WHERE lifecycle = 'active' GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`).all();
    db.close();
    expect(kept).toEqual(counted);
    const stats = (await call('party.getDashboard', {})).stats;
    expect(stats).toMatchObject({ active: 2, byCategory: { community: 1, migrant: 1 }, centreHouseholds: 1 });
  });
});

describe('places', () => {
  it('refuse a building with no units, as the register does', async () => {
    const { attempt, estate } = await partyFixture();
    const env = await attempt('party.createPlace', { kind: 'building', parentId: estate.id, name: '空楼', unitCount: 0 });
    expect(env).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'unitCount', message: '单元数至少为 1' }] } });
  });
});
