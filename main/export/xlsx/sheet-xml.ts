import { columnLetter, xmlText } from './cells';

export interface SheetLayout {
  /** Column widths in characters. */
  widths: number[];
  /** Rows above the data that stay in view and print on every page (the header's row number). */
  headerRow: number;
  /** Rows whose cells are merged across every column (title, unit, preparer). */
  mergedRows: number[];
  footer: string;
  /** Columns kept in view when scrolling sideways (the import report's 原行号). */
  frozenColumns?: number;
  /** A filter on the header row over every column. */
  autoFilter?: boolean;
}

export type XmlCell = { value: string | number | null; style: number };

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/**
 * One worksheet's XML (SpreadsheetML, ECMA-376 part 1 §18.3), produced in pieces as rows arrive: the head
 * (frozen header, column widths), the rows, then the tail (merged rows, A4 landscape fitted to the page
 * width, page numbers in the footer). Elements appear in the order the schema requires.
 */
export class SheetXml {
  private readonly letters: string[];

  constructor(
    private readonly layout: SheetLayout,
    private readonly write: (xml: string) => void,
  ) {
    this.letters = layout.widths.map((_, i) => columnLetter(i));
    const across = layout.frozenColumns ?? 0;
    const top = `${columnLetter(across)}${layout.headerRow + 1}`;
    const pane = across ? 'bottomRight' : 'bottomLeft';
    write(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}>` +
        '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
        `<sheetViews><sheetView workbookViewId="0"><pane${across ? ` xSplit="${across}"` : ''} ySplit="${layout.headerRow}" topLeftCell="${top}" activePane="${pane}" state="frozen"/>` +
        `<selection pane="${pane}" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>` +
        '<sheetFormatPr defaultRowHeight="15"/>' +
        `<cols>${layout.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` +
        '<sheetData>',
    );
  }

  /** Appends row `r` (1-based); a null value still gets its cell, so the grid's borders are drawn. */
  row(r: number, cells: XmlCell[], height?: number): void {
    let xml = height ? `<row r="${r}" ht="${height}" customHeight="1">` : `<row r="${r}">`;
    for (let i = 0; i < cells.length; i++) {
      const { value, style } = cells[i]!;
      const ref = `${this.letters[i]}${r}`;
      if (value === null) xml += `<c r="${ref}" s="${style}"/>`;
      else if (typeof value === 'number') xml += `<c r="${ref}" s="${style}"><v>${value}</v></c>`;
      else {
        // Spaces at either end are kept only when marked; most cells need no mark, and 100k rows are lighter without.
        const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : '';
        xml += `<c r="${ref}" s="${style}" t="inlineStr"><is><t${space}>${xmlText(value)}</t></is></c>`;
      }
    }
    this.write(`${xml}</row>`);
  }

  end(): void {
    const last = this.letters[this.letters.length - 1];
    const merges = this.layout.mergedRows.map((r) => `<mergeCell ref="A${r}:${last}${r}"/>`).join('');
    const filter = this.layout.autoFilter ? `<autoFilter ref="A${this.layout.headerRow}:${last}${this.layout.headerRow}"/>` : '';
    this.write(
      '</sheetData>' +
        filter +
        (merges ? `<mergeCells count="${this.layout.mergedRows.length}">${merges}</mergeCells>` : '') +
        '<printOptions horizontalCentered="1"/>' +
        '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
        // paperSize 9 = A4; fitted to one page wide, as many pages tall as it takes.
        '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
        `<headerFooter><oddFooter>${xmlText(this.layout.footer)}</oddFooter></headerFooter>` +
        '</worksheet>',
    );
  }
}
