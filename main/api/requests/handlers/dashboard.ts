import { getPlace } from '../../../../db/party/places';
import { dashboardFigures, type KeyCount } from '../../../../db/requests/dashboard';
import { fieldError } from '../../common/errors';
import { permille } from '../../common/rates';
import type { Handlers } from '../../router';
import type { DashboardGroup, requestsContract } from '../contract';
import { requestSources } from '../labels';
import { categoryName } from '../rules';
import { streetCategories } from './categories';
import { UNSORTED } from './summary';

const named = (rows: KeyCount[], labelOf: (key: string | null) => string): DashboardGroup[] =>
  rows.map((r) => ({ key: r.key ?? '', label: labelOf(r.key), count: r.count }));

/** 民呼必应概览: the figures are SQL's (db/requests/dashboard.ts) on the core's today; here they get their names and rates. */
export const dashboardHandlers: Pick<Handlers<typeof requestsContract>, 'requests.getDashboard'> = {
  'requests.getDashboard': ({ communityId }, { db, today }) => {
    if (communityId && getPlace(db, communityId)?.kind !== 'community') throw fieldError('communityId', '请选择社区');
    const f = dashboardFigures(db, communityId, today);
    const categories = streetCategories(db);
    return {
      today,
      month: f.month,
      onTimeRate: permille({ num: f.month.doneOnTime, den: f.month.done }),
      satisfactionRate: permille({ num: f.month.satisfied, den: f.month.rated }),
      months: f.months,
      byCategory: named(f.byCategory, (k) => categoryName(categories, k) ?? UNSORTED),
      bySource: named(f.bySource, (k) => requestSources[k as keyof typeof requestSources] ?? k ?? ''),
      overdue: f.overdue,
    };
  },
};
