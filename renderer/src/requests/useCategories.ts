import { useMemo } from 'react';
import { categoryName, DEFAULT_CATEGORIES, type CategoryKind } from '../../../main/api/requests/rules';
import { useApiQuery } from '../api/queries';

/**
 * The street's lists of categories (设置 → 民呼必应) as pick lists: a step offers the ones still in use of its kind; the
 * ledger's filter and the drawer name every one, retired included (old requests keep theirs).
 */
export function useCategories() {
  const q = useApiQuery('requests.listCategories', {});
  return useMemo(() => {
    const list = q.data ?? DEFAULT_CATEGORIES;
    const active = (kind: CategoryKind) => list.filter((c) => c.kind === kind && !c.retired).map((c) => ({ value: c.code, label: c.label }));
    const all = list.map((c) => ({ value: c.code, label: c.retired ? `${c.label}（已停用）` : c.label }));
    return { active, all, name: (code: string | null) => categoryName(list, code) };
  }, [q.data]);
}
