import { propertySearch } from '../../db/migrations/027_property_search';
import { describe, expect, it } from 'vitest';
import { companySearchSql, estateSearchSql, readPropertyQuery } from '../../db/property/search';
import { AT, fileAt, upgrade } from './upgrade-fixture';
import { CREDIT_CODE, propertyFixture } from './property-fixture';

type Hit = { kind: string; title: string; subtitle: string };
const ofKinds = (hits: Hit[], ...kinds: string[]) => hits.filter((h) => kinds.includes(h.kind)).map((h) => `${h.kind}:${h.title}:${h.subtitle}`);

describe('Ctrl+K finds estates and property companies', () => {
  it('by pinyin initials, full pinyin, a part of the name, and a company by its credit code as pasted', async () => {
    const { call } = await propertyFixture();
    const estate = 'estate:阳光小区:西里社区 · 物业服务企业';
    const company = `company:阳光物业服务有限公司:${CREDIT_CODE}`;
    const search = async (q: string) => ofKinds(await call('system.search', { q }), 'estate', 'company');
    expect(await search('yg')).toEqual([estate, company]);
    expect(await search('YangGuang')).toEqual([estate, company]);
    expect(await search('yang guang xiao')).toEqual([estate]);
    expect(await search('光物业')).toEqual([company]);
    expect(await search('阳光')).toEqual([estate, company]);
    // The start of the code, or all of it pasted from a licence scan: full-width, spaced, lower case.
    expect(await search('91350100')).toEqual([company]);
    expect(await search(' ９１３５０１００ m000100y43 ')).toEqual([company]);
    expect(await search('91350199')).toEqual([]);
    expect(await search('xq')).toEqual([]);
  });

  it('find an estate by its new name once the places register renames it, and not a place without a profile', async () => {
    const { call, estate, community } = await propertyFixture();
    await call('party.updatePlace', { id: estate.id, name: '幸福家园', code: null, unitCount: null, households: 420, note: null });
    await call('party.createPlace', { kind: 'estate', parentId: community.id, name: '幸福里' });
    const hits = await call('system.search', { q: 'xf' });
    expect(ofKinds(hits, 'estate')).toEqual(['estate:幸福家园:西里社区 · 物业服务企业']);
    expect(ofKinds(await call('system.search', { q: 'yg' }), 'estate')).toEqual([]);
  });

  it('read the pinyin and code prefixes through the indexes of migration 027 and the unique credit code', () => {
    const db = fileAt(propertySearch.version);
    const plan = (st: { sql: string; args: unknown[] }) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${st.sql}`).all(...st.args) as { detail: string }[]).map((r) => r.detail).join('\n');
    const pinyin = readPropertyQuery('yg') as { kind: 'pinyin'; key: string };
    expect(plan(estateSearchSql(pinyin, 5))).toMatch(/places_initials[\s\S]*places_pinyin_joined/);
    expect(plan(companySearchSql(pinyin, 5))).toMatch(/property_companies_initials[\s\S]*property_companies_pinyin_joined/);
    expect(plan(companySearchSql(readPropertyQuery('91350100')!, 5))).toMatch(/USING INDEX sqlite_autoindex_property_companies/);
    db.close();
  });
});

describe('migration 027', () => {
  it('gives the places already on file their pinyin keys', () => {
    const db = fileAt(propertySearch.version - 1);
    const place = db.prepare(`INSERT INTO places (id, kind, parent_id, name, created_at, updated_at, operator) VALUES (?, ?, ?, ?, ?, ?, '王芳')`);
    place.run('c1', 'community', null, '西里社区', AT, AT);
    place.run('e1', 'estate', 'c1', '阳光小区', AT, AT);
    upgrade(db, propertySearch.version);
    expect(db.prepare('SELECT id, name, name_pinyin AS pinyin, name_initials AS initials FROM places ORDER BY id').all()).toEqual([
      { id: 'c1', name: '西里社区', pinyin: 'xi li she qu', initials: 'xlsq' },
      { id: 'e1', name: '阳光小区', pinyin: 'yang guang xiao qu', initials: 'ygxq' },
    ]);
    db.close();
  });
});
