import { z } from 'zod';
import { categoryUse, requestsWithCategory } from '../../../../db/requests/requests';
import type { Db } from '../../../../db/open';
import { getSetting, setSetting } from '../../../../db/settings';
import { DomainError, fieldError, notFound } from '../../common/errors';
import type { Ctx } from '../../context';
import type { Handlers } from '../../router';
import type { requestsContract } from '../contract';
import { categoryProblem, DEFAULT_CATEGORIES, type CategoryKind, type RequestCategory } from '../rules';

const KEY = 'requests.categories';

const Stored = z.array(z.object({ code: z.string().min(1), label: z.string().min(1), kind: z.enum(['accepted', 'not_accepted']), retired: z.boolean() }));

/** The street's lists of accepted and not-accepted categories, or the draft lists until it edits them. */
export function streetCategories(db: Db): RequestCategory[] {
  const raw = getSetting(db, KEY);
  const parsed = raw ? Stored.safeParse(JSON.parse(raw)) : null;
  return parsed?.success ? parsed.data : [...DEFAULT_CATEGORIES];
}

/** A step's category, checked against the list as it stands: of the step's kind and not retired. */
export function checkCategory(db: Db, code: string, kind: CategoryKind): void {
  const problem = categoryProblem(streetCategories(db), code, kind);
  if (problem) throw fieldError('category', problem);
}

function save(ctx: Ctx, before: RequestCategory[], after: RequestCategory[], action: string, code: string) {
  setSetting(ctx.db, KEY, JSON.stringify(after));
  ctx.audit({ action, entity: 'request_category', entityId: code, before: before.find((c) => c.code === code) ?? null, after: after.find((c) => c.code === code) ?? null });
  return list(ctx.db);
}

const list = (db: Db) => {
  const use = categoryUse(db);
  return streetCategories(db).map((c) => ({ ...c, inUse: use.get(c.code) ?? 0 }));
};

function mustFind(all: RequestCategory[], code: string): RequestCategory {
  const c = all.find((x) => x.code === code);
  if (!c) throw notFound('诉求类别');
  return c;
}

export const categoryHandlers: Pick<Handlers<typeof requestsContract>,
  'requests.listCategories' | 'requests.addCategory' | 'requests.retireCategory' | 'requests.deleteCategory'
> = {
  'requests.listCategories': (_, { db }) => list(db),

  /** A new category is coded by its name (see RequestCategory), so a name is used once across both lists. */
  'requests.addCategory': ({ kind, label }, ctx) => {
    const before = streetCategories(ctx.db);
    if (before.some((c) => c.label === label || c.code === label)) throw fieldError('label', `已有名为“${label}”的类别`);
    return save(ctx, before, [...before, { code: label, label, kind, retired: false }], 'create', label);
  },

  'requests.retireCategory': ({ code, retired }, ctx) => {
    const before = streetCategories(ctx.db);
    mustFind(before, code);
    return save(ctx, before, before.map((c) => (c.code === code ? { ...c, retired } : c)), retired ? 'retire' : 'restore', code);
  },

  /** Only a category no request has: one in use is retired instead, and its requests keep it. */
  'requests.deleteCategory': ({ code }, ctx) => {
    const before = streetCategories(ctx.db);
    const c = mustFind(before, code);
    const used = requestsWithCategory(ctx.db, code);
    if (used > 0) throw new DomainError('CONFLICT', `已有 ${used} 件诉求属于“${c.label}”，不能删除；可以停用，停用后不再供梳理选择，原有诉求保留这个类别`, 'CATEGORY_IN_USE');
    return save(ctx, before, before.filter((x) => x.code !== code), 'delete', code);
  },
};
