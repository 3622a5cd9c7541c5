import { todayIso } from '../common/calendar';
import type { RowIssue } from './contract';
import { headerTexts, type ColumnMapping } from './header';
import { Problems } from './problems';
import type { Cell, SheetData } from './read/cells';
import type { CellValue, ImportRegister, RowValues } from './register';
import { readValue } from './values';

/**
 * A sheet's data rows read as a register's fields: what depends on the file and the mapping only, not on the
 * database. Validation and the commit of the same file and mapping share it (kept with the parsed sheet), so the
 * commit repeats only the work that must see the database as it is then.
 */

export interface ReadRow {
  /** Excel row number. */
  row: number;
  cells: (Cell | undefined)[];
  /** Read-only: the same object in every pass over this file and mapping. */
  values: RowValues;
  /** Problems found reading the cells and in the register's `parse`. */
  issues: readonly RowIssue[];
  /** Warnings found reading the cells and in `parse`: the row imports, the clerk is told. */
  warnings: readonly RowIssue[];
  /** What the register's `parse` returned. */
  parsed: unknown;
}

export interface SkippedRow {
  /** Excel row number. */
  row: number;
  /** Why it is not data: 合计, 表尾, 重复的表头, 空行, 隐藏行. */
  reason: string;
}

export interface ReadRows {
  rows: ReadRow[];
  /** Rows with nothing in the imported columns. */
  blankRows: number;
  /** Footers ("填表人：…", "合计") and headers repeated on printed pages: not data. */
  ignoredRows: number[];
  /** Rows not read as data that the clerk may wonder about, with the reason (not the empty rows below the table). */
  skipped: SkippedRow[];
  /** Rows hidden in the sheet (by a filter, by hand), listed apart: not imported unless the clerk says so. */
  hidden: number[];
}

const FOOTER = /^(合\s*计|总\s*计|小\s*计|填表人|填报人|制表人|审核人|负责人|经办人|联系人|联系电话|填表日期|填报日期|说明|备注|注)[:：\s]/;
/** A totals row, however many of its cells are filled (合计 | | 共 11 人 | | 正式 9 人 …). */
const TOTAL = /^(合\s*计|总\s*计|小\s*计|共\s*计)[:：]?$/;

const blank = (cell: Cell | undefined) => !cell || (cell.kind === 'text' && cell.text.trim() === '');

/** Why a row with something in it is not data, or null. Decided for every row, so a data row is usually settled by its first cells. */
function notData(cells: (Cell | undefined)[], header: string[], mapped: number[]): string | null {
  const filled = cells.filter((c) => !blank(c));
  if (filled.slice(0, 2).some((c) => TOTAL.test(c!.text.trim()))) return '合计行';
  if (filled.length <= 2 && filled[0] && FOOTER.test(`${filled[0].text.trim()} `)) return '表尾';
  const same = (c: number) => !!cells[c] && !!header[c] && cells[c]!.text.trim() === header[c];
  if (!mapped.some(same)) return null;
  return mapped.filter(same).length >= mapped.length / 2 ? '重复的表头' : null;
}

function read(register: ImportRegister, sheet: SheetData, headerRow: number, mapping: ColumnMapping, includeHidden: boolean): ReadRows {
  const fields = register.fields.filter((f) => mapping[f.key] !== null && mapping[f.key] !== undefined);
  const mapped = fields.map((f) => mapping[f.key]!);
  const header = headerTexts(sheet, headerRow);
  const out: ReadRows = { rows: [], blankRows: 0, ignoredRows: [], skipped: [], hidden: [] };
  const hiddenRows = sheet.hiddenRows;
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    if (mapped.every((c) => blank(cells[c]))) {
      out.blankRows++;
      const why = !cells.some(Boolean) ? null : cells.every(blank) ? '空行（只有空格）' : notData(cells, header, mapped);
      if (why) out.skipped.push({ row: r + 1, reason: why });
      continue;
    }
    const reason = notData(cells, header, mapped);
    const hidden = !reason && hiddenRows?.has(r) === true;
    if (hidden) out.hidden.push(r + 1);
    if (hidden && !includeHidden) {
      out.skipped.push({ row: r + 1, reason: '隐藏行' });
    } else if (reason) {
      out.ignoredRows.push(r + 1);
      out.skipped.push({ row: r + 1, reason });
    } else {
      const problems = new Problems();
      const values: Record<string, CellValue> = {};
      for (const f of fields) values[f.key] = readValue(f, cells[mapping[f.key]!], problems);
      const parsed = register.parse ? register.parse(values, problems) : undefined;
      out.rows.push({ row: r + 1, cells, values, issues: problems.issues, warnings: problems.warnings, parsed });
    }
  }
  return out;
}

const cache = new WeakMap<SheetData, Map<string, ReadRows>>();

export function readRows(register: ImportRegister, sheet: SheetData, headerRow: number, mapping: ColumnMapping, includeHidden = false): ReadRows {
  // Today is part of the key: whether a date lies in the future is decided against it.
  const key = `${register.key}|${headerRow}|${JSON.stringify(mapping)}|${includeHidden}|${todayIso()}`;
  let bySheet = cache.get(sheet);
  if (!bySheet) cache.set(sheet, (bySheet = new Map()));
  let rows = bySheet.get(key);
  if (!rows) {
    rows = read(register, sheet, headerRow, mapping, includeHidden);
    if (bySheet.size >= 2) bySheet.delete(bySheet.keys().next().value!);
    bySheet.set(key, rows);
  }
  return rows;
}
