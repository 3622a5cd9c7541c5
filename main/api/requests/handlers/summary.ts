import type { Db } from '../../../../db/open';
import { getPlace } from '../../../../db/party/places';
import { listRequests } from '../../../../db/requests/requests';
import { addDays, mondayOf } from '../../common/days';
import { pdfOut } from '../../../export/file-out';
import { unitNameOf } from '../../../../db/settings';
import { DAY_LIMIT, renderSummary, SUMMARY_TITLE } from '../summary-pdf';
import { requestView } from './requests';
import { requestsAround, type RequestExport } from '../../../../db/requests/export';
import { fieldError } from '../../common/errors';
import type { Handlers } from '../../router';
import type { requestsContract, RequestSummary, SummaryGroup } from '../contract';
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
 * 日登记 and 周汇总: the requests around the days read in SQL, counted by the monthly export's own tally
 * (export/tally.ts), so a week's figures are the same arithmetic as the month's 诉求分类统计 and never disagree.
 */
function summaryOf(db: Db, communityId: string | null, from: string, to: string): RequestSummary {
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
}

function mustCommunity(db: Db, communityId: string | null) {
  const community = communityId ? getPlace(db, communityId) : undefined;
  if (communityId && community?.kind !== 'community') throw fieldError('communityId', '请选择社区');
  return community;
}

export const summaryHandlers: Pick<Handlers<typeof requestsContract>, 'requests.getSummary' | 'requests.printSummary'> = {
  'requests.getSummary': ({ communityId, from, to }, { db }) => {
    mustCommunity(db, communityId);
    return summaryOf(db, communityId, from, to);
  },

  /** The screen's two parts on paper: every request of the day (the reporter masked, as in every list) and its week. */
  'requests.printSummary': async ({ communityId, day }, { db, today }) => {
    const scopeName = mustCommunity(db, communityId)?.name ?? unitNameOf(db);
    const from = mondayOf(day);
    const filter = { state: null, category: null, gridId: null, reportedOn: day, communityId, watch: null, offset: 0, limit: DAY_LIMIT };
    const requests = listRequests(db, filter).rows.map((r) => requestView(r, today));
    const categories = streetCategories(db);
    const pdf = await renderSummary({
      scopeName, unitName: unitNameOf(db), day, madeOn: today, requests,
      categoryOf: (code) => (code ? categoryName(categories, code) ?? code : ''),
      daySummary: summaryOf(db, communityId, day, day), week: summaryOf(db, communityId, from, addDays(from, 6)),
    });
    return pdfOut(`${SUMMARY_TITLE}-${scopeName}-${day}.pdf`, pdf);
  },
};
