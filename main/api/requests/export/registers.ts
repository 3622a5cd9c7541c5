import type { RequestExport } from '../../../../db/requests/export';
import type { Period } from '../../../export/period';
import type { Column, Register } from '../../../export/types';
import { zhCompare } from '../../party/export/org-index';
import { handlerKinds, ratings, requestCategories, requestSources, requestStates } from '../labels';
import { requestsTable } from './tables';
import { tallyBy, touching, type Tally } from './tally';

const name = <T extends Record<string, string>>(labels: T, code: string | null) => (code === null ? null : (labels[code as keyof T] ?? code));

/** 诉求登记台账: the requests reported in the period, oldest first; the reporter masked (or 匿名), the phone personal. */
export const requestRegister: Register<RequestExport> = {
  key: 'requests.requests',
  title: '民呼必应诉求登记台账',
  periodNote: () => '（本期登记的诉求，状态为导出时）',
  columns: [
    { key: 'community', header: '所属社区', width: 14, kind: 'text', multiUnit: true, value: (r) => r.community },
    { key: 'reportedOn', header: '登记日期', width: 11, kind: 'date', value: (r) => r.reportedOn, total: { count: '件' } },
    { key: 'source', header: '来源', width: 10, kind: 'text', value: (r) => name(requestSources, r.source) },
    { key: 'reporter', header: '反映人', width: 8, kind: 'text', value: (r) => (r.anonymous ? '匿名' : r.reporterName) },
    { key: 'phone', header: '联系电话', width: 13, kind: 'text', personal: 'phone', value: (r) => r.reporterPhone },
    { key: 'place', header: '地点', width: 18, kind: 'text', value: (r) => r.placeName },
    { key: 'grid', header: '网格', width: 10, kind: 'text', value: (r) => r.gridName },
    { key: 'content', header: '诉求内容', width: 30, kind: 'text', value: (r) => r.content },
    { key: 'category', header: '类别', width: 16, kind: 'text', value: (r) => name(requestCategories, r.category) },
    { key: 'handler', header: '承办单位', width: 16, kind: 'text', value: (r) => r.handlerName ?? name(handlerKinds, r.handlerKind) },
    { key: 'dueOn', header: '办理期限', width: 11, kind: 'date', value: (r) => r.dueOn },
    { key: 'state', header: '办理状态', width: 8, kind: 'text', value: (r) => requestStates[r.state] },
    { key: 'doneOn', header: '办结日期', width: 11, kind: 'date', value: (r) => r.doneOn },
    { key: 'result', header: '办理结果', width: 24, kind: 'text', value: (r) => r.result },
    { key: 'rating', header: '群众评价', width: 8, kind: 'text', value: (r) => name(ratings, r.rating) },
  ],
  rows(data, p) {
    const rows = [...data.rows(requestsTable, { field: 'reportedOn', from: p.from, to: p.to })];
    return data.local ? rows : rows.sort((a, b) => a.reportedOn.localeCompare(b.reportedOn) || a.id.localeCompare(b.id));
  },
};

export interface CategoryRow extends Tally {
  community: string;
  category: string;
}

const rate = (n: number, d: number) => (d ? n / d : null);

/**
 * 诉求分类统计: the period's counts per category (未分类 for requests still awaiting 梳理) — the same tally as the
 * 汇总 sheet's figures, so the two always agree. Rates over the 合计 row are Σ/Σ.
 */
export const categoryRegister: Register<CategoryRow> = {
  key: 'requests.categories',
  title: '民呼必应诉求分类统计',
  columns: [
    { key: 'community', header: '所属社区', width: 14, kind: 'text', multiUnit: true, value: (r) => r.community },
    { key: 'category', header: '诉求类别', width: 30, kind: 'text', value: (r) => r.category },
    { key: 'received', header: '本期受理登记', width: 8, kind: 'int', value: (r) => r.received, total: 'sum' },
    { key: 'notAccepted', header: '不予受理', width: 8, kind: 'int', value: (r) => r.notAccepted, total: 'sum' },
    { key: 'done', header: '本期办结', width: 8, kind: 'int', value: (r) => r.done, total: 'sum' },
    { key: 'doneOnTime', header: '按期办结', width: 8, kind: 'int', value: (r) => r.doneOnTime, total: 'sum' },
    { key: 'onTimeRate', header: '按期办结率', width: 8, kind: 'percent', value: (r) => rate(r.doneOnTime, r.done), total: { ratio: ['doneOnTime', 'done'] } },
    { key: 'inProgress', header: '期末在办', width: 8, kind: 'int', value: (r) => r.inProgress, total: 'sum' },
    { key: 'rated', header: '已评价', width: 7, kind: 'int', value: (r) => r.rated, total: 'sum' },
    { key: 'satisfied', header: '满意及基本满意', width: 9, kind: 'int', value: (r) => r.satisfied, total: 'sum' },
    { key: 'satisfactionRate', header: '满意率', width: 8, kind: 'percent', value: (r) => rate(r.satisfied, r.rated), total: { ratio: ['satisfied', 'rated'] } },
  ] satisfies Column<CategoryRow>[],
  rows: (data, p) => tallies(data.rows(requestsTable, touching(p)), p, (r) => name(requestCategories, r.category) ?? '未分类（待梳理）'),
};

/** One tally per community and group, in the order a clerk reads them (community, then group). */
export function tallies(rows: Iterable<RequestExport>, p: Period, groupOf: (r: RequestExport) => string): CategoryRow[] {
  const by = tallyBy(rows, p, (r) => `${r.community}\u0000${groupOf(r)}`);
  return [...by].map(([key, t]) => {
    const [community, category] = key.split('\u0000') as [string, string];
    return { community, category, ...t };
  }).sort((a, b) => zhCompare(a.community, b.community) || zhCompare(a.category, b.category));
}
