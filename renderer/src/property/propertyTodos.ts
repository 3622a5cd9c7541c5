import { termStates } from '../../../main/api/property/labels';
import { useApiQuery } from '../api/queries';
import { href } from '../app/router';
import type { TodoSection } from '../app/module';
import { periodText } from '../../../main/api/property/scoring';
import { pa } from '../i18n/property-assessments';
import { pc } from '../i18n/property-cards';
import { pj } from '../i18n/property-meetings';
import { useFigureTodos } from './figures/figureTodos';

const h = pj.home;

/**
 * The red-property module's part of "今日待办": joint-meeting resolutions past their deadline, terms due for
 * re-election, figures not reported, periods with scored assessments whose red and black list is unpublished, overdue
 * resolutions of companies with no yellow card for them yet, companies whose yellows reached the red threshold, and
 * published lists that the scores or rule no longer give (红黑榜待更正).
 */
export function usePropertyTodos(): TodoSection[] {
  const overdue = useApiQuery('property.listOverdueResolutions', { limit: 20 });
  const terms = useApiQuery('property.listTermWarnings', {});
  const figures = useFigureTodos();
  const periods = useApiQuery('property.listAssessmentPeriods', {});
  const stale = useApiQuery('property.listListsToCorrect', {});
  const cards = useApiQuery('property.listCardProposals', {});
  const company = (id: string) => href('/property/companies', { company: id });
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
    {
      key: 'property.staleLists',
      title: pa.home.staleTitle,
      loading: stale.isPending,
      error: stale.error?.message,
      items: (stale.data ?? []).map((p) => ({
        key: p.period, label: pa.home.staleItem(periodText(p.period)), detail: pa.home.staleDetail(p.revision), href: href('/property/lists', { period: p.period }),
      })),
    },
    {
      key: 'property.yellowCards',
      title: pc.home.yellowTitle,
      loading: cards.isPending,
      error: cards.error?.message,
      items: (cards.data?.resolutions ?? []).map((p) => ({
        key: p.resolutionId, label: pc.home.yellowItem(p.companyName, p.content), detail: pc.home.yellowDetail(p.estateName, p.dueOn), href: company(p.companyId),
      })),
    },
    {
      key: 'property.redCards',
      title: pc.home.redTitle,
      loading: cards.isPending,
      error: cards.error?.message,
      items: (cards.data?.redDue ?? []).map((c) => ({
        key: c.companyId, label: pc.home.redItem(c.companyName), detail: pc.home.redDetail(c.standing.yellows, c.standing.windowFrom), href: company(c.companyId),
      })),
    },
    ...figures,
  ];
}
