import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import * as fontkit from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { electronBundles } from '../../scripts/lib/electron-bundles.mjs';
import { subsetOf, woffToSfnt } from '../../main/export/pdf/fonts';
import { tempDir } from './helpers';
import { extractApp, filesUnder, packageLinux, root, unpackedDir } from './packaged-app';

// Issue 18: the packaged app's font exclusion once dropped subset 100 of Noto Sans SC (`*-100-*` matched the subset,
// not only the weight), so a PDF naming 李烨 failed with INTERNAL in the desktop app while every test from the repo
// passed. So this looks at what electron-builder really packages, and prints from there.
const FONT_DIR = 'node_modules/@fontsource/noto-sans-sc';
const onLinuxX64 = process.platform === 'linux' && process.arch === 'x64';
const poppler = (() => {
  try {
    execFileSync('pdffonts', ['-v'], { stdio: 'ignore' });
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Subset 100's characters from the issue: surnames and given-name characters the dropped file held. */
const SUBSET_100 = '阮祁牟苟刁寇敖鞠粟尧阎懿娴巍蕊烨祺菁筱';

/** Each subset of the font's CSS with its unicode ranges (what main/export/pdf/fonts.ts reads). */
function subsetsOf(css: string): { name: string; ranges: [number, number][] }[] {
  return [...css.matchAll(/noto-sans-sc-([a-z0-9-]+?)-400-normal\.woff2[\s\S]*?unicode-range:\s*([^;]+);/g)].map((m) => ({
    name: m[1]!,
    ranges: m[2]!.split(',').map((part) => {
      const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(lo!, 16), parseInt(hi ?? lo!, 16)] as [number, number];
    }),
  }));
}

describe.runIf(onLinuxX64)("the font in electron-builder's package (Linux x64; the selection is the same on Windows)", () => {
  let app: string;
  let files: Set<string>;
  let subsets: ReturnType<typeof subsetsOf>;
  beforeAll(async () => {
    app = extractApp(unpackedDir(await packageLinux(['x64']), 'x64'));
    files = new Set(filesUnder(app));
    subsets = subsetsOf(fs.readFileSync(path.join(app, FONT_DIR, '400.css'), 'utf8'));
  }, 900_000);

  /** Per subset, up to three characters its packaged regular file really draws (a "name" from that subset). */
  function nameFrom(subset: { name: string; ranges: [number, number][] }): string {
    const font = fontkit.create(woffToSfnt(fs.readFileSync(path.join(app, FONT_DIR, `files/noto-sans-sc-${subset.name}-400-normal.woff`))));
    const chars: string[] = [];
    for (const [lo, hi] of subset.ranges) {
      for (let cp = lo; cp <= hi && chars.length < 3; cp++) {
        if (!/[\s\p{C}]/u.test(String.fromCodePoint(cp)) && subsetOf(cp) === subset.name && font.hasGlyphForCodePoint(cp)) chars.push(String.fromCodePoint(cp));
      }
    }
    return chars.join('');
  }

  it('holds the regular and bold file of every subset the PDF engine can pick, and no other weight or format', () => {
    expect(subsets.length).toBeGreaterThan(100);
    expect(subsets.map((s) => s.name)).toContain('100');
    const missing = subsets.flatMap((s) => [400, 700].map((w) => `${FONT_DIR}/files/noto-sans-sc-${s.name}-${w}-normal.woff`)).filter((f) => !files.has(f));
    expect(missing).toEqual([]);
    const fontFiles = [...files].filter((f) => f.startsWith(`${FONT_DIR}/files/`));
    expect(fontFiles.filter((f) => !/-(400|700)-normal\.woff$/.test(f))).toEqual([]);
    expect(fontFiles).toHaveLength(subsets.length * 2);
  });

  it('leaves out source maps and Yarn folders (a quarter of app.asar once), keeping the bundles and package.json', () => {
    expect([...files].filter((f) => f.endsWith('.map') || f.split('/').includes('.yarn'))).toEqual([]);
    for (const f of ['package.json', 'out/main/electron.cjs', 'out/main/core-worker.cjs', 'out/preload/preload.cjs']) expect(files).toContain(f);
  });

  it("draws subset 100's surnames and given-name characters from the packaged file", () => {
    const font = fontkit.create(woffToSfnt(fs.readFileSync(path.join(app, FONT_DIR, 'files/noto-sans-sc-100-400-normal.woff'))));
    for (const ch of SUBSET_100) {
      expect({ ch, subset: subsetOf(ch.codePointAt(0)!), drawn: font.hasGlyphForCodePoint(ch.codePointAt(0)!) }).toEqual({ ch, subset: '100', drawn: true });
    }
  });

  it.skipIf(!poppler)('prints a PDF from the packaged layout with a name from every subset, in both weights, every character drawn', async () => {
    const names = subsets.map((s) => ({ subset: s.name, name: nameFrom(s) }));
    expect(names.filter((n) => n.name === '')).toEqual([]);
    const probe = path.join(app, 'out/main/pdf-probe.cjs');
    const { main } = await electronBundles(root);
    await build({ ...main, entryPoints: [path.join(root, 'tests/unit/packaged-pdf-probe.ts')], outfile: probe, sourcemap: false });
    const work = tempDir();
    const spec = {
      title: `服务记录 李${SUBSET_100.slice(-3)}`,
      blocks: [
        {
          kind: 'table',
          columns: [{ header: '字库分块', width: 2 }, { header: '姓名', width: 4 }, { header: '姓名（粗体）', width: 4 }],
          rows: names.map((n) => [n.subset, n.name, n.name]),
        },
        { kind: 'paragraph', text: SUBSET_100 },
        { kind: 'paragraph', text: SUBSET_100, bold: true },
      ],
    };
    fs.writeFileSync(path.join(work, 'spec.json'), JSON.stringify(spec));
    // From a folder outside the repository, so nothing resolves from this checkout's node_modules.
    execFileSync(process.execPath, [probe, 'spec.json', 'out.pdf'], { cwd: work, stdio: 'pipe' });
    const pdf = path.join(work, 'out.pdf');

    // Every font in the PDF is embedded (none left for the viewer to substitute) and both weights appear.
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
    expect(fonts.length).toBeGreaterThanOrEqual(subsets.length);
    for (const line of fonts) expect(line).toMatch(/\byes\s+yes\s+yes\b/); // emb sub uni
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const { name } of names) expect(text).toContain(name);
    expect(text).toContain(`${SUBSET_100}${SUBSET_100}`);
    expect(text).not.toContain('\uFFFD');
  });
});
