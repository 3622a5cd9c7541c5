/**
 * What a spreadsheet cell holds once read, whatever the file format. Dates are kept apart from numbers because
 * a register's date column arrives as any of: a date-formatted cell, a bare serial number, or text.
 */
export type Cell =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number; text: string }
  | { kind: 'date'; iso: string; text: string }
  | { kind: 'bool'; value: boolean; text: string }
  | { kind: 'error'; text: string };

export interface MergedRange {
  /** 0-based, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetData {
  name: string;
  hidden: boolean;
  /** rows[r][c], 0-based (Excel row r + 1); missing rows and cells are undefined. */
  rows: (Cell | undefined)[][];
  merges: MergedRange[];
  /** 0-based columns hidden in the sheet (a column of old phone numbers kept "just in case"). */
  hiddenColumns?: ReadonlySet<number>;
  /** 0-based rows hidden by a filter or by hand (people marked 已转出, filtered out). */
  hiddenRows?: ReadonlySet<number>;
}

export interface WorkbookData {
  format: 'xlsx' | 'csv';
  /** The text encoding a CSV was read with (UTF-8 or GB18030). */
  encoding: string | null;
  sheets: SheetData[];
}

export const textCell = (text: string): Cell => ({ kind: 'text', text });

/** Excel's serial day numbers (1900 system, with its phantom 1900-02-29; or the Mac 1904 system) to YYYY-MM-DD. */
export function serialToIso(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const days = Math.floor(serial);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(epoch + days * 86_400_000).toISOString().slice(0, 10);
}

/** Column letters (A, B, …, AA) ↔ 0-based index. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "B12" → { row: 11, col: 1 }. */
export function parseRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
  return m ? { row: Number(m[2]) - 1, col: columnIndex(m[1]!) } : null;
}

/**
 * Cells of a merged range are stored empty except the top-left one. A range that spans rows means its value in
 * every row: a branch name merged down over its members (a common layout), or a header cell merged down beside a
 * two-row header group — filled in, the lower header row holds every label. Ranges within one row (a title across
 * the sheet, a group header over its sub-columns) say nothing about the cells beside them and are left alone.
 */
export function fillVerticalMerges(sheet: SheetData): void {
  for (const m of sheet.merges) {
    if (m.bottom === m.top) continue;
    const value = sheet.rows[m.top]?.[m.left];
    if (!value) continue;
    for (let r = m.top; r <= m.bottom; r++) {
      const row = (sheet.rows[r] ??= []);
      for (let c = m.left; c <= m.right; c++) row[c] ??= value;
    }
  }
}
