import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './helpers';

/** Whether poppler-utils is installed (CI installs it; a bare machine skips the PDF text checks, saying so). */
export const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const written = (base64: string) => {
  const file = path.join(tempDir(), 'doc.pdf');
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return file;
};

/** The PDF's text as a reader would copy it (poppler's pdftotext, layout kept; pages split by form feeds). */
export const pdfText = (base64: string): string => execFileSync('pdftotext', ['-layout', written(base64), '-'], { encoding: 'utf8' });

/** The number of pages (poppler's pdfinfo). */
export const pdfPages = (base64: string): number =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [written(base64)], { encoding: 'utf8' }))![1]);

/**
 * The PDF's text in reading order with every space and line break taken out (poppler's pdftotext without -layout):
 * a paragraph's or a table cell's words whole, however the lines wrap them.
 */
export const pdfFlatText = (base64: string): string => execFileSync('pdftotext', [written(base64), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');

export interface WordBox { text: string; xMin: number; yMin: number; xMax: number; yMax: number }

/** Each page's words with their boxes in points from the top left (poppler's pdftotext -bbox). */
export function wordBoxes(pdf: Buffer): WordBox[][] {
  const file = path.join(tempDir(), 'doc.pdf');
  fs.writeFileSync(file, pdf);
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  return html.split('<page ').slice(1).map((page) =>
    [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5]!,
    })),
  );
}
