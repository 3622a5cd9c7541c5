import type { PdfTable } from '../../export/pdf/document';
import { renderDocument } from '../../export/pdf/document';
import { displayValue } from '../../export/format';
import { chineseDate } from '../../export/period';
import type { RequestSummary, RequestView } from './contract';
import { requestSources, requestStates } from './labels';
import type { Tally } from './export/tally';

export const SUMMARY_TITLE = '民呼必应日登记与周汇总';

/** A day's register on paper holds every request of the day up to this (a street's busiest day is far below). */
export const DAY_LIMIT = 2000;

// The registers' own printed forms (main/export/format.ts); a rate without a denominator reads —.
const int = (n: number) => displayValue('int', n);
const rate = (n: number, d: number) => (d ? displayValue('percent', n / d) : '—');

/** The week's tally columns, as the screen and the month's 诉求分类统计 have them; the rates of 合计 are Σ/Σ. */
const TALLY_COLUMNS = ['本周登记', '不予受理', '本周办结', '按期办结', '按期办结率', '周末在办', '已评价', '满意及基本满意', '满意率'];
const tallyCells = (t: Tally) => [
  int(t.received), int(t.notAccepted), int(t.done), int(t.doneOnTime), rate(t.doneOnTime, t.done),
  int(t.inProgress), int(t.rated), int(t.satisfied), rate(t.satisfied, t.rated),
];

function grouping(title: string, groups: RequestSummary['byCategory'], total: Tally): PdfTable {
  return {
    kind: 'table',
    columns: [{ header: title, width: 18 }, ...TALLY_COLUMNS.map((header, i) => ({ header, width: i === 7 ? 12 : 8.75, align: 'right' as const }))],
    rows: [...groups.map((g) => [g.label, ...tallyCells(g.tally)]), ['合计', ...tallyCells(total)]],
  };
}

/**
 * 日登记 and 周汇总 (issue 16) as the screen shows them, for the office's binder: the day's requests as registered —
 * the reporter masked (张*) or 匿名, never named in full — with the day's figures, then the week (Monday to Sunday)
 * by category, state and source. Not signed: the plain layout, landscape for the week's ten columns.
 */
export function renderSummary(d: {
  scopeName: string;
  unitName: string;
  day: string;
  madeOn: string;
  requests: readonly RequestView[];
  categoryOf: (code: string | null) => string;
  daySummary: RequestSummary;
  week: RequestSummary;
}): Promise<Buffer> {
  const t = d.daySummary.total;
  return renderDocument({
    title: SUMMARY_TITLE,
    subtitle: [d.scopeName, chineseDate(d.day)],
    orientation: 'landscape',
    author: d.unitName,
    blocks: [
      { kind: 'paragraph', text: `日登记 · ${chineseDate(d.day)}`, bold: true, size: 13 },
      { kind: 'paragraph', text: `当日登记 ${int(t.received)} 件，当日办结 ${int(t.done)} 件，不予受理 ${int(t.notAccepted)} 件，日末在办 ${int(t.inProgress)} 件。` },
      d.requests.length === 0
        ? { kind: 'paragraph', text: '这一天没有登记的诉求。' }
        : {
            kind: 'table',
            columns: [
              { header: '序号', width: 5, align: 'center' },
              { header: '来源', width: 10 },
              { header: '反映人', width: 8 },
              { header: '地点', width: 18 },
              { header: '诉求内容', width: 37 },
              { header: '类别', width: 12 },
              { header: '状态', width: 10 },
            ],
            rows: d.requests.map((r, i) => [
              String(i + 1),
              requestSources[r.source as keyof typeof requestSources] ?? r.source,
              r.anonymous ? '匿名' : (r.reporterName ?? ''),
              r.placeName,
              r.content,
              d.categoryOf(r.category),
              requestStates[r.state],
            ]),
          },
      { kind: 'paragraph', text: `周汇总 · ${chineseDate(d.week.from)}至${chineseDate(d.week.to)}`, bold: true, size: 13 },
      { kind: 'paragraph', text: '登记按上报日，办结按办结日，在办为截至周末已登记、未办结的诉求；合计行的比率由合计数算出（与月报“诉求分类统计”同一算法）。', size: 9.5 },
      grouping('按类别', d.week.byCategory, d.week.total),
      grouping('按办理状态（当前）', d.week.byState, d.week.total),
      grouping('按来源', d.week.bySource, d.week.total),
      { kind: 'paragraph', text: `制表单位：${d.unitName}　　制表日期：${chineseDate(d.madeOn)}`, size: 10.5 },
    ],
  });
}
