import { headerKey, headerTexts, SCAN_ROWS, type ColumnMapping } from './header';
import type { SheetData } from './read/cells';
import type { ImportRegister } from './register';

/**
 * Another sheet's header held against the layout's, by header text: the same branch register kept by two clerks
 * has its columns in another order, an extra 备注, or one column fewer, and is still imported with one mapping.
 */

/**
 * Where each of the layout's columns stands in another sheet's header (headerKey; the k-th 联系电话 to the k-th):
 * null where the other header lacks it.
 */
export function alignHeader(layout: readonly string[], other: readonly string[]): (number | null)[] {
  const free = new Map<string, number[]>();
  other.forEach((text, col) => {
    const key = headerKey(text);
    if (key) free.set(key, [...(free.get(key) ?? []), col]);
  });
  return layout.map((text) => {
    const key = headerKey(text);
    return key ? (free.get(key)?.shift() ?? null) : null;
  });
}

/** The layout's columns a mapping reads (not the sheet's name), and of them those of required fields. */
export interface ColumnsRead {
  mapped: number[];
  required: number[];
}

export function columnsRead(register: ImportRegister, mapping: ColumnMapping, width: number): ColumnsRead {
  const inLayout = (c: number | null | undefined): c is number => c != null && c >= 0 && c < width;
  const mapped = [...new Set(Object.values(mapping).filter(inLayout))].sort((a, b) => a - b);
  const required = register.fields.map((f) => (f.required ? mapping[f.key] : null)).filter(inLayout);
  return { mapped, required: [...new Set(required)].sort((a, b) => a - b) };
}

/** A sheet's header against the layout's: at which row, where each of the layout's columns is, what it lacks. */
export interface AlignedHeader {
  row: number;
  /** Per column of the layout, the sheet's column with its header, or null. */
  columns: (number | null)[];
  /** The mapped columns this header lacks (read as blank), and of them the required ones (it cannot be imported). */
  missing: number[];
  missingRequired: number[];
}

/**
 * The row among a sheet's first rows whose header has most of the columns read — required ones first, then the
 * rest; the first of the best, since a title block above has fewer. Null for a sheet with no rows.
 */
export function closestHeader(sheet: SheetData, layout: readonly string[], read: ColumnsRead): AlignedHeader | null {
  let best: AlignedHeader | null = null;
  const worse = (a: AlignedHeader, b: AlignedHeader) =>
    a.missingRequired.length - b.missingRequired.length || a.missing.length - b.missing.length;
  for (let r = 0; r < Math.min(sheet.rows.length, SCAN_ROWS); r++) {
    const columns = alignHeader(layout, headerTexts(sheet, r));
    const missing = read.mapped.filter((c) => columns[c] == null);
    const here = { row: r, columns, missing, missingRequired: read.required.filter((c) => columns[c] == null) };
    if (!best || worse(here, best) < 0) best = here;
    if (missing.length === 0) break;
  }
  return best;
}

/**
 * The header a sheet can be imported at with the layout: one with every required column the mapping reads and at
 * least one column read. Null when it has none (another register on that sheet, or a 说明 page).
 */
export function fittingHeader(sheet: SheetData, layout: readonly string[], read: ColumnsRead): AlignedHeader | null {
  const closest = closestHeader(sheet, layout, read);
  return closest && closest.missingRequired.length === 0 && closest.missing.length < read.mapped.length ? closest : null;
}

/** How another sheet's header differs from the layout's, in the clerk's words; null when it reads the same. */
export function headerDifference(layout: readonly string[], other: readonly string[], header: AlignedHeader): string | null {
  const { columns, missing } = header;
  const used = new Set(columns.filter((c) => c !== null));
  const quoted = (cols: number[], texts: readonly string[]) => cols.map((c) => `“${texts[c]}”`).join('、');
  const unread = layout.flatMap((t, c) => (headerKey(t) !== '' && columns[c] == null && !missing.includes(c) ? [c] : []));
  const extra = other.flatMap((t, c) => (headerKey(t) !== '' && !used.has(c) ? [c] : []));
  const found = columns.filter((c): c is number => c !== null);
  const parts = [
    missing.length ? `没有${quoted(missing, layout)}列（按空白导入）` : '',
    unread.length ? `没有${quoted(unread, layout)}列` : '',
    extra.length ? `多出${quoted(extra, other)}列（不导入）` : '',
    found.some((c, i) => i > 0 && c < found[i - 1]!) ? '列的顺序不同' : '',
  ].filter(Boolean);
  return parts.length ? parts.join('；') : null;
}
