import { termStates } from '../../../main/api/property/labels';
import { useApiQuery } from '../api/queries';
import { href } from '../app/router';
import type { TodoSection } from '../app/module';
import { periodText } from '../../../main/api/property/scoring';
import { pa } from '../i18n/property-assessments';
import { pj } from '../i18n/property-meetings';
import { useFigureTodos } from './figures/figureTodos';

const h = pj.home;

/**
 * The red-property module's part of "今日待办": joint-meeting resolutions past their deadline, terms due for
 * re-election, figures not reported, and periods with scored assessments whose red and black list is unpublished.
 */
export function usePropertyTodos(): TodoSection[] {
  const overdue = useApiQuery('property.listOverdueResolutions', { limit: 20 });
  const terms = useApiQuery('property.listTermWarnings', {});
  const figures = useFigureTodos();
  const periods = useApiQuery('property.listAssessmentPeriods', {});
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
    {
      key: 'property.lists',
      title: pa.home.unpublishedTitle,
      loading: periods.isPending,
      error: periods.error?.message,
      items: (periods.data ?? []).filter((p) => p.scored > 0 && p.revision === 0).map((p) => ({
        key: p.period, label: pa.home.unpublishedItem(periodText(p.period)), detail: pa.home.unpublishedDetail(p.scored), href: href('/property/lists', { period: p.period }),
      })),
    },
    ...figures,
  ];
}
