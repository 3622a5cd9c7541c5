import PDFDocument from 'pdfkit';
import { drawTable, tableLead, type Frame, type PdfTable } from './table';
import { DocText, type Align, type TextStyle } from './text';

export type { PdfColumn, PdfTable } from './table';

export interface PdfParagraph {
  kind: 'paragraph';
  text: string;
  size?: number;
  bold?: boolean;
  /** A heading: it starts the next page rather than end this one without the first line (or a table's first row) of what follows. */
  keepWithNext?: boolean;
}

/**
 * A title and subtitle on a page of their own, as the document's first page has them: for documents that are
 * several notices printed in one go (a 楼栋公示卡 per building).
 */
export interface PdfHeading {
  kind: 'heading';
  title: string;
  subtitle?: string[];
}

export interface PdfDocumentSpec {
  /** Bold and centred at the top of the first page. */
  title: string;
  /** Centred under the title: the unit, the period. */
  subtitle?: string[];
  orientation?: 'portrait' | 'landscape';
  blocks: (PdfTable | PdfParagraph | PdfHeading)[];
  /** Signature blocks after the content, e.g. 经办人 / 审核人 / 负责人, each with a date line. */
  signatures?: string[];
  /** What each signature block asks for, after its role: 签字 (a person) unless said, e.g. 盖章 (an organisation). */
  signatureWord?: string;
  /** Document properties (author etc.). */
  author?: string;
  /** Page numbers at each foot (default); off for notices posted one per page. */
  pageNumbers?: boolean;
}

const MM = 72 / 25.4;

interface Layout {
  margins: Record<'portrait' | 'landscape', { top: number; left: number; right: number; bottom: number }>;
  title: TextStyle;
  body: TextStyle;
  /** The distance from one line of body text to the next. */
  pitch: number;
  footer: TextStyle;
  pageNumber: (page: number, pages: number) => string;
  /** Where the page number sits: under the text block, alternating sides (odd right), or centred. */
  footerAt: (frame: Frame, page: number) => { y: number; x: number; width: number; align: Align };
}

/**
 * A document people sign, in GB/T 9704-2012 (党政机关公文格式): the text block on A4 37 mm from the top and 28 mm from
 * the binding edge (订口), 156 × 225 mm; a landscape page is that page turned a quarter clockwise, as the standard
 * turns a 横排表格 (the binding edge at the top, where the table's head is). 2号 title (the standard's 小标宋 is
 * commercial: the bundled bold face stands in), 3号 body text at 22 lines to the block, and “— 1 —” in 4号 with its
 * dashes 7 mm under the block, odd pages on the right and even ones on the left, each one character in.
 */
const OFFICIAL: Layout = {
  margins: {
    portrait: { top: 37 * MM, left: 28 * MM, right: 26 * MM, bottom: 35 * MM },
    landscape: { top: 28 * MM, left: 35 * MM, right: 37 * MM, bottom: 26 * MM },
  },
  title: { size: 22, bold: true },
  body: { size: 16 },
  pitch: (225 * MM) / 22,
  footer: { size: 14 },
  pageNumber: (page) => `— ${page} —`,
  footerAt: (frame, page) => ({ y: frame.bottom + 7 * MM, x: frame.left + 14, width: frame.width - 28, align: page % 2 ? 'right' : 'left' }),
};

/** A notice posted or a sheet filled in (not signed): 2 cm margins, so a wide table keeps its rows on one line. */
const PLAIN: Layout = {
  margins: { portrait: { top: 56, left: 56, right: 56, bottom: 56 }, landscape: { top: 56, left: 56, right: 56, bottom: 56 } },
  title: { size: 18, bold: true },
  body: { size: 10.5 },
  pitch: DocText.lineHeight({ size: 10.5 }),
  footer: { size: 9 },
  pageNumber: (page, pages) => `第 ${page} 页 共 ${pages} 页`,
  footerAt: (frame) => ({ y: frame.bottom + 22, x: frame.left, width: frame.width, align: 'center' }),
};

/** The space after a table and after a paragraph, which the signatures kept with the last block must count too. */
const TABLE_GAP = 10;
const PARAGRAPH_GAP = 6;

/**
 * A printed document in the Chinese official layout (UX.md, "Printing and documents"): A4, a bold centred title,
 * the unit and period under it, tables (header repeated on each page, in their own smaller size as a 公文's tables
 * have) and paragraphs, signature blocks with dates, and page numbers. A document with signatures is laid out as
 * GB/T 9704 has it (OFFICIAL), any other PLAIN. Drawn with the bundled font, so it looks the same in desktop and
 * browser mode, on any machine.
 */
