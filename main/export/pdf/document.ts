import PDFDocument from 'pdfkit';
import { drawTable, type Frame, type PdfTable } from './table';
import { DocText, type TextStyle } from './text';

export type { PdfColumn, PdfTable } from './table';

export interface PdfParagraph {
  kind: 'paragraph';
  text: string;
  size?: number;
  bold?: boolean;
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
  /** 第 1 页 共 N 页 at each foot (default); off for notices posted one per page. */
  pageNumbers?: boolean;
}

const MARGIN = 56; // 2 cm
const TITLE: TextStyle = { size: 18, bold: true };
const SUBTITLE: TextStyle = { size: 10.5 };
const SIGN: TextStyle = { size: 11 };
const FOOTER: TextStyle = { size: 9 };

/**
 * A printed document in the Chinese official layout (UX.md, "Printing and documents"): A4, a bold centred
 * title, the unit and period under it, tables (header repeated on each page) and paragraphs, signature blocks
 * with dates, and "第 1 页 共 N 页" on every page. Drawn with the bundled font, so it looks the same in desktop
 * and browser mode, on any machine.
 */
export function renderDocument(spec: PdfDocumentSpec): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: spec.orientation ?? 'portrait',
    margin: MARGIN,
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
    left: MARGIN,
    width: doc.page.width - 2 * MARGIN,
    top: MARGIN,
    bottom: doc.page.height - MARGIN,
  };
  const newPage = () => {
    doc.addPage();
    return frame.top;
  };

  const heading = (title: string, subtitle: string[] | undefined, top: number) => {
    let y = top + text.block(title, frame.left, top, TITLE, frame.width, 'center') + 6;
    for (const line of subtitle ?? []) y += text.block(line, frame.left, y, SUBTITLE, frame.width, 'center');
    return y + 12;
  };

  // The signatures never stand alone on a page: the last block (its 合计 row, or the last paragraph) goes with them.
  const signing = spec.signatures?.length ? signaturesHeight() : 0;
  let y = heading(spec.title, spec.subtitle, frame.top);
  spec.blocks.forEach((block, index) => {
    const keep = index === spec.blocks.length - 1 ? signing : 0;
    if (block.kind === 'heading') {
      y = heading(block.title, block.subtitle, newPage());
    } else if (block.kind === 'table') {
      y = drawTable(doc, text, block, frame, y, newPage, keep) + 10;
    } else {
      const style: TextStyle = { size: block.size ?? 10.5, bold: block.bold };
      const lines = text.wrap(block.text, style, frame.width);
      const height = lines.length * DocText.lineHeight(style);
      if (keep && y + height + keep > frame.bottom && frame.top + height + keep <= frame.bottom) y = newPage();
      for (const line of lines) {
        if (y + DocText.lineHeight(style) > frame.bottom) y = newPage();
        text.line(line, frame.left, y, style);
        y += DocText.lineHeight(style);
      }
      y += 6;
    }
  });

  if (spec.signatures?.length) drawSignatures(text, spec.signatures, spec.signatureWord ?? '签字', frame, y, newPage);
  if (spec.pageNumbers !== false) numberPages(doc, text, frame);
  doc.end();
  return done;
}

const signaturesHeight = () => 3 * DocText.lineHeight(SIGN) + 24;

function drawSignatures(text: DocText, roles: string[], word: string, frame: Frame, y: number, newPage: () => number) {
  const lh = DocText.lineHeight(SIGN);
  if (y + signaturesHeight() > frame.bottom) y = newPage();
  y += 24;
  const each = frame.width / roles.length;
  roles.forEach((role, i) => {
    const x = frame.left + i * each;
    text.line(`${role}（${word}）：`, x, y, SIGN);
    text.line('日期：　　年　　月　　日', x, y + 2 * lh, SIGN);
  });
}

/** 第 1 页 共 N 页 at the foot of every page, once the number of pages is known. */
function numberPages(doc: PDFKit.PDFDocument, text: DocText, frame: Frame) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Drawing inside the bottom margin would make pdfkit start a page; with no margin it draws in place.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    text.line(`第 ${i + 1} 页 共 ${range.count} 页`, frame.left, doc.page.height - MARGIN / 2 - 6, FOOTER, { width: frame.width, align: 'center' });
    doc.page.margins.bottom = margin;
  }
}
