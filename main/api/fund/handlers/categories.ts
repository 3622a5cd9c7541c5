import { categoryOf, categoryUse, deleteCategory, insertCategory, listCategories, setCategoryRetired } from '../../../../db/fund/categories';
import type { Direction } from '../../../../db/fund/types';
import type { Db } from '../../../../db/open';
import { DomainError, fieldError } from '../../common/errors';
import type { Ctx } from '../../context';
import type { Handlers } from '../../router';
import type { CategoryUse, fundContract } from '../contract';
import { directions, SYSTEM_CATEGORIES } from '../labels';

type C = typeof fundContract;

const isSystem = (direction: Direction, code: string) => SYSTEM_CATEGORIES.some((c) => c.direction === direction && c.code === code);

function withUse(db: Db): CategoryUse[] {
  const used = new Map(categoryUse(db).map((u) => [`${u.direction}:${u.code}`, u.n]));
  return listCategories(db).map((c) => ({ ...c, inUse: used.get(`${c.direction}:${c.code}`) ?? 0, system: isSystem(c.direction, c.code) }));
}

function mustCategory(db: Db, direction: Direction, code: string, verb: string): string {
  const label = categoryOf(db, direction, code)?.label;
  if (!label) throw fieldError('code', '类别不存在');
  if (isSystem(direction, code)) throw new DomainError('DOMAIN', `“${label}”由基金自动记账使用，不能${verb}`, 'SYSTEM_CATEGORY');
  return label;
}

const audit = (ctx: Ctx, action: string, direction: Direction, code: string, after: Record<string, unknown>) =>
  ctx.audit({ action, entity: 'fund_category', entityId: `${direction}:${code}`, after: { direction: directions[direction], code, ...after } });

/**
 * The category lists, edited in 设置 (issue 11: "editable"): a category is added by name; one that entries have is
 * retired — no longer offered, still named on the entries, statements and registers that have it — and only one
 * no entry has is deleted. Each entry's hash covers its category's code, never its name, so nothing here touches a chain.
 */
export const categoryHandlers: Pick<Handlers<C>, 'fund.listCategoryUse' | 'fund.addCategory' | 'fund.retireCategory' | 'fund.deleteCategory'> = {
  'fund.listCategoryUse': (_input, { db }) => withUse(db),

  'fund.addCategory': ({ direction, label }, ctx) => {
    if (listCategories(ctx.db).some((c) => c.direction === direction && (c.label === label || c.code === label))) {
      throw fieldError('label', `${directions[direction]}类别中已有“${label}”`);
    }
    insertCategory(ctx.db, direction, label, label);
    audit(ctx, 'create', direction, label, { label });
    return withUse(ctx.db);
  },

  'fund.retireCategory': ({ direction, code, retired }, ctx) => {
    const label = mustCategory(ctx.db, direction, code, '停用');
    setCategoryRetired(ctx.db, direction, code, retired);
    audit(ctx, retired ? 'retire' : 'restore', direction, code, { label });
    return withUse(ctx.db);
  },

  'fund.deleteCategory': ({ direction, code }, ctx) => {
    const label = mustCategory(ctx.db, direction, code, '删除');
    const used = withUse(ctx.db).find((c) => c.direction === direction && c.code === code)!.inUse;
    if (used > 0) {
      throw new DomainError('CONFLICT', `已有 ${used} 笔流水属于“${label}”，不能删除；可以停用，停用后新记账不再提供，原有流水保留这个类别`, 'CATEGORY_IN_USE');
    }
    deleteCategory(ctx.db, direction, code);
    audit(ctx, 'delete', direction, code, { label });
    return withUse(ctx.db);
  },
};
