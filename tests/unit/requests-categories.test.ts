import { describe, expect, it } from 'vitest';
import { thisMonth } from './submission-fixture';
import { requestsFixture } from './requests-fixture';
import { sheetRows, workbookOf } from './workbook-read';

const sort = (t: Awaited<ReturnType<typeof requestsFixture>>, id: string, category: string) => t.attempt('requests.step', { id, to: 'sorted', category, urgency: 'normal' });

describe('the street’s lists of categories (设置 → 民呼必应)', () => {
  it('start as the 7 + 7 draft classes and take a category the street adds, which 梳理 offers and the registers print by name', async () => {
    const t = await requestsFixture();
    const list = await t.call('requests.listCategories', {});
    expect(list.filter((c) => c.kind === 'accepted')).toHaveLength(7);
    expect(list.filter((c) => c.kind === 'not_accepted')).toHaveLength(7);
    expect(list.find((c) => c.code === 'safety')).toMatchObject({ label: '安全隐患', retired: false, inUse: 0 });

    const added = await t.call('requests.addCategory', { kind: 'accepted', label: '加装电梯协调' });
    expect(added.find((c) => c.label === '加装电梯协调')).toMatchObject({ code: '加装电梯协调', kind: 'accepted', retired: false });
    const r = await t.report({ content: '5号楼想加装电梯，一楼住户不同意' });
    expect(await sort(t, r.id, '加装电梯协调')).toMatchObject({ ok: true, data: { category: '加装电梯协调' } });
    expect((await t.call('requests.listRequests', { category: '加装电梯协调' })).total).toBe(1);
    expect((await t.call('requests.listCategories', {})).find((c) => c.code === '加装电梯协调')!.inUse).toBe(1);

    const out = await t.call('submission.buildMonthly', { level: 'street', period: thisMonth(), modules: ['requests'] });
    const byCategory = sheetRows((await workbookOf(out.workbook!.contentBase64)).getWorksheet('民呼必应诉求分类统计')!);
    expect(byCategory.map((row) => row['诉求类别'])).toContain('加装电梯协调');
  });

  it('retire a category in use — its requests keep it, 梳理 no longer takes it — and delete only one no request has', async () => {
    const t = await requestsFixture();
    const r1 = await t.report();
    await sort(t, r1.id, 'safety');
    const retired = await t.call('requests.retireCategory', { code: 'safety', retired: true });
    expect(retired.find((c) => c.code === 'safety')).toMatchObject({ retired: true, inUse: 1 });
    expect((await t.call('requests.getRequest', { id: r1.id })).category).toBe('safety');

    const r2 = await t.report({ content: '井盖松动' });
    const audits = await t.auditCount();
    expect(await sort(t, r2.id, 'safety'))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'category', message: '类别“安全隐患”已停用，请选择其他类别' }] } });
    // A not-accepted class is not an accepted one, and a code that is no category is refused.
    expect(await sort(t, r2.id, 'litigation')).toMatchObject({ ok: false, error: { fields: [{ path: 'category', message: '请选择受理类别' }] } });
    expect(await t.attempt('requests.deleteCategory', { code: 'safety' }))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'CATEGORY_IN_USE', message: expect.stringContaining('已有 1 件诉求属于“安全隐患”，不能删除') } });
    expect(await t.attempt('requests.addCategory', { kind: 'not_accepted', label: '安全隐患' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'label', message: '已有名为“安全隐患”的类别' }] } });
    expect(await t.auditCount()).toBe(audits);
    expect((await t.call('requests.getRequest', { id: r2.id })).state).toBe('reported');

    await t.call('requests.retireCategory', { code: 'safety', retired: false });
    expect(await sort(t, r2.id, 'safety')).toMatchObject({ ok: true });
    const left = await t.call('requests.deleteCategory', { code: 'state_secret' });
    expect(left.filter((c) => c.kind === 'not_accepted').map((c) => c.code)).not.toContain('state_secret');
  });

  it('are edited by an administrator only', async () => {
    const t = await requestsFixture();
    const clerk = await t.signInAs('entry', '李娜');
    expect(await t.core.dispatch('requests.addCategory', { kind: 'accepted', label: '加装电梯协调' }, clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.core.dispatch('requests.retireCategory', { code: 'safety', retired: true }, clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await t.callAs(clerk, 'requests.listCategories', {})).find((c) => c.code === 'safety')!.retired).toBe(false);
  });
});
