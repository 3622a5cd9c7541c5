import { fontFile, subsetOf, type Weight } from './fonts';

export interface TextStyle {
  size: number;
  bold?: boolean;
}

export type Align = 'left' | 'center' | 'right';

/** Marks that close what comes before them (，。、；：？！ and closing brackets and quotes). */
const NO_LINE_START = new Set('，。、；：？！）》」』】〉”’,.;:?!)%');
/** What a number or a date is written with. */
const NUMBER = /[\d¥.,:%-]/;

/** The end of a full line (taken from `chars`) that must start the next line with `next`. */
function carriedDown(chars: string[], next: string): string {
  // A closing mark takes the character before it along; a number then goes whole, whichever side of it breaks.
  const inNumber = NUMBER.test(next) && /\d/.test(chars.at(-1) ?? '');
  let from = NO_LINE_START.has(next) && !inNumber ? chars.length - 1 : chars.length;
  // Marks close in runs (人）， or 。」): the whole run goes down, with the character before it.
  if (from < chars.length) while (from > 0 && NO_LINE_START.has(chars[from]!)) from--;
  const first = chars[from] ?? next;
  if (NUMBER.test(first) && /\d/.test(first + (chars[from - 1] ?? ''))) while (from > 0 && NUMBER.test(chars[from - 1]!)) from--;
  // A number longer than the line, or a mark after a single character, breaks where it must.
  if (from <= 0) return '';
  return chars.splice(from).join('');
}

interface Run {
  font: string;
  text: string;
}

/**
 * Text in the bundled Chinese font on a pdfkit document: split into runs by the font file that holds each
 * character, measured and drawn run by run at explicit positions. Lines are broken by this class (at any
 * character, as Chinese is written), so tables know their row heights before they draw.
 */
export class DocText {
  private readonly registered = new Set<string>();
  /** Advance widths at size 1, per weight and character. */
  private readonly widths = new Map<string, number>();

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  static lineHeight(style: TextStyle): number {
    return style.size * 1.45;
  }

  private fontName(subset: string, weight: Weight): string {
    const name = `noto-${weight}-${subset}`;
    if (!this.registered.has(name)) {
      this.doc.registerFont(name, fontFile(subset, weight));
      this.registered.add(name);
    }
    return name;
  }

  private runs(text: string, weight: Weight): Run[] {
    const out: Run[] = [];
    for (const ch of text) {
      const font = this.fontName(subsetOf(ch.codePointAt(0)!), weight);
      const last = out[out.length - 1];
      if (last && last.font === font) last.text += ch;
      else out.push({ font, text: ch });
    }
    return out;
  }

  private charWidth(ch: string, weight: Weight): number {
    const key = `${weight}${ch}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      w = this.doc.font(this.fontName(subsetOf(ch.codePointAt(0)!), weight)).fontSize(1).widthOfString(ch);
      this.widths.set(key, w);
    }
    return w;
  }

  width(text: string, style: TextStyle): number {
    const weight: Weight = style.bold ? 700 : 400;
    let w = 0;
    for (const ch of text) w += this.charWidth(ch, weight);
    return w * style.size;
  }

  /**
   * The lines a text takes within a width; explicit line breaks are kept. A closing mark never starts a line
   * (避头): the character before it goes down with it, so nothing reaches past the width (a table's rule). A number
   * or a date (2026-03-20, ¥1,200.00) is not broken either: it goes down whole, unless it fills the line alone.
   */
  wrap(text: string, style: TextStyle, maxWidth: number): string[] {
    const weight: Weight = style.bold ? 700 : 400;
    const lines: string[] = [];
    for (const paragraph of text.split('\n')) {
      let line = '';
      let w = 0;
      for (const ch of paragraph) {
        const cw = this.charWidth(ch, weight) * style.size;
        if (line && w + cw > maxWidth) {
          const chars = [...line];
          const carried = carriedDown(chars, ch);
          lines.push(chars.join(''));
          line = carried;
          w = this.width(carried, style);
        }
        line += ch;
        w += cw;
      }
      lines.push(line);
    }
    return lines;
  }

  /** Draws one line with its top at y, aligned within [x, x + width]. */
  line(text: string, x: number, y: number, style: TextStyle, box: { width?: number; align?: Align } = {}): void {
    const weight: Weight = style.bold ? 700 : 400;
    const free = box.width === undefined ? 0 : box.width - this.width(text, style);
    let cx = box.align === 'center' ? x + free / 2 : box.align === 'right' ? x + free : x;
    for (const run of this.runs(text, weight)) {
      this.doc.font(run.font).fontSize(style.size).text(run.text, cx, y, { lineBreak: false });
      cx += this.width(run.text, style);
    }
  }

  /** Draws a wrapped block and returns its height. */
  block(text: string, x: number, y: number, style: TextStyle, width: number, align: Align = 'left'): number {
    const lh = DocText.lineHeight(style);
    const lines = this.wrap(text, style, width);
    lines.forEach((l, i) => this.line(l, x, y + i * lh, style, { width, align }));
    return lines.length * lh;
  }
}
