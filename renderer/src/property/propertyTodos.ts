import { termStates } from '../../../main/api/property/labels';
import { useApiQuery } from '../api/queries';
import { href } from '../app/router';
import type { TodoSection } from '../app/module';
import { pj } from '../i18n/property-meetings';
import { useFigureTodos } from './figures/figureTodos';

const h = pj.home;

/** The red-property module's part of "今日待办": joint-meeting resolutions past their deadline, terms due for re-election, figures not reported. */
export function usePropertyTodos(): TodoSection[] {
  const overdue = useApiQuery('property.listOverdueResolutions', { limit: 20 });
  const terms = useApiQuery('property.listTermWarnings', {});
  const figures = useFigureTodos();
  return [
    {
      key: 'property.overdue',
      title: h.overdueTitle,
      loading: overdue.isPending,
      error: overdue.error?.message,
      items: (overdue.data?.rows ?? []).map((r) => ({
        key: r.id, label: h.overdueItem(r.content), detail: h.overdueDetail(r.estateName, r.dueOn), href: href('/property/meetings', { meeting: r.meetingId }),
      })),
    },
    {
      key: 'property.terms',
      title: h.termsTitle,
      loading: terms.isPending,
      error: terms.error?.message,
      items: (terms.data ?? []).map((t) => ({
        key: t.id, label: h.termItem(t.estateName, t.termNo, termStates[t.state]), detail: h.termDetail(t.endsOn), href: href('/property/committees', { estate: t.estateId }),
      })),
    },
    ...figures,
  ];
}
