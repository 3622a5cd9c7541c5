import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';

/**
 * The bundled Noto Sans SC (@fontsource/noto-sans-sc), so printed documents look the same on every machine,
 * with or without Chinese fonts installed. The package ships each weight as ~100 files, each covering a
 * unicode-range listed in its CSS; text is drawn in runs, each in the file that holds its characters.
 *
 * The WOFF (1) files are used, unpacked here to plain TrueType. Not WOFF2: pdfkit accepts it, but the glyphs
 * it embeds come out blank in PDF viewers (its subsetter copies WOFF2's transformed glyph table). Not WOFF
 * handed to pdfkit as is: fontkit cannot read the character map of at least one subset (101, which holds 簿)
 * from the WOFF, while the same tables unpacked here read fine. Both checked with poppler (pdftoppm).
 */

export type Weight = 400 | 700;

interface Subset {
  name: string;
  ranges: [number, number][];
}

// Electron's main bundle is CommonJS: require exists and resolves from the app's node_modules. Run as ESM (browser
// mode, tests, scripts) it does not; resolving from the entry script, which lives in this project, finds the same
// package — without import.meta, which the CommonJS bundle cannot hold.
const requireHere: NodeJS.Require =
  typeof require === 'function' ? require : createRequire(process.argv[1] ?? path.join(process.cwd(), 'index.js'));
let dir: string | null = null;
const fontDir = () => (dir ??= path.dirname(requireHere.resolve('@fontsource/noto-sans-sc/package.json')));

let subsets: Subset[] | null = null;
const bySubset = new Map<number, string>();
const files = new Map<string, Buffer>();

/** The subsets and their ranges, read once from the package's CSS (every weight has the same ranges). */
function index(): Subset[] {
  if (subsets) return subsets;
  const css = fs.readFileSync(path.join(fontDir(), '400.css'), 'utf8');
  subsets = [...css.matchAll(/noto-sans-sc-([a-z0-9-]+?)-400-normal\.woff2[\s\S]*?unicode-range:\s*([^;]+);/g)].map((m) => ({
    name: m[1]!,
    ranges: m[2]!.split(',').map((part) => {
      const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(lo!, 16), parseInt(hi ?? lo!, 16)] as [number, number];
    }),
  }));
  return subsets;
}

/** The subset whose file draws this code point; characters the font lacks fall back to the Latin subset. */
export function subsetOf(codePoint: number): string {
  let name = bySubset.get(codePoint);
  if (!name) {
    name = index().find((s) => s.ranges.some(([lo, hi]) => codePoint >= lo && codePoint <= hi))?.name ?? 'latin';
    bySubset.set(codePoint, name);
  }
  return name;
}

/** WOFF 1.0 → the TrueType file it wraps: each table inflated (when compressed) and laid out in an sfnt. */
export function woffToSfnt(woff: Buffer): Buffer {
  const count = woff.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + i * 20;
    const [offset, compressed, length] = [woff.readUInt32BE(at + 4), woff.readUInt32BE(at + 8), woff.readUInt32BE(at + 12)];
    const raw = woff.subarray(offset, offset + compressed);
    return { tag: woff.subarray(at, at + 4), checksum: woff.readUInt32BE(at + 16), data: compressed < length ? zlib.inflateSync(raw) : raw };
  });
  const power = 2 ** Math.floor(Math.log2(count));
  const head = Buffer.alloc(12 + 16 * count);
  head.writeUInt32BE(woff.readUInt32BE(4), 0); // the wrapped font's own version (flavor)
  head.writeUInt16BE(count, 4);
  head.writeUInt16BE(power * 16, 6);
  head.writeUInt16BE(Math.log2(power), 8);
  head.writeUInt16BE(count * 16 - power * 16, 10);
  let offset = head.length;
  const bodies = tables.map((t, i) => {
    const record = 12 + i * 16;
    t.tag.copy(head, record);
    head.writeUInt32BE(t.checksum, record + 4);
    head.writeUInt32BE(offset, record + 8);
    head.writeUInt32BE(t.data.length, record + 12);
    const padded = Buffer.alloc((t.data.length + 3) & ~3); // tables start on 4-byte boundaries
    t.data.copy(padded);
    offset += padded.length;
    return padded;
  });
  return Buffer.concat([head, ...bodies]);
}

export function fontFile(subset: string, weight: Weight): Buffer {
  const key = `${subset}-${weight}`;
  let buf = files.get(key);
  if (!buf) {
    buf = woffToSfnt(fs.readFileSync(path.join(fontDir(), 'files', `noto-sans-sc-${subset}-${weight}-normal.woff`)));
    files.set(key, buf);
  }
  return buf;
}
