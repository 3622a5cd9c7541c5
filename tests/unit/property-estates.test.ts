import { describe, expect, it } from 'vitest';
import { CREDIT_CODE, OTHER_CREDIT_CODE, propertyFixture, today } from './property-fixture';

describe('property companies', () => {
  it('check the unified social credit code, normalising what is pasted', async () => {
    const { call, attempt, company } = await propertyFixture();
    expect(company.creditCode).toBe(CREDIT_CODE);
    const base = { name: '安居物业' };
    expect(await attempt('property.createCompany', { ...base, creditCode: '91350100M000100Y44' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'creditCode', message: '统一社会信用代码校验位不正确，请核对' }] } });
    expect(await attempt('property.createCompany', { ...base, creditCode: '91350100M000100I43' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'creditCode', message: expect.stringContaining('18 位') }] } });
    expect(await attempt('property.createCompany', { ...base, creditCode: CREDIT_CODE }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'creditCode', message: '这个统一社会信用代码已登记为“阳光物业服务有限公司”' }] } });
    // Full-width characters, spaces and lower case, as pasted from a licence scan.
    const pasted = await call('property.createCompany', { ...base, creditCode: ' ９１１１０１０８ma01a0ke6７ ' });
    expect(pasted.creditCode).toBe(OTHER_CREDIT_CODE);
    expect((await call('property.listCompanies', { q: 'aj' })).rows.map((c) => c.name)).toEqual(['安居物业']);
  });

  it('count the estates they serve today, and are not deleted with contracts on record', async () => {
    const { call, attempt, company, propertyEstate } = await propertyFixture();
    await call('property.createContract', { estateId: propertyEstate.placeId, companyId: company.id, startsOn: '2024-01-01', endsOn: '2026-12-31' });
    expect((await call('property.getCompany', { id: company.id })).company.estatesServed).toBe(1);
    expect((await call('property.getEstate', { id: propertyEstate.placeId })).estate.companyName).toBe('阳光物业服务有限公司');
    expect(await attempt('property.deleteCompany', { id: company.id })).toMatchObject({ ok: false, error: { reason: 'COMPANY_HAS_CONTRACTS' } });
  });
});

describe('estates and contracts', () => {
  it('extend a place of kind estate, keeping its households in the places register', async () => {
    const { call, attempt, community, building, propertyEstate } = await propertyFixture();
    expect(propertyEstate).toMatchObject({ name: '阳光小区', communityName: '西里社区', households: 420, floorAreaHundredths: 4_567_890 });
    expect(await attempt('property.createEstate', { placeId: building.id, management: 'self' })).toMatchObject({ ok: false, error: { fields: [{ path: 'placeId' }] } });
    expect(await attempt('property.createEstate', { placeId: community.id, management: 'self' })).toMatchObject({ ok: false, error: { fields: [{ path: 'placeId' }] } });
    const edited = await call('property.updateEstate', { placeId: propertyEstate.placeId, management: 'company', households: 436 });
    expect(edited.households).toBe(436);
    const place = (await call('party.listPlaces', {})).find((p) => p.id === propertyEstate.placeId)!;
    expect(place.households).toBe(436);
    // A place with a profile: the places register refuses to delete it rather than failing on the reference.
    const bare = await call('party.createPlace', { kind: 'estate', parentId: community.id, name: '月光小区' });
    await call('property.createEstate', { placeId: bare.id, management: 'abandoned' });
    expect(await attempt('party.deletePlace', { id: bare.id })).toMatchObject({ ok: false, error: { reason: 'PLACE_IN_USE' } });
    await call('property.deleteEstate', { id: bare.id });
    expect(await attempt('party.deletePlace', { id: bare.id })).toMatchObject({ ok: true });
  });

  it('keep the contract history, one company at a time, and only for estates a company manages', async () => {
    const { call, attempt, company, propertyEstate } = await propertyFixture();
    const other = await call('property.createCompany', { name: '安居物业', creditCode: OTHER_CREDIT_CODE });
    const estateId = propertyEstate.placeId;
    await call('property.createContract', { estateId, companyId: other.id, startsOn: '2020-01-01', endsOn: '2023-12-31' });
    await call('property.createContract', { estateId, companyId: company.id, startsOn: '2024-01-01' });
    expect(await attempt('property.createContract', { estateId, companyId: other.id, startsOn: '2023-06-01', endsOn: '2023-12-01' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'startsOn', message: expect.stringContaining('时间重叠') }] } });
    expect(await attempt('property.createContract', { estateId, companyId: other.id, startsOn: '2030-01-01' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'startsOn' }] } });
    const detail = await call('property.getEstate', { id: estateId });
    expect(detail.contracts.map((c) => [c.companyName, c.startsOn, c.endsOn])).toEqual([
      ['阳光物业服务有限公司', '2024-01-01', null],
      ['安居物业', '2020-01-01', '2023-12-31'],
    ]);
    expect(detail.estate.companyId).toBe(company.id);
    // A company still serves: the estate cannot turn 自管 until the contract has an end.
    expect(await attempt('property.updateEstate', { placeId: estateId, management: 'self' })).toMatchObject({ ok: false, error: { fields: [{ path: 'management' }] } });
    const current = detail.contracts[0]!;
    const { id, createdAt: _c, updatedAt: _u, operator: _o, estateName: _e, companyName: _n, ...fields } = current;
    await call('property.updateContract', { id, ...fields, endsOn: '2026-06-30' });
    expect((await call('property.updateEstate', { placeId: estateId, management: 'self' })).companyId).toBeNull();
    expect(await attempt('property.createContract', { estateId, companyId: company.id, startsOn: today() }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'estateId', message: expect.stringContaining('自管') }] } });
  });
});
