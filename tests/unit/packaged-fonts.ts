import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { subsetOf, woffToSfnt } from '../../main/export/pdf/fonts';

/** Where the PDF engine's font lives in the package. */
export const FONT_DIR = 'node_modules/@fontsource/noto-sans-sc';

/** Subset 100's characters from issue 18: surnames and given-name characters the dropped file held. */
export const SUBSET_100 = '阮祁牟苟刁寇敖鞠粟尧阎懿娴巍蕊烨祺菁筱';

export interface Subset {
  name: string;
  ranges: [number, number][];
}

/** Each subset of the font's 400.css (what main/export/pdf/fonts.ts reads) under `dir`, with its unicode ranges. */
export function subsetsOf(dir: string): Subset[] {
  const css = fs.readFileSync(path.join(dir, FONT_DIR, '400.css'), 'utf8');
  return [...css.matchAll(/noto-sans-sc-([a-z0-9-]+?)-400-normal\.woff2[\s\S]*?unicode-range:\s*([^;]+);/g)].map((m) => ({
    name: m[1]!,
    ranges: m[2]!.split(',').map((part) => {
      const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(lo!, 16), parseInt(hi ?? lo!, 16)] as [number, number];
    }),
  }));
}

/** Up to three characters of a subset that its regular file under `dir` really draws: a "name" from that subset. */
export function nameFrom(dir: string, subset: Subset): string {
  const font = fontkit.create(woffToSfnt(fs.readFileSync(path.join(dir, FONT_DIR, `files/noto-sans-sc-${subset.name}-400-normal.woff`))));
  const chars: string[] = [];
  for (const [lo, hi] of subset.ranges) {
    for (let cp = lo; cp <= hi && chars.length < 3; cp++) {
      if (!/[\s\p{C}]/u.test(String.fromCodePoint(cp)) && subsetOf(cp) === subset.name && font.hasGlyphForCodePoint(cp)) chars.push(String.fromCodePoint(cp));
    }
  }
  return chars.join('');
}

/** poppler's view of a PDF: each font line of `pdffonts` and the text as `pdftotext` copies it, blanks removed. */
export function pdfFacts(pdf: string): { fonts: string[]; text: string } {
  const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
  return { fonts, text: execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '') };
}

/** Every font embedded as a subset with a Unicode map (`emb sub uni`): nothing left for the viewer to substitute. */
export const EMBEDDED = /\byes\s+yes\s+yes\b/;

export const hasPoppler = (() => {
  try {
    execFileSync('pdffonts', ['-v'], { stdio: 'ignore' });
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
