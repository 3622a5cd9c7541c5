import { describe, expect, it } from 'vitest';
import { RequestTemplate } from '../../main/api/requests/schemas';
import { requestsFixture } from './requests-fixture';

/** The fixture's 西里社区 阳光小区 3号楼 and 5号楼, with 长安小区 (chang, not the surname zhang) and 重庆花园 beside them, and 东里社区. */
async function places() {
  const t = await requestsFixture();
  const changan = await t.call('party.createPlace', { kind: 'estate', parentId: t.community.id, name: '长安小区' });
  await t.call('party.createPlace', { kind: 'building', parentId: changan.id, name: '3号楼' });
  await t.call('party.createPlace', { kind: 'estate', parentId: t.community.id, name: '重庆花园' });
  const east = await t.call('party.createPlace', { kind: 'community', name: '东里社区' });
  await t.call('party.createPlace', { kind: 'estate', parentId: east.id, name: '阳光家园' });
  const search = async (q: string) => (await t.call('requests.searchPlaces', { q })).map((p) => p.label);
  return { ...t, search };
}

describe('fast entry: the place picker by pinyin', () => {
  it('finds a place word by word by the pinyin initials or full pinyin of it, its estate or its community, or by its name', async () => {
    const { search } = await places();
    expect(await search('yg 3')).toEqual(['西里社区 阳光小区 3号楼']);
    expect(await search('ygxq')).toEqual(['西里社区 阳光小区', '西里社区 阳光小区 3号楼', '西里社区 阳光小区 5号楼']);
    // 阳光家园 is another community's: its community's initials tell them apart.
    expect(await search('dl yg')).toEqual(['东里社区 阳光家园']);
    expect(await search('yangguang 5')).toEqual(['西里社区 阳光小区 5号楼']);
    // Place names are read as words: 长 is chang, 重 chong (not the surname readings).
    expect(await search('ca 3hl')).toEqual(['西里社区 长安小区 3号楼']);
    expect(await search('cq')).toEqual(['西里社区 重庆花园']);
    expect(await search('5号')).toEqual(['西里社区 阳光小区 5号楼']);
    expect(await search('YG 3')).toEqual(['西里社区 阳光小区 3号楼']);
    expect(await search('zz')).toEqual([]);
  });
});

describe('fast entry: 常见事项模板', () => {
  it('are the draft matters of the accepted classes until an administrator sets the street’s own', async () => {
    const t = await places();
    const drafts = await t.call('requests.listTemplates', {});
    expect(drafts[0]).toEqual({ category: 'facilities', categoryLabel: '公共设施维修', content: '楼道灯不亮', urgency: 'normal', usable: true, initials: 'lddbl' });
    expect(drafts.every((d) => d.usable && d.urgency === 'normal')).toBe(true);

    // A template carries its urgency; one saved without it — a list stored before templates had one — is 一般.
    expect(RequestTemplate.parse({ category: 'facilities', content: '楼道灯不亮' }).urgency).toBe('normal');
    const saved = await t.call('requests.saveTemplates', { templates: [{ category: 'safety', content: '井盖松动', urgency: 'urgent' }, { category: 'facilities', content: '路灯不亮' }] });
    expect(saved.map((x) => [x.content, x.categoryLabel, x.urgency])).toEqual([['井盖松动', '安全隐患', 'urgent'], ['路灯不亮', '公共设施维修', 'normal']]);
    expect(await t.attempt('requests.saveTemplates', { templates: [{ category: 'safety', content: '井盖松动', urgency: 'very' }] }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'templates.0.urgency', message: '请选择紧急程度' }] } });
    // A retired category's template stays in the list and is no longer offered to 上报.
    await t.call('requests.retireCategory', { code: 'safety', retired: true });
    expect((await t.call('requests.listTemplates', {})).map((x) => x.usable)).toEqual([false, true]);

    const clerk = await t.signInAs('entry', '李娜');
    const audits = await t.auditCount();
    expect(await t.attempt('requests.saveTemplates', { templates: [{ category: 'private_contract', content: '借款纠纷' }] }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'templates.0.category' }] } });
    expect(await t.core.dispatch('requests.saveTemplates', { templates: [] }, clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.auditCount()).toBe(audits);
    expect(await t.callAs(clerk, 'requests.listTemplates', {})).toHaveLength(2);
  });

  it('a template’s category at 上报 records 梳理受理 in the same save; a category not accepted writes nothing', async () => {
    const t = await places();
    const r = await t.report({ content: '楼道灯不亮，3号楼 2 单元', category: 'facilities' });
    expect(r).toMatchObject({ state: 'sorted', category: 'facilities', urgency: 'normal' });
    expect(r.steps.map((s) => [s.fromState, s.toState, s.note])).toEqual([[null, 'reported', null], ['reported', 'sorted', '登记时选定类别']]);
    expect((await t.report({ content: '垃圾桶满溢' })).state).toBe('reported');
    // An urgent template's urgency is the one 梳理受理 records.
    const urgent = await t.report({ content: '井盖松动', category: 'safety', urgency: 'urgent' });
    expect(urgent).toMatchObject({ state: 'sorted', category: 'safety', urgency: 'urgent' });
    expect(urgent.steps.at(-1)!.detail).toMatchObject({ category: 'safety', urgency: 'urgent' });

    const before = (await t.call('requests.listRequests', {})).total;
    expect(await t.attempt('requests.report', { reportedOn: '2026-12-02', source: 'visit', anonymous: true, placeId: t.building.id, content: '借款纠纷', category: 'private_contract' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'category' }] } });
    expect((await t.call('requests.listRequests', {})).total).toBe(before);
  });
});
