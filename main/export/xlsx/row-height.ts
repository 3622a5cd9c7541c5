import type { CellValue, Column } from '../types';

/** Points per printed line of the data font (11 pt, with the leading a CJK face needs in LibreOffice and Excel). */
const LINE_POINTS = 16;

/** Width in the units columns are measured in: a CJK character or full-width form counts 2, anything else 1. */
const textWidth = (s: string) => [...s].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1), 0);

/**
 * The height a data row needs so that wrapped text (a long 事由, an address) prints inside its own row: spreadsheet
 * programs do not measure rows they open, so a row written without a height prints one line high and its wrapped
 * text runs over the next. Undefined when every cell fits on one line (the default height is right).
 */
export function rowHeight(columns: Column<unknown>[], values: CellValue[]): number | undefined {
  let lines = 1;
  columns.forEach((c, i) => {
    const v = values[i];
    if (c.kind !== 'text' || typeof v !== 'string' || !v) return;
    // The written column is c.width + 2 wide; a character's worth of it goes to the cell's padding.
    const room = Math.max(1, c.width + 1);
    // Most cells are short: at two units a character at most, they fit without being measured (this runs per cell
    // of every exported row).
    if (v.length * 2 <= room && !v.includes('\n')) return;
    const needed = v.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(textWidth(part) / room)), 0);
    lines = Math.max(lines, needed);
  });
  return lines > 1 ? lines * LINE_POINTS : undefined;
}
