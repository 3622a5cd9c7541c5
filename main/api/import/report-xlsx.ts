import { STYLE } from '../../export/xlsx/styles';
import type { XmlCell } from '../../export/xlsx/sheet-xml';
import { WorkbookBuilder } from '../../export/xlsx/workbook';
import { nowIso } from '../../../db/moment';
import { rowAt, type RowIssue, type RowStatus } from './contract';
import type { PassResult } from './engine';
import { headerTexts } from './header';
import { columnCount, rowOf, type Job } from './job';
import { maskedText } from './mask';
import type { Cell } from './read/cells';

/**
 * The report a clerk downloads to fix the file: the file's rows as they are, with the original row number in front,
 * the outcome and the error explanation after, and every cell with an error filled red.
 *
 * Written with the exports' own sheet writer (main/export/xlsx), XML produced row by row and deflated as it goes:
 * exceljs spent about 2 s of a 10,000-row report building its cell objects and styles.
 */

const OUTCOME: Record<RowStatus, string> = {
  create: '新增',
  update: '更新已有记录',
  skip: '已存在，跳过',
  duplicate: '文件内重复',
  error: '有错误',
  excluded: '已排除',
};

const TEXT = STYLE.data('text');
const ROW_NUMBER = STYLE.data('int');
/** Rows looked at to size a column: the header and the first rows, as the clerk first sees them. */
const SIZED_BY_ROWS = 50;

/** A column's width in characters: its longest text among the first rows (a Chinese character counts two), 8–30. */
function widthOf(texts: string[]): number {
  const longest = Math.max(0, ...texts.map((t) => t.length + (t.match(/[^\x00-\xff]/g)?.length ?? 0)));
  return Math.min(30, Math.max(8, longest + 2));
}

/** The report masks ID numbers and phones (mask.ts) unless the clerk chose full values, which the download audits. */
export async function reportWorkbook(job: Job, pass: PassResult, unmasked: boolean, operator: string): Promise<Buffer> {
  const width = columnCount(job.sheet, job.headerIndex);
  const header = headerTexts(job.sheet, job.headerIndex);
  const labelOf = new Map(job.register.fields.map((f) => [f.key, f.label]));
  const columnOf = (field: string) => job.mapping[field] ?? null;
  const fieldOf = new Map(job.register.fields.filter((f) => columnOf(f.key) !== null).map((f) => [columnOf(f.key)!, f]));
  const say = (i: RowIssue) => (i.field ? `${labelOf.get(i.field) ?? i.field}：${i.message}` : i.message);

  const several = job.sheetNames !== null;
  /** One report row: (the sheet,) row number, the file's cells (masked unless chosen), outcome, explanation. */
  const line = (key: number, cells: (Cell | undefined)[], outcome: string, explanation: string, issues: readonly RowIssue[] = []): XmlCell[] => {
    const red = new Set(issues.map((i) => (i.field ? columnOf(i.field) : null)).filter((c) => c !== null));
    const wholeRow = issues.some((i) => !i.field || columnOf(i.field) === null);
    const { sheet, row } = rowAt(key, job.sheetNames);
    const out: XmlCell[] = [...(several ? [{ value: sheet, style: TEXT }] : []), { value: row, style: ROW_NUMBER }];
    for (let c = 0; c < width; c++) {
      const text = cells[c]?.text ?? '';
      out.push({ value: (unmasked ? text : maskedText(text, fieldOf.get(c))) || null, style: red.has(c) ? STYLE.error : TEXT });
    }
    const errorText = issues.length ? STYLE.errorText : TEXT;
    out.push({ value: outcome, style: errorText }, { value: explanation || null, style: wholeRow ? STYLE.error : errorText });
    return out;
  };

  function* rows(): Generator<XmlCell[]> {
    for (const r of pass.rows) {
      const explanation = [...r.issues.map(say), ...r.warnings.map((i) => `提示 · ${say(i)}`)].join('；');
      yield line(r.row, r.cells, OUTCOME[r.status], explanation, r.issues);
    }
    for (const { row, reason } of pass.skipped) yield line(row, rowOf(job, row).cells, '不是数据行，未导入', reason);
  }

  const book = new WorkbookBuilder(operator, nowIso());
  book.addTable(
    '核对结果',
    { widths: [...(several ? [16] : []), 8, ...Array.from({ length: width }, (_, c) => widthOf(job.sheet.rows.slice(job.headerIndex, job.headerIndex + SIZED_BY_ROWS).map((r) => r?.[c]?.text ?? ''))), 14, 60], frozenColumns: several ? 2 : 1 },
    [...(several ? ['工作表'] : []), '原行号', ...Array.from({ length: width }, (_, c) => header[c] ?? ''), '导入结果', '错误说明'],
    rows(),
  );
  return book.finish();
}
