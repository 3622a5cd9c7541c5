import { useApiQuery } from '../api/queries';
import type { TodoSection } from '../app/module';
import { href } from '../app/router';
import { rq } from '../i18n/requests';
import { rc } from '../i18n/requests-care';

const h = rq.home;

/** The ledger's part of "今日待办": overdue requests, those due today, awaiting 梳理 or a return visit, 重点关爱户 past their visit interval, each linking to its list. */
export function useRequestTodos(): TodoSection[] {
  const todos = useApiQuery('requests.getTodos', {});
  const t = todos.data;
  const items = !t ? [] : [
    t.overdue > 0 && { key: 'overdue', label: h.overdue(t.overdue), detail: h.overdueDetail, href: href('/requests/ledger', { watch: 'overdue' }) },
    t.dueToday > 0 && { key: 'dueToday', label: h.dueToday(t.dueToday), detail: h.dueTodayDetail, href: href('/requests/ledger', { watch: 'dueToday' }) },
    t.awaitingSorting > 0 && { key: 'sorting', label: h.sorting(t.awaitingSorting), detail: h.sortingDetail, href: href('/requests/ledger', { state: 'reported' }) },
    t.openWishes > 0 && { key: 'wishes', label: h.wishes(t.openWishes), detail: h.wishesDetail, href: href('/requests/wishes', { state: 'open' }) },
    t.careVisitsDue > 0 && { key: 'care', label: rc.home.due(t.careVisitsDue), detail: rc.home.dueDetail, href: href('/requests/care', { due: '1' }) },
    t.awaitingEvaluation > 0 && { key: 'evaluation', label: h.evaluation(t.awaitingEvaluation), detail: h.evaluationDetail, href: href('/requests/ledger', { state: 'publicised' }) },
  ].filter((i) => i !== false);
  return [{ key: 'requests', title: h.title, loading: todos.isPending, error: todos.error?.message, items }];
}
