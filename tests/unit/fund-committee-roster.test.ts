import { describe, expect, it } from 'vitest';
import { fundFixture } from './fund-fixture';

/** The committee side's signers beside red property's register of the estate's owners' committee (业委会台账). */

describe('the owners’ committee in office, on the fund account', () => {
  it('is the estate’s latest term begun by today with its members; none before a term is registered', async () => {
    const { call, account, estate } = await fundFixture();
    expect((await call('fund.getAccount', { id: account.id })).committee).toBeNull();
    await call('property.createEstate', { placeId: estate.id, management: 'company' });
    const members = (names: string[]) => names.map((name, i) => ({ name, role: i === 0 ? 'chair' : 'member' }));
    await call('property.createTerm', { estateId: estate.id, termNo: 1, electedOn: '2016-08-20', startsOn: '2016-09-01', endsOn: '2021-08-31', members: members(['赵一', '钱二', '孙三', '李四', '周五']) } as never);
    await call('property.createTerm', { estateId: estate.id, termNo: 2, electedOn: '2021-08-25', startsOn: '2021-09-01', endsOn: '2026-08-31', members: members(['陈主任', '吴六', '郑七', '王八', '冯九']) } as never);
    // Elected, not begun yet: the second term is still the one in office.
    await call('property.createTerm', { estateId: estate.id, termNo: 3, electedOn: '2026-11-20', startsOn: '2027-01-01', endsOn: '2031-12-31', members: members(['褚十', '卫一', '蒋二', '沈三', '韩四']) } as never);
    const roster = (await call('fund.getAccount', { id: account.id })).committee;
    expect(roster).toMatchObject({ termNo: 2, startsOn: '2021-09-01', endsOn: '2026-08-31' });
    expect(roster!.members[0]).toEqual({ name: '陈主任', role: 'chair' });
    expect(roster!.members.map((m) => m.name)).toEqual(['陈主任', '吴六', '郑七', '王八', '冯九']);
  });
});
