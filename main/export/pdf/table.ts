import { DocText, type Align, type TextStyle } from './text';

export interface PdfColumn {
  header: string;
  /** Relative width: the table fills the text width in these proportions. */
  width: number;
  align?: Align;
}

export interface PdfTable {
  kind: 'table';
  columns: PdfColumn[];
  rows: string[][];
  /** Drawn bold after the rows (合计). */
  totalRow?: string[];
}

export interface Frame {
  left: number;
  width: number;
  top: number;
  bottom: number;
}

const BODY: TextStyle = { size: 9.5 };
const HEAD: TextStyle = { size: 9.5, bold: true };
const PAD = 4;

/**
 * Draws a ruled table from y, starting new pages as needed with the header row repeated on each.
 * `newPage` adds a page and returns the y to continue from. Returns the y below the table.
 */
export function drawTable(doc: PDFKit.PDFDocument, text: DocText, t: PdfTable, frame: Frame, y: number, newPage: () => number): number {
  const total = t.columns.reduce((s, c) => s + c.width, 0);
  const widths = t.columns.map((c) => (c.width / total) * frame.width);
  const xs = widths.map((_, i) => frame.left + widths.slice(0, i).reduce((s, w) => s + w, 0));

  const layout = (cells: string[], style: TextStyle) => {
    const lines = cells.map((c, i) => text.wrap(c ?? '', style, widths[i]! - 2 * PAD));
    const height = Math.max(...lines.map((l) => l.length)) * DocText.lineHeight(style) + 2 * PAD;
    return { lines, height };
  };

  type Kind = 'header' | 'body' | 'total';
  const styleOf = (kind: Kind) => (kind === 'body' ? BODY : HEAD);

  const drawRow = (cells: string[], kind: Kind, at: number) => {
    const style = styleOf(kind);
    const { lines, height } = layout(cells, style);
    if (kind === 'header') doc.rect(frame.left, at, frame.width, height).fill('#ececec').fillColor('black');
    lines.forEach((ls, i) => {
      // Headers are centred; totals are bold but aligned like their column.
      const align = kind === 'header' ? 'center' : (t.columns[i]!.align ?? 'left');
      ls.forEach((l, k) => text.line(l, xs[i]! + PAD, at + PAD + k * DocText.lineHeight(style), style, { width: widths[i]! - 2 * PAD, align }));
    });
    doc.lineWidth(0.5).strokeColor('#555555');
    doc.rect(frame.left, at, frame.width, height).stroke();
    xs.slice(1).forEach((x) => doc.moveTo(x, at).lineTo(x, at + height).stroke());
    return at + height;
  };

  const header = t.columns.map((c) => c.header);
  const headerHeight = layout(header, HEAD).height;
  // A header alone at the foot of a page is no use: it moves to the next page with the first row.
  const firstRow = t.rows[0] ?? t.totalRow;
  const firstHeight = firstRow ? layout(firstRow, BODY).height : 0;
  if (y + headerHeight + firstHeight > frame.bottom) y = newPage();
  y = drawRow(header, 'header', y);

  const rows: [string[], Kind][] = t.rows.map((r) => [r, 'body']);
  if (t.totalRow) rows.push([t.totalRow, 'total']);
  for (const [cells, kind] of rows) {
    if (y + layout(cells, styleOf(kind)).height > frame.bottom) {
      y = newPage();
      y = drawRow(header, 'header', y);
    }
    y = drawRow(cells, kind, y);
  }
  return y;
}
