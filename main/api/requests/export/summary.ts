import type { ModuleExport, SummaryPart } from '../../../export/types';
import { tallies } from './registers';
import { requestsTable } from './tables';
import { touching } from './tally';

const FIGURES = [
  { key: 'received', label: '本月受理诉求', kind: 'int' },
  { key: 'done', label: '本月办结', kind: 'int' },
  { key: 'inProgress', label: '月末在办', kind: 'int' },
  { key: 'doneOnTime', label: '按期办结', kind: 'int' },
  { key: 'onTimeRate', label: '按期办结率', kind: 'percent', ratio: ['doneOnTime', 'done'] },
  { key: 'rated', label: '已评价', kind: 'int' },
  { key: 'satisfied', label: '满意及基本满意', kind: 'int' },
  { key: 'satisfactionRate', label: '群众满意率', kind: 'percent', ratio: ['satisfied', 'rated'] },
] as const satisfies ModuleExport['summary']['figures'];

/** 民呼必应's 月上报 figures per community: the 诉求分类统计 sheet's rows added up per community (one tally, so they agree). */
export const requestsSummary: ModuleExport['summary'] = {
  figures: FIGURES,
  compute: (data, p): SummaryPart[] =>
    tallies(data.rows(requestsTable, touching(p)), p, () => '').map(({ community, category: _, ...values }) => ({ community, values: { ...values } })),
};
