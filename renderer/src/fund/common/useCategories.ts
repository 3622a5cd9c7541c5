import { useMemo } from 'react';
import { useApiQuery } from '../../api/queries';
import type { Category } from '../types';

/** The categories of each direction as options, and a code's Chinese name (the lists live in a table, edited in 设置). */
export function useCategories() {
  const q = useApiQuery('fund.listCategories', {});
  return useMemo(() => {
    const rows: Category[] = q.data ?? [];
    // Retired categories are not offered for new entries; their names are still given for the entries that have them.
    const optionsOf = (direction: Category['direction']) =>
      rows.filter((c) => c.direction === direction && !c.retired).map((c) => ({ value: c.code, label: c.label }));
    const label = (direction: Category['direction'], code: string) => rows.find((c) => c.direction === direction && c.code === code)?.label ?? code;
    return { optionsOf, label };
  }, [q.data]);
}
