import { periodLabel } from '../../../../main/api/property/figures';
import { useApiQuery } from '../../api/queries';
import { href } from '../../app/router';
import type { TodoSection } from '../../app/module';
import { pf } from '../../i18n/property-figures';

const h = pf.home;

/** 今日待办: managed estates without fee figures for the quarter just ended, or without a survey for a year. */
export function useFigureTodos(): TodoSection[] {
  const gaps = useApiQuery('property.listFigureGaps', {});
  const g = gaps.data;
  const common = { loading: gaps.isPending, error: gaps.error?.message };
  return [
    {
      key: 'property.fees',
      title: h.feesTitle(g ? periodLabel(g.period) : ''),
      ...common,
      items: (g?.fees ?? []).map((e) => ({
        key: e.estateId, label: `${e.estateName} · ${e.communityName}`, detail: h.feesDetail, href: href('/property/fees', { period: g!.period }),
      })),
    },
    {
      key: 'property.surveys',
      title: h.surveysTitle,
      ...common,
      items: (g?.surveys ?? []).map((e) => ({
        key: e.estateId, label: `${e.estateName} · ${e.communityName}`, detail: h.surveysDetail(periodLabel(g!.surveysSince)),
        href: href('/property/surveys', { period: g!.period }),
      })),
    },
  ];
}
