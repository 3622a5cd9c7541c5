import { describe, expect, it } from 'vitest';
import { partyFixture } from './party-fixture';

/** A second community with a branch named like the first's, and a party group below it. */
async function twoCommunities() {
  const t = await partyFixture();
  const { call, root } = t;
  const place = await call('party.createPlace', { kind: 'community', name: '东里社区' });
  const east = await call('party.createOrg', { parentId: root.id, level: 'community_committee', kind: '社区党委', name: '东里社区党委', placeId: place.id });
  const twin = await call('party.createOrg', { parentId: east.id, level: 'branch', kind: '小区党支部', name: '阳光小区党支部', placeId: null });
  const deep = await call('party.createOrg', { parentId: twin.id, level: 'group', kind: '楼栋党小组', name: '7号楼党小组', placeId: null });
  return { ...t, east, twin, deep };
}

describe('the organisation tree a level at a time', () => {
  it('answers the roots, then one unit’s children, each with its child and member counts', async () => {
    const f = await twoCommunities();
    await f.member('张三');
    await f.member('李四');
    const roots = await f.call('party.orgChildren', {});
    expect(roots.map((o) => [o.id, o.childCount, o.memberCount, o.subtreeMembers])).toEqual([[f.root.id, 2, 0, 2]]);
    const communities = await f.call('party.orgChildren', { parentId: f.root.id });
    expect(communities.map((o) => o.name)).toEqual(['西里社区党委', '东里社区党委']); // tree order, as before
    const branches = await f.call('party.orgChildren', { parentId: f.committee.id });
    expect(branches).toMatchObject([{ id: f.branch.id, childCount: 1, memberCount: 2, subtreeMembers: 2 }]);
    expect(await f.call('party.orgChildren', { parentId: f.group.id })).toEqual([]);
  });

  it('leaves a dissolved unit out of its parent’s children and count', async () => {
    const f = await twoCommunities();
    await f.call('party.dissolveOrg', { id: f.deep.id, on: '2024-01-01' });
    const [twin] = await f.call('party.orgChildren', { parentId: f.east.id });
    expect(twin).toMatchObject({ id: f.twin.id, childCount: 0 });
    expect(await f.call('party.orgChildren', { parentId: f.twin.id })).toEqual([]);
  });

  it('names same-named units apart, as every other list does', async () => {
    const f = await twoCommunities();
    const [west] = await f.call('party.orgChildren', { parentId: f.committee.id });
    const [east] = await f.call('party.orgChildren', { parentId: f.east.id });
    expect(west!.label).toBe('西里社区 › 阳光小区党支部');
    expect(east!.label).toBe('东里社区 › 阳光小区党支部');
  });

  it('finds a deep unit by name or pinyin with the path that opens the tree down to it', async () => {
    const f = await twoCommunities();
    expect((await f.call('party.searchOrgs', { q: '7号楼' })).map((o) => o.id)).toEqual([f.deep.id]);
    // Pinyin typed without spaces reaches both groups (3号楼, 7号楼), in tree order.
    const byPinyin = await f.call('party.searchOrgs', { q: 'haolou' });
    expect(byPinyin.map((o) => o.id)).toEqual([f.group.id, f.deep.id]);
    {
      const hit = byPinyin[1];
      expect(hit!.path).toBe(`/${f.root.id}/${f.east.id}/${f.twin.id}/${f.deep.id}/`);
    }
    expect((await f.call('party.searchOrgs', { q: '党', limit: 2 })).length).toBe(2);
    expect(await f.call('party.searchOrgs', { q: '100%' })).toEqual([]); // a wildcard is a character, not "anything"
  });

  it('answers the first units in tree order before anything is typed, and keeps to the levels a field may hold', async () => {
    const f = await twoCommunities();
    expect((await f.call('party.searchOrgs', { q: '  ', limit: 3 })).map((o) => o.id)).toEqual([f.root.id, f.committee.id, f.branch.id]);
    const branches = await f.call('party.searchOrgs', { q: '', levels: ['branch'] });
    expect(branches.map((o) => o.label)).toEqual(['西里社区 › 阳光小区党支部', '东里社区 › 阳光小区党支部']);
    expect((await f.call('party.searchOrgs', { q: '阳光', levels: ['group'] }))).toEqual([]);
    expect((await f.call('party.searchOrgs', { q: '', placeId: f.estate.id })).map((o) => o.id)).toEqual([f.branch.id]);
    expect(await f.attempt('party.searchOrgs', { q: '', levels: ['street'] })).toMatchObject({ ok: false, error: { fields: [{ path: 'levels.0' }] } });
  });
});

describe('a unit’s path', () => {
  it('answers the unit and its ancestors root first, labelled, with the counts the tree shows', async () => {
    const f = await twoCommunities();
    const path = await f.call('party.orgPath', { id: f.deep.id });
    expect(path.map((o) => o.id)).toEqual([f.root.id, f.east.id, f.twin.id, f.deep.id]);
    expect(path[2]).toMatchObject({ label: '东里社区 › 阳光小区党支部', childCount: 1, descendantCount: 1 });
    expect(path[0]).toMatchObject({ childCount: 2, descendantCount: 6 });
    expect(await f.call('party.orgPath', { id: f.root.id })).toMatchObject([{ id: f.root.id, childCount: 2 }]);
  });

  it('still names a dissolved unit (a record filed under it), and answers nothing for an unknown id', async () => {
    const f = await twoCommunities();
    await f.call('party.dissolveOrg', { id: f.deep.id, on: '2024-01-01' });
    const path = await f.call('party.orgPath', { id: f.deep.id });
    expect(path.at(-1)).toMatchObject({ id: f.deep.id, status: 'dissolved', name: '7号楼党小组' });
    expect(await f.call('party.orgPath', { id: '00000000-0000-4000-8000-000000000000' })).toEqual([]);
  });
});
