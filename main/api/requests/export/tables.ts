import { z } from 'zod';
import type { Db } from '../../../../db/open';
import { exportRequests, requestsAround, requestsReported, type RequestExport } from '../../../../db/requests/export';
import type { PackageTable, Scope, Within } from '../../../export/types';
import { id, keysOf } from '../../common/fields';
import { maskName } from '../../common/identifiers';
import { handlerKinds, ratings, requestCategories, requestSources, requestStates, urgencies } from '../labels';

export const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');
export const text = (max: number) => z.string().max(max);
export const maybe = <T extends z.ZodType>(t: T) => t.nullable();
export const phone = z.string().regex(/^[0-9*-]{4,20}$/, '电话号码格式不对');

/**
 * The community place a scope reads (null: everything here). A community kept at a street without a place of its
 * own has none of this module's rows (they are filed against places): undefined, read nothing.
 */
export const communityPlace = (scope: Scope): string | null | undefined =>
  scope.community ? (scope.community.placeId ?? undefined) : null;

/**
 * 诉求台账 in a package: every request with its current facts. The whole ledger travels, not the month's reports:
 * a request reported in March and closed in May must reach the street closed, and a community keeps some hundreds a
 * year. The reporter's name leaves masked always (张**) — no export names a resident who asked for help; the phone
 * is personal data, masked unless the clerk asks for full values (logged).
 */
/**
 * What a register asks for, read through an index instead of the whole ledger (200,000 requests at a district): a
 * tally's requests (`touching`, main/api/requests/export/tally.ts) or a month's reports. `inside` then applies the
 * reader's own test to what comes back.
 */
function narrowed(db: Db, place: string | null, within: Within | undefined): Iterable<RequestExport> {
  if (within?.keeps) return requestsAround(db, place, within.from, within.to);
  if (within?.field === 'reportedOn') return requestsReported(db, place, within.from, within.to);
  return exportRequests(db, place);
}

export const requestsTable: PackageTable<RequestExport> = {
  name: 'requests.requests',
  title: '居民诉求',
  schema: z.object({
    id,
    reportedOn: day,
    source: z.enum(keysOf(requestSources)),
    anonymous: z.boolean(),
    reporterName: maybe(text(40)),
    reporterPhone: maybe(phone),
    community: text(60),
    placeName: text(200).min(1),
    gridName: maybe(text(40)),
    content: text(2000).min(1),
    state: z.enum(keysOf(requestStates)),
    category: maybe(text(40)),
    urgency: maybe(z.enum(keysOf(urgencies))),
    answer: maybe(text(1000)),
    reason: maybe(text(1000)),
    handlerKind: maybe(z.enum(keysOf(handlerKinds))),
    handlerName: maybe(text(100)),
    dueOn: maybe(day),
    doneOn: maybe(day),
    result: maybe(text(2000)),
    publicisedOn: maybe(day),
    rating: maybe(z.enum(keysOf(ratings))),
    reopened: z.number().int().min(0).max(1000),
    updatedAt: z.iso.datetime({ offset: true }),
  }),
  fields: {
    reportedOn: '登记日期', source: '来源', anonymous: '匿名', reporterName: '反映人', reporterPhone: '联系电话',
    community: '所属社区', placeName: '地点', gridName: '网格', content: '诉求内容', state: '状态', category: '类别',
    urgency: '紧急程度', answer: '不予受理的答复', reason: '不予受理的理由', handlerKind: '承办层级', handlerName: '承办单位', dueOn: '办理期限', doneOn: '办结日期',
    result: '办理结果', publicisedOn: '公示日期', rating: '群众评价', reopened: '重新交办次数', updatedAt: '最后修改',
  },
  listFields: ['reportedOn', 'community', 'content', 'state', 'handlerName'],
  labels: {
    source: requestSources, state: requestStates, category: requestCategories, urgency: urgencies,
    handlerKind: handlerKinds, rating: ratings,
  },
  personal: { reporterPhone: 'phone' },
  coverage: () => 'all',
  *read(db, scope, _period, within) {
    const place = communityPlace(scope);
    if (place === undefined) return;
    for (const r of narrowed(db, place, within)) {
      yield { ...r, reporterName: r.reporterName === null ? null : maskName(r.reporterName) };
    }
  },
};
