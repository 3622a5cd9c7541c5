import { idNumber } from '../../scripts/lib/people';
import type { Clock } from '../../main/clock';
import { testCore } from './helpers';
import { rootOrg } from '../orgs';

/** A street with one community, a branch tied to an estate, a party group, and a member factory. */
export async function partyFixture(opts: { clock?: Clock; encrypted?: boolean } = {}) {
  const t = await testCore(opts);
  const { call } = t;
  const root = await rootOrg(call);
  const community = await call('party.createPlace', { kind: 'community', name: '西里社区' });
  const estate = await call('party.createPlace', { kind: 'estate', parentId: community.id, name: '阳光小区', households: 420 });
  const building = await call('party.createPlace', { kind: 'building', parentId: estate.id, name: '3号楼', unitCount: 2 });
  const committee = await call('party.createOrg', { parentId: root.id, level: 'community_committee', kind: '社区党委', name: '西里社区党委', placeId: community.id });
  const branch = await call('party.createOrg', { parentId: committee.id, level: 'branch', kind: '小区党支部', name: '阳光小区党支部', placeId: estate.id });
  const group = await call('party.createOrg', { parentId: branch.id, level: 'group', kind: '楼栋党小组', name: '3号楼党小组', placeId: building.id });
  let seq = 0;
  const member = (name: string, extra: Record<string, unknown> = {}) =>
    call('party.createMember', {
      name,
      gender: 'male',
      idNumber: idNumber('130104', '1968-05-12', ++seq, 'male'),
      phone: '13812348000',
      joinedOn: '1995-07-01',
      status: 'full',
      category: 'community',
      orgId: branch.id,
      ...extra,
    });
  return { ...t, root, community, estate, building, committee, branch, group, member, nextSeq: () => ++seq };
}
