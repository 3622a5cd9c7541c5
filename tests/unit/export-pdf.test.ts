import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocument, type PdfDocumentSpec } from '../../main/export/pdf/document';
import { tempDir } from './helpers';

const has = (tool: string) => {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const poppler = has('pdftotext') && has('pdftoppm');
if (!poppler) console.warn('部分 PDF 检查跳过：本机没有 poppler-utils（pdftotext / pdftoppm），只检查了页数。');

const sample: PdfDocumentSpec = {
  title: '西里社区2026年11月上报汇总表',
  subtitle: ['填报单位：西里社区　　统计期间：2026年11月'],
  blocks: [
    {
      kind: 'table',
      columns: [{ header: '序号', width: 1, align: 'center' }, { header: '党支部', width: 5 }, { header: '在册党员', width: 2, align: 'right' }],
      rows: Array.from({ length: 70 }, (_, i) => [String(i + 1), `第${i + 1}党支部（台账工作簿）`, String(20 + i)]),
      totalRow: ['合计', '共 70 个', '3,815'],
    },
    { kind: 'paragraph', text: '说明：身份证号、电话号码已脱敏。' },
  ],
  signatures: ['经办人', '审核人', '负责人'],
};

function write(bytes: Buffer): string {
  const file = path.join(tempDir(), 'doc.pdf');
  fs.writeFileSync(file, bytes);
  return file;
}

/** Pages counted from the bytes themselves (no tool needed): each page object is `/Type /Page`. */
const pageCount = (bytes: Buffer) => (bytes.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

describe('printed documents (PDF)', () => {
  it('break a long table over pages, numbered "第 i 页 共 N 页"', async () => {
    const bytes = await renderDocument(sample);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount(bytes)).toBeGreaterThanOrEqual(2);
  });

  it.skipIf(!poppler)('never break a figure: a narrow column of figures is widened to its widest, bold in 合计 (pdftotext)', async () => {
    // Eleven columns in landscape as the street's 汇总表 has them: the figures' share of the width is a sliver.
    const figures = ['党支部', '在册党员', '正式党员', '预备党员', '社区党员', '在职党员', '流动党员', '发展', '转入', '转出', '落实率'];
    const bytes = await renderDocument({
      title: '西里街道2026年11月上报汇总表',
      orientation: 'landscape',
      blocks: [{
        kind: 'table',
        columns: figures.map((header, i) => ({ header, width: i === 0 ? 12 : 1, align: i === 0 ? 'left' : 'right' })),
        rows: [['幸福社区 › 第一党支部', '1,462', '1,401', '61', '1,200', '200', '62', '12', '8', '3', '43.2%']],
        totalRow: ['合计', '12,878', '11,462.0', '1,416', '9,876', '2,000', '1,002', '120', '80', '30', '100.0%'],
      }],
    });
    const flat = execFileSync('pdftotext', ['-layout', write(bytes), '-'], { encoding: 'utf8' });
    for (const figure of ['12,878', '11,462.0', '1,416', '9,876', '100.0%', '43.2%', '1,462']) expect(flat).toContain(figure);
  });

  it.skipIf(!poppler)('never leave the signatures alone on a page: the 合计 row, or the last paragraph, goes with them', async () => {
    const pagesOf = (bytes: Buffer) => execFileSync('pdftotext', ['-layout', write(bytes), '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
    // Whatever the length, somewhere a table ends just above the foot of a page: try every length around one page.
    for (let n = 20; n <= 40; n++) {
      const table = { ...(sample.blocks[0] as Extract<PdfDocumentSpec['blocks'][number], { kind: 'table' }>), rows: sample.blocks[0]!.kind === 'table' ? sample.blocks[0]!.rows.slice(0, n) : [] };
      for (const blocks of [[table], [table, sample.blocks[1]!]]) {
        const last = pagesOf(await renderDocument({ ...sample, blocks })).at(-1)!;
        expect(last, `${n} rows`).toContain('经办人（签字）');
        expect(last, `${n} rows`).toContain(blocks.length === 1 ? '合计' : '说明：');
      }
    }
  });

  it.skipIf(!poppler)('repeat the header row on every page, end with the signatures (pdftotext)', async () => {
    const bytes = await renderDocument(sample);
    const pages = execFileSync('pdftotext', ['-layout', write(bytes), '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
    expect(pages.length).toBe(pageCount(bytes));
    pages.forEach((page, i) => {
      expect(page).toMatch(/序号\s+党支部\s+在册党员/);
      expect(page.replace(/\s+/g, '')).toContain(`第${i + 1}页共${pages.length}页`);
    });
    expect(pages[0]).toContain('西里社区2026年11月上报汇总表');
    const last = pages.at(-1)!;
    expect(last).toMatch(/合计\s+共 70 个\s+3,815/);
    expect(last).toMatch(/经办人（签字）.*审核人（签字）.*负责人（签字）/);
    expect(last).toContain('第70党支部（台账工作簿）');
  });

  it.skipIf(!poppler)('draw the glyphs, not blanks: every font file of the bundled font embeds readable outlines', async () => {
    // 簿 lives in the one subset fontkit cannot read from its WOFF (see main/export/pdf/fonts.ts).
    const bytes = await renderDocument({ title: '簿簿簿', blocks: [] });
    const out = path.join(tempDir(), 'page');
    execFileSync('pdftoppm', ['-r', '40', '-gray', '-f', '1', '-l', '1', write(bytes), out]);
    const pgm = fs.readFileSync(fs.readdirSync(path.dirname(out)).map((f) => path.join(path.dirname(out), f)).find((f) => f.endsWith('.pgm'))!);
    // PGM: a text header of three fields after the magic, then one byte per pixel.
    const header = /^P5\s+\d+\s+\d+\s+\d+\s/.exec(pgm.toString('latin1', 0, 40))![0].length;
    const dark = pgm.subarray(header).filter((v) => v < 128).length;
    expect(dark).toBeGreaterThan(50);
  });
});
