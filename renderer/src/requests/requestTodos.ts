import { useApiQuery } from '../api/queries';
import type { TodoSection } from '../app/module';
import { href } from '../app/router';
import { rq } from '../i18n/requests';

const h = rq.home;

/** The ledger's part of "今日待办": overdue requests and those awaiting 梳理, each linking to its list. */
export function useRequestTodos(): TodoSection[] {
  const todos = useApiQuery('requests.getTodos', {});
  const t = todos.data;
  const items = !t ? [] : [
    t.overdue > 0 && { key: 'overdue', label: h.overdue(t.overdue), detail: h.overdueDetail, href: href('/requests/ledger', { overdue: '1' }) },
    t.awaitingSorting > 0 && { key: 'sorting', label: h.sorting(t.awaitingSorting), detail: h.sortingDetail, href: href('/requests/ledger', { state: 'reported' }) },
  ].filter((i) => i !== false);
  return [{ key: 'requests', title: h.title, loading: todos.isPending, error: todos.error?.message, items }];
}
