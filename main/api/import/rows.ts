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

export interface ReadRows {
  rows: ReadRow[];
  /** Rows with nothing in the imported columns. */
  blankRows: number;
  /** Footers ("填表人：…", "合计") and headers repeated on printed pages: not data. */
  ignoredRows: number[];
}

const FOOTER = /^(合\s*计|总\s*计|小\s*计|填表人|填报人|制表人|审核人|负责人|经办人|联系人|联系电话|填表日期|填报日期|说明|备注|注)[:：\s]/;

/** Decided for every row, so a data row is usually settled by its first cells alone. */
function isNotData(cells: (Cell | undefined)[], header: string[], mapped: number[]): boolean {
  const filled = cells.filter(Boolean);
  if (filled.length <= 2 && filled[0] && FOOTER.test(`${filled[0].text.trim()} `)) return true;
  const same = (c: number) => !!cells[c] && !!header[c] && cells[c]!.text.trim() === header[c];
  if (!mapped.some(same)) return false;
  return mapped.filter(same).length >= mapped.length / 2;
}

function read(register: ImportRegister, sheet: SheetData, headerRow: number, mapping: ColumnMapping): ReadRows {
  const fields = register.fields.filter((f) => mapping[f.key] !== null && mapping[f.key] !== undefined);
  const mapped = fields.map((f) => mapping[f.key]!);
  const header = headerTexts(sheet, headerRow);
  const out: ReadRows = { rows: [], blankRows: 0, ignoredRows: [] };
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    if (!mapped.some((c) => cells[c])) out.blankRows++;
    else if (isNotData(cells, header, mapped)) out.ignoredRows.push(r + 1);
    else {
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

export function readRows(register: ImportRegister, sheet: SheetData, headerRow: number, mapping: ColumnMapping): ReadRows {
  // Today is part of the key: whether a date lies in the future is decided against it.
  const key = `${register.key}|${headerRow}|${JSON.stringify(mapping)}|${todayIso()}`;
  let bySheet = cache.get(sheet);
  if (!bySheet) cache.set(sheet, (bySheet = new Map()));
  let rows = bySheet.get(key);
  if (!rows) {
    rows = read(register, sheet, headerRow, mapping);
    if (bySheet.size >= 2) bySheet.delete(bySheet.keys().next().value!);
    bySheet.set(key, rows);
  }
  return rows;
}