export function renderDocument(spec: PdfDocumentSpec): Promise<Buffer> {
  const orientation = spec.orientation ?? 'portrait';
  const layout = spec.signatures?.length ? OFFICIAL : PLAIN;
  const margins = layout.margins[orientation];
  const doc = new PDFDocument({
    size: 'A4',
    layout: orientation,
    margins,
    bufferPages: true,
    info: { Title: spec.title, Author: spec.author ?? '', Creator: 'StreetDesk 街道治理工作台' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const text = new DocText(doc);
  const frame: Frame = {
    left: margins.left,
    width: doc.page.width - margins.left - margins.right,
    top: margins.top,
    bottom: doc.page.height - margins.bottom,
  };
  const newPage = () => {
    doc.addPage();
    return frame.top;
  };

  const heading = (title: string, subtitle: string[] | undefined, top: number) => {
    let y = top + text.block(title, frame.left, top, layout.title, frame.width, 'center') + 6;
    for (const line of subtitle ?? []) y += text.block(line, frame.left, y, layout.body, frame.width, 'center');
    return y + 12;
  };

  const paragraphStyle = (block: PdfParagraph) => {
    const style: TextStyle = { size: block.size ?? layout.body.size, bold: block.bold };
    return { style, pitch: block.size === undefined ? layout.pitch : DocText.lineHeight(style) };
  };
  const paragraphHeight = (block: PdfParagraph) => {
    const { style, pitch } = paragraphStyle(block);
    return text.wrap(block.text, style, frame.width).length * pitch;
  };
  // What a heading must have under it on its page: a table's header and first row, a paragraph's first line.
  const leadOf = (block: PdfDocumentSpec['blocks'][number] | undefined) =>
    block?.kind === 'table' ? tableLead(text, block, frame.width) : block?.kind === 'paragraph' ? paragraphStyle(block).pitch : 0;

  // The signatures never stand alone on a page. What follows the last table — its notes, checksums — goes with
  // them, and the table's last row (合计) with all of that: the figures signed for are on the page of the
  // signatures. Notes too long to share a page with the table's header and a row cannot go along: then the last
  // paragraph alone does (as it does in a document without a table).
  const sign = spec.signatures?.length ? signatureStyle(text, spec.signatures, spec.signatureWord ?? '签字', frame.width, layout.body.size) : null;
  const signing = sign ? signaturesHeight(sign) : 0;
  const lastTable = spec.blocks.findLastIndex((b) => b.kind === 'table');
  const notes = spec.blocks.slice(lastTable + 1);
  const notesHeight = notes.reduce((h, b) => (b.kind === 'paragraph' ? h + paragraphHeight(b) + PARAGRAPH_GAP : Infinity), 0);
  const table = spec.blocks[lastTable];
  const withTable = !!sign && table?.kind === 'table' && tableLead(text, table, frame.width) + TABLE_GAP + notesHeight + signing <= frame.bottom - frame.top;
  let y = heading(spec.title, spec.subtitle, frame.top);
  spec.blocks.forEach((block, index) => {
    const last = index === spec.blocks.length - 1;
    if (block.kind === 'heading') {
      y = heading(block.title, block.subtitle, newPage());
    } else if (block.kind === 'table') {
      const keep = withTable && index === lastTable ? TABLE_GAP + notesHeight + signing : last ? signing + TABLE_GAP : 0;
      y = drawTable(doc, text, block, frame, y, newPage, keep) + TABLE_GAP;
    } else {
      const { style, pitch } = paragraphStyle(block);
      const lines = text.wrap(block.text, style, frame.width);
      const height = lines.length * pitch;
      const keep = last && !withTable ? signing + PARAGRAPH_GAP : block.keepWithNext ? leadOf(spec.blocks[index + 1]) : 0;
      if (keep && y + height + keep > frame.bottom && frame.top + height + keep <= frame.bottom) y = newPage();
      for (const line of lines) {
        if (y + pitch > frame.bottom) y = newPage();
        // The glyphs sit in the middle of their line, as a word processor spaces 3号 text at a fixed pitch.
        text.line(line, frame.left, y + (pitch - DocText.lineHeight(style)) / 2, style);
        y += pitch;
      }
      y += PARAGRAPH_GAP;
    }
  });

  if (sign) drawSignatures(text, sign, frame, y, newPage);
  if (spec.pageNumbers !== false) numberPages(doc, text, frame, layout);
  doc.end();
  return done;
}

interface Signing {
  labels: string[];
  style: TextStyle;
}

const DATE_LINE = '日期：　　年　　月　　日';

/** The signature lines in 3号 where they fit side by side in the text block, else as large as they fit. */
function signatureStyle(text: DocText, roles: string[], word: string, width: number, size: number): Signing {
  const labels = roles.map((role) => `${role}（${word}）：`);
  // Each block keeps two characters of space before the next one.
  const widest = Math.max(...[...labels, DATE_LINE].map((l) => text.width(l, { size: 1 }))) + 2;
  return { labels, style: { size: Math.min(size, Math.floor((width / roles.length / widest) * 2) / 2) } };
}

const signaturesHeight = ({ style }: Signing) => 3 * DocText.lineHeight(style) + 24;

function drawSignatures(text: DocText, sign: Signing, frame: Frame, y: number, newPage: () => number) {
  const lh = DocText.lineHeight(sign.style);
  if (y + signaturesHeight(sign) > frame.bottom) y = newPage();
  y += 24;
  const each = frame.width / sign.labels.length;
  sign.labels.forEach((label, i) => {
    const x = frame.left + i * each;
    text.line(label, x, y, sign.style);
    text.line(DATE_LINE, x, y + 2 * lh, sign.style);
  });
}

/** The page numbers, once the number of pages is known. */
function numberPages(doc: PDFKit.PDFDocument, text: DocText, frame: Frame, layout: Layout) {
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // Drawing inside the bottom margin would make pdfkit start a page; with no margin it draws in place.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const at = layout.footerAt(frame, i + 1);
    text.line(layout.pageNumber(i + 1, range.count), at.x, at.y, layout.footer, { width: at.width, align: at.align });
    doc.page.margins.bottom = margin;
  }
}
