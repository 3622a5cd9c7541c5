import { listPlaces } from '../../../../db/party/places';
import { copiesSource, dashboardFigures, ledgerSource, type KeyCount } from '../../../../db/requests/dashboard';
import type { Db } from '../../../../db/open';
import { listUnits } from '../../../../db/submission/consolidated';
import { fieldError } from '../../common/errors';
import { permille } from '../../common/rates';
import type { Handlers } from '../../router';
import type { DashboardCommunity, DashboardGroup, requestsContract } from '../contract';
import { requestSources } from '../labels';
import { categoryName } from '../rules';
import { streetCategories } from './categories';
import { UNSORTED } from './summary';

const named = (rows: KeyCount[], labelOf: (key: string | null) => string): DashboardGroup[] =>
  rows.map((r) => ({ key: r.key ?? '', label: labelOf(r.key), count: r.count }));

/**
 * The communities here: the places register's, and the consolidated units of level community (a street's
 * communities that send packages). A unit named as a place is that community — the street may file requests of
 * its own there — so the two are one choice, counting both.
 */
function communitiesHere(db: Db): DashboardCommunity[] {
  const units = listUnits(db).filter((u) => u.level === 'community');
  const places = listPlaces(db).filter((p) => p.kind === 'community');
  const unitOf = new Map(units.map((u) => [u.name, u.code]));
  const placed = new Set(places.map((p) => p.name));
  return [
    ...places.map((p) => ({ placeId: p.id, unitCode: unitOf.get(p.name) ?? null, name: p.name })),
    ...units.filter((u) => !placed.has(u.name)).map((u) => ({ placeId: null, unitCode: u.code, name: u.name })),
  ].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/**
 * 民呼必应概览: the figures are SQL's (db/requests/dashboard.ts) on the core's today; here they get their names and
 * rates. Everything here is this installation's ledger and every consolidated copy (at a street, its communities'
 * requests); one community is its place's requests and its unit's copies.
 */
export const dashboardHandlers: Pick<Handlers<typeof requestsContract>, 'requests.getDashboard'> = {
  'requests.getDashboard': ({ communityId, unitCode }, { db, today }) => {
    const communities = communitiesHere(db);
    const chosen = communityId ? communities.find((c) => c.placeId === communityId) : unitCode ? communities.find((c) => c.unitCode === unitCode) : null;
    if (chosen === undefined) throw fieldError(communityId ? 'communityId' : 'unitCode', '请选择社区');
    const sources = chosen
      ? [...(chosen.placeId ? [ledgerSource(chosen.placeId)] : []), ...(chosen.unitCode ? [copiesSource(chosen.unitCode)] : [])]
      : [ledgerSource(null), copiesSource(null)];
    const f = dashboardFigures(db, sources, today);
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
      overdueHere: f.overdueHere,
      communities,
    };
  },
};
