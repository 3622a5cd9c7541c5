import { describe, expect, it } from 'vitest';
import { idNumber } from '../../scripts/lib/people';
import { testCore } from './helpers';

describe('smoke', () => {
  it('sets up and creates a branch with a member', async () => {
    const { call } = await testCore();
    const orgs = await call('party.listOrgs', {});
    expect(orgs).toHaveLength(1);
    const community = await call('party.createPlace', { kind: 'community', name: '西里社区' });
    const cc = await call('party.createOrg', { parentId: orgs[0]!.id, level: 'community_committee', kind: '社区党委', name: '西里社区党委', placeId: community.id });
    const br = await call('party.createOrg', { parentId: cc.id, level: 'branch', kind: '小区党支部', name: '阳光小区党支部' });
    const m = await call('party.createMember', { name: '张三', gender: 'male', idNumber: idNumber('130104', '1960-03-15', 1, 'male'), joinedOn: '2000-07-01', status: 'full', category: 'community', orgId: br.id });
    expect(m.name).toBe('张三');
  });
});
