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
 * A figure — 2,878 · 1462.0 · 43.2% · ¥1,234.56 —, a date (2026-02-15) or a voucher's number (记-2026-12-002,
 * PZ-001), which must never break over two lines (nor must a line of a cell that is one).
 */
const FIGURE = /^[-+¥]?[\d,.]+%?$|^\d{4}-\d{2}-\d{2}$|^\p{L}{1,3}-[\d-]+$/u;

/** A heading this short is one word (序号, 标准分, 业委会签字): broken over two lines it reads as two. */
const WORD = 5;

/**
 * The columns' widths: in their proportions, except that a column holding figures is at least as wide as its widest
 * one (bold, as the 合计 row prints it), and one headed by a single word as wide as that word where all such words fit;
 * what those take is taken from the other columns, in their proportions.
 */
export function columnWidths(text: DocText, t: Pick<PdfTable, 'columns' | 'rows' | 'totalRow'>, width: number): number[] {
  const cells = [...t.rows, ...(t.totalRow ? [t.totalRow] : [])];
  const widest = (texts: string[]) => Math.max(0, ...texts.map((c) => text.width(c, HEAD) + 2 * PAD + 1));
  // A cell's own lines count one by one: a sign-off is the name, then its date on a line of its own.
  const figures = t.columns.map((_, i) => widest(cells.flatMap((r) => (r[i] ?? '').split('\n')).filter((c) => FIGURE.test(c))));
  const words = (most: number) => t.columns.map((c, i) => Math.max(figures[i]!, [...c.header].length <= most ? widest([c.header]) : 0));
  // Fifteen columns of 在册党员-like headings may not all fit a page: then the shorter words hold, or only the figures.
  const fitting = [WORD, 4, 3, 2].map(words).find((least) => least.reduce((s, w) => s + w, 0) < width);
  const least = fitting ?? figures;
  const total = t.columns.reduce((s, c) => s + c.width, 0);
  const wanted = t.columns.map((c) => (c.width / total) * width);
  // A column is held at its least when its share, once the held ones are taken out, would fall below it; holding
  // one shrinks the others' shares, so this repeats until none changes.
  const fixed = wanted.map(() => false);
  for (;;) {
    const taken = wanted.reduce((s, w, i) => s + (fixed[i] ? least[i]! : 0), 0);
    const rest = wanted.reduce((s, w, i) => s + (fixed[i] ? 0 : w), 0);
    // Widening the figures may leave too little for the rest: then every column shares the width by its need.
    if (taken >= width || rest === 0) return wanted.map((w, i) => (Math.max(w, least[i]!) / wanted.reduce((s, v, k) => s + Math.max(v, least[k]!), 0)) * width);
    const scale = (width - taken) / rest;
    const short = wanted.findIndex((w, i) => !fixed[i] && w * scale < least[i]!);
    if (short < 0) return wanted.map((w, i) => (fixed[i] ? least[i]! : w * scale));
    fixed[short] = true;
  }
}

const cellLines = (text: DocText, cells: string[], widths: number[], style: TextStyle) => cells.map((c, i) => text.wrap(c ?? '', style, widths[i]! - 2 * PAD));
const rowHeight = (lines: string[][], style: TextStyle) => Math.max(...lines.map((l) => l.length)) * DocText.lineHeight(style) + 2 * PAD;

/** The header row and the first row: what must fit under the table's heading, or both go to the next page. */
export function tableLead(text: DocText, t: PdfTable, width: number): number {
  const widths = columnWidths(text, t, width);
  const first = t.rows[0] ?? t.totalRow;
  const height = (cells: string[], style: TextStyle) => rowHeight(cellLines(text, cells, widths, style), style);
  return height(t.columns.map((c) => c.header), HEAD) + (first ? height(first, first === t.totalRow ? HEAD : BODY) : 0);
}

/**
 * Draws a ruled table from y, starting new pages as needed with the header row repeated on each.
 * `newPage` adds a page and returns the y to continue from. Returns the y below the table. `keepWithLast`: room the
 * last row must leave below it (the signatures that follow), or it starts the next page with the header.
 */
export function drawTable(doc: PDFKit.PDFDocument, text: DocText, t: PdfTable, frame: Frame, y: number, newPage: () => number, keepWithLast = 0): number {
  const widths = columnWidths(text, t, frame.width);
  const xs = widths.map((_, i) => frame.left + widths.slice(0, i).reduce((s, w) => s + w, 0));

  const layout = (cells: string[], style: TextStyle) => {
    const lines = cellLines(text, cells, widths, style);
    return { lines, height: rowHeight(lines, style) };
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
  // A header alone at the foot of a page is no use: it moves to the next page with the first row.
  if (y + tableLead(text, t, frame.width) > frame.bottom) y = newPage();
  y = drawRow(header, 'header', y);
  // Where this page's rows begin: a row there moves no further, whatever it should keep with (a page of its own
  // would not hold them either).
  let pageTop = y;

  const rows: [string[], Kind][] = t.rows.map((r) => [r, 'body']);
  if (t.totalRow) rows.push([t.totalRow, 'total']);
  const heights = rows.map(([cells, kind]) => layout(cells, styleOf(kind)).height);
  rows.forEach(([cells, kind], i) => {
    // The 合计 row never starts a page alone under the header: the row above it goes along.
    const beforeTotal = t.totalRow && rows.length > 1 && i === rows.length - 2;
    const keep = i === rows.length - 1 ? keepWithLast : beforeTotal ? heights[i + 1]! + keepWithLast : 0;
    if (y > pageTop && y + heights[i]! + keep > frame.bottom) {
      y = newPage();
      y = drawRow(header, 'header', y);
      pageTop = y;
    }
    y = drawRow(cells, kind, y);
  });
  return y;
}
