import { describe, expect, it } from 'vitest';
import { newId } from '../../db/ids';
import { fundFixture } from './fund-fixture';

/**
 * The fund's category lists, edited in 设置 (main/api/fund/handlers/categories.ts): added by name, retired once entries
 * have them (no longer offered, still named), deleted only while none does; the ones the fund posts by itself kept.
 */

describe('the fund’s category lists', () => {
  it('take a new category at the end of its list, once per name, for the next entry', async () => {
    const { call, attempt, income } = await fundFixture();
    const after = await call('fund.addCategory', { direction: 'income', label: '广告收入' });
    expect(after.filter((c) => c.direction === 'income').map((c) => c.label)).toEqual(['物业费提取', '众筹', '维修资金拨付', '政府补贴', '利息', '其他', '广告收入']);
    expect(after.find((c) => c.code === '广告收入')).toMatchObject({ retired: false, inUse: 0, system: false });
    expect(await attempt('fund.addCategory', { direction: 'income', label: '利息' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'label', message: '收入类别中已有“利息”' }] } });
    // The same name in the other list is another category.
    expect((await call('fund.addCategory', { direction: 'expense', label: '广告收入' })).filter((c) => c.code === '广告收入')).toHaveLength(2);
    expect((await income('1,200.00', '2026-03-01', { category: '广告收入' })).category).toBe('广告收入');
  });

  it('retire a category entries have: refused for new entries and drafts, still named on the old ones; deleted only when unused', async () => {
    const { call, attempt, account, draft, income } = await fundFixture();
    const old = await income('80.00', '2026-03-01', { category: 'interest' });
    const pending = await draft('30.00', '2026-03-02', { category: 'inspection' });
    expect(await attempt('fund.deleteCategory', { direction: 'income', code: 'interest' }))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'CATEGORY_IN_USE', message: expect.stringContaining('已有 1 笔流水属于“利息”') } });

    const list = await call('fund.retireCategory', { direction: 'income', code: 'interest', retired: true });
    expect(list.find((c) => c.code === 'interest' && c.direction === 'income')).toMatchObject({ label: '利息', retired: true, inUse: 1 });
    expect(await attempt('fund.postIncome', { id: newId(), accountId: account.id, onDate: '2026-03-05', amount: '5.00', purpose: '利息', category: 'interest' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'category', message: '“利息”已停用，请选择其他类别' }] } });
    // The posted entry keeps its category and its name.
    expect((await call('fund.listCategories', {})).find((c) => c.code === 'interest' && c.direction === 'income')).toMatchObject({ label: '利息', retired: true });
    expect((await call('fund.getEntry', { id: old.id })).entry.category).toBe('interest');
    const figures = await call('fund.getStatement', { accountId: account.id, from: '2026-03-01', to: '2026-03-31' });
    expect(figures.incomeByCategory).toEqual([expect.objectContaining({ category: 'interest', label: '利息', amount: 8_000 })]);

    // A draft with a retired category is saved again only with another one.
    await call('fund.retireCategory', { direction: 'expense', code: 'inspection', retired: true });
    const same = { id: pending.entry.id, onDate: '2026-03-02', category: 'inspection', amount: '30.00', purpose: '测试', counterparty: '安达电梯维保公司' };
    expect(await attempt('fund.updateDraft', same)).toMatchObject({ ok: false, error: { fields: [{ path: 'category' }] } });
    expect((await call('fund.updateDraft', { ...same, category: 'routine' })).entry.category).toBe('routine');
    // Now unused: it may go.
    const left = await call('fund.deleteCategory', { direction: 'expense', code: 'inspection' });
    expect(left.some((c) => c.direction === 'expense' && c.code === 'inspection')).toBe(false);

    await call('fund.retireCategory', { direction: 'income', code: 'interest', retired: false });
    expect((await income('5.00', '2026-03-06', { category: 'interest' })).category).toBe('interest');
    const audit = (await call('system.listAudit', { limit: 50 })).rows.filter((r) => r.entity === 'fund_category').map((r) => [r.action, r.entityId]);
    expect(audit).toEqual([['restore', 'income:interest'], ['delete', 'expense:inspection'], ['retire', 'expense:inspection'], ['retire', 'income:interest']]);
  });

  it('keep the categories the fund posts by itself', async () => {
    const { call, attempt } = await fundFixture();
    for (const code of ['fee_allocation', 'crowdfunding', 'subsidy', 'maintenance_grant']) {
      expect(await attempt('fund.retireCategory', { direction: 'income', code, retired: true })).toMatchObject({ ok: false, error: { reason: 'SYSTEM_CATEGORY' } });
      expect(await attempt('fund.deleteCategory', { direction: 'income', code })).toMatchObject({ ok: false, error: { reason: 'SYSTEM_CATEGORY' } });
    }
    expect((await call('fund.listCategoryUse', {})).filter((c) => c.system).map((c) => c.code)).toEqual(['fee_allocation', 'crowdfunding', 'maintenance_grant', 'subsidy']);
  });
});
