import ExcelJS from 'exceljs';
import type { RowIssue, RowStatus } from './contract';
import type { PassResult } from './engine';
import { headerTexts } from './header';
import { columnCount, type Job } from './job';
import { maskedText } from './mask';
import type { Cell } from './read/cells';

/**
 * The report a clerk downloads to fix the file: the file's rows as they are, with the original row number in front,
 * the outcome and the error explanation after, and every cell with an error filled red.
 */

const OUTCOME: Record<RowStatus, string> = {
  create: '新增',
  update: '更新已有记录',
  skip: '已存在，跳过',
  duplicate: '文件内重复',
  error: '有错误',
  excluded: '已排除',
};

const RED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const RED_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF9C0006' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

/** The report masks ID numbers and phones (mask.ts) unless the clerk chose full values, which the download audits. */
export async function reportWorkbook(job: Job, pass: PassResult, unmasked = false): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('核对结果', { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  const width = columnCount(job.sheet, job.headerIndex);
  const header = headerTexts(job.sheet, job.headerIndex);
  const labelOf = new Map(job.register.fields.map((f) => [f.key, f.label]));
  const columnOf = (field: string) => job.mapping[field] ?? null;
  const kinds = new Map(job.register.fields.filter((f) => columnOf(f.key) !== null).map((f) => [columnOf(f.key)!, f.kind]));
  const shown = (cells: (Cell | undefined)[]) =>
    Array.from({ length: width }, (_, c) => (unmasked ? (cells[c]?.text ?? '') : maskedText(cells[c]?.text ?? '', kinds.get(c))));

  ws.addRow(['原行号', ...Array.from({ length: width }, (_, c) => header[c] ?? ''), '导入结果', '错误说明']);
  ws.getRow(1).eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
  });
  for (const r of pass.rows) {
    const say = (i: RowIssue) => (i.field ? `${labelOf.get(i.field) ?? i.field}：${i.message}` : i.message);
    const explanation = [...r.issues.map(say), ...r.warnings.map((i) => `提示 · ${say(i)}`)].join('；');
    const row = ws.addRow([r.row, ...shown(r.cells), OUTCOME[r.status], explanation]);
    if (r.issues.length === 0) continue;
    for (const issue of r.issues) {
      const col = issue.field ? columnOf(issue.field) : null;
      const target = row.getCell(col === null ? width + 3 : col + 2);
      target.fill = RED_FILL;
      target.font = RED_FONT;
    }
    row.getCell(width + 2).font = RED_FONT;
    row.getCell(width + 3).font = RED_FONT;
  }
  for (const { row: r, reason } of pass.skipped) {
    const cells = job.sheet.rows[r - 1] ?? [];
    ws.addRow([r, ...shown(cells), '不是数据行，未导入', reason]);
  }
  ws.columns.forEach((col, i) => {
    col.width = i === 0 ? 8 : i === width + 2 ? 60 : 14;
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: width + 3 } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
