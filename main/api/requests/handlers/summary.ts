import { getPlace } from '../../../../db/party/places';
import { requestsAround, type RequestExport } from '../../../../db/requests/export';
import { fieldError } from '../../common/errors';
import type { Handlers } from '../../router';
import type { requestsContract, SummaryGroup } from '../contract';
import { emptyTally, tallyBy, type Days } from '../export/tally';
import { requestSources, requestStates } from '../labels';
import { categoryName } from '../rules';
import { streetCategories } from './categories';

/** A request not yet sorted, in every grouping by category (the registers say the same). */
export const UNSORTED = '未分类（待梳理）';

/** The groups of a grouping in the order its labels give (known ones first, then any other in the order found). */
function groups(rows: RequestExport[], days: Days, keyOf: (r: RequestExport) => string, order: readonly string[], labelOf: (key: string) => string): SummaryGroup[] {
  const by = tallyBy(rows, days, keyOf);
  const keys = [...order.filter((k) => by.has(k)), ...[...by.keys()].filter((k) => !order.includes(k))];
  return keys.map((key) => ({ key, label: labelOf(key), tally: by.get(key)! }));
}

/**
 * 日登记 and 周汇总 on screen: the requests around the days read in SQL, counted by the monthly export's own tally
 * (export/tally.ts), so a week's figures are the same arithmetic as the month's 诉求分类统计 and never disagree.
 */
export const summaryHandlers: Pick<Handlers<typeof requestsContract>, 'requests.getSummary'> = {
  'requests.getSummary': ({ communityId, from, to }, { db }) => {
    const community = communityId ? getPlace(db, communityId) : undefined;
    if (communityId && community?.kind !== 'community') throw fieldError('communityId', '请选择社区');
    const days = { from, to };
    const rows = [...requestsAround(db, communityId, from, to)];
    const categories = streetCategories(db);
    return {
      from,
      to,
      total: tallyBy(rows, days, () => '').get('') ?? emptyTally(),
      byCategory: groups(rows, days, (r) => r.category ?? '', [...categories.map((c) => c.code), ''], (k) => (k ? categoryName(categories, k)! : UNSORTED)),
      byState: groups(rows, days, (r) => r.state, Object.keys(requestStates), (k) => requestStates[k as keyof typeof requestStates]),
      bySource: groups(rows, days, (r) => r.source, Object.keys(requestSources), (k) => requestSources[k as keyof typeof requestSources] ?? k),
    };
  },
};
