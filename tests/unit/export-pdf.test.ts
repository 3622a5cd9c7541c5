import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocument, type PdfDocumentSpec } from '../../main/export/pdf/document';
import { tempDir } from './helpers';
import { wordBoxes } from './pdf-text';

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
  it('break a long table over pages', async () => {
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

  it.skipIf(!poppler)('never break a date or a voucher number in a narrow column of a signed statement (pdftotext)', async () => {
    const bytes = await renderDocument({
      ...sample,
      blocks: [{
        kind: 'table',
        // The 公示 statement's 支出明细, in its proportions: a sign-off column is a little wider than its date until
        // the voucher and amount columns are widened, which would squeeze it below.
        columns: [['笔号', 6], ['日期', 12], ['类别 · 用途', 29], ['凭证号', 13], ['金额', 12], ['物业签字', 14], ['业委会签字', 14]].map(([header, width]) => ({ header: String(header), width: Number(width) })),
        rows: [['2', '2026-12-02', '维修 · 3号楼2单元电梯更换曳引钢丝绳\n（已冲正：第 3 笔，2026-12-02）', '记-2026-12-002', '¥8,600.50', '刘建国\n2026-12-03', '陈秀英\n2026-12-01']],
      }],
    });
    const text = execFileSync('pdftotext', ['-layout', write(bytes), '-'], { encoding: 'utf8' });
    for (const whole of ['2026-12-02', '记-2026-12-002', '¥8,600.50', '业委会签字', '2026-12-03', '2026-12-01']) expect(text).toContain(whole);
  });

  it.skipIf(!poppler)('never leave the signatures alone on a page: the 合计 row (with the row above it) and the notes after the table go with them', async () => {
    const pagesOf = (bytes: Buffer) => execFileSync('pdftotext', ['-layout', write(bytes), '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
    const notes: PdfDocumentSpec['blocks'] = [
      sample.blocks[1]!,
      { kind: 'paragraph', text: `台账工作簿：西里社区_2026年11月_月度上报.xlsx，SHA-256 校验码：${'7c28bd99'.repeat(8)}`, size: 10 },
      { kind: 'paragraph', text: '本单位数据包签名密钥指纹：F9B3 4699 44C3 1496 4C20 AE18 98BD A3D1', size: 10 },
    ];
    // Whatever the length, somewhere a table ends just above the foot of a page: try every length around one page.
    for (let n = 20; n <= 40; n++) {
      const table = { ...(sample.blocks[0] as Extract<PdfDocumentSpec['blocks'][number], { kind: 'table' }>), rows: sample.blocks[0]!.kind === 'table' ? sample.blocks[0]!.rows.slice(0, n) : [] };
      for (const blocks of [[table], [table, notes[0]!], [table, ...notes]]) {
        const last = pagesOf(await renderDocument({ ...sample, blocks })).at(-1)!;
        expect(last, `${n} rows, ${blocks.length} blocks`).toContain('经办人（签字）');
        expect(last, `${n} rows, ${blocks.length} blocks`).toMatch(new RegExp(`第${n}党支部[\\s\\S]*合计\\s+共 70 个`));
        if (blocks.length > 1) expect(last, `${n} rows`).toContain('说明：');
      }
    }
  });

  it.skipIf(!poppler)('keep a heading on the page of what follows it: a table\'s header and first row', async () => {
    const pagesOf = (bytes: Buffer) => execFileSync('pdftotext', ['-layout', write(bytes), '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
    const table = sample.blocks[0] as Extract<PdfDocumentSpec['blocks'][number], { kind: 'table' }>;
    for (let n = 14; n <= 24; n++) {
      const bytes = await renderDocument({
        ...sample,
        signatures: undefined,
        blocks: [{ ...table, rows: table.rows.slice(0, n), totalRow: undefined }, { kind: 'paragraph', text: '志愿服务', size: 11, keepWithNext: true }, { ...table, rows: table.rows.slice(0, 3) }],
      });
      const page = pagesOf(bytes).find((p) => p.includes('志愿服务'))!;
      expect(page.slice(page.indexOf('志愿服务')), `${n} rows before`).toMatch(/序号\s+党支部\s+在册党员[\s\S]*第1党支部/);
    }
  });

  it.skipIf(!poppler)('repeat the header row on every page, end with the signatures (pdftotext)', async () => {
    const bytes = await renderDocument(sample);
    const pages = execFileSync('pdftotext', ['-layout', write(bytes), '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
    expect(pages.length).toBe(pageCount(bytes));
    pages.forEach((page, i) => {
      expect(page).toMatch(/序号\s+党支部\s+在册党员/);
      expect(page.replace(/\s+/g, '')).toContain(`—${i + 1}—`);
    });
    expect(pages[0]).toContain('西里社区2026年11月上报汇总表');
    const last = pages.at(-1)!;
    expect(last).toMatch(/合计\s+共 70 个\s+3,815/);
    expect(last).toMatch(/经办人（签字）.*审核人（签字）.*负责人（签字）/);
    expect(last).toContain('第70党支部（台账工作簿）');
  });

  it.skipIf(!poppler)('people sign are laid out as GB/T 9704 has it; a notice keeps 2 cm margins (pdftotext -bbox)', async () => {
    const mm = (pt: number) => (pt * 25.4) / 72;
    const signed = wordBoxes(await renderDocument(sample));
    expect(signed.length).toBeGreaterThanOrEqual(2);
    signed.forEach((page, i) => {
      // Whatever lies under the text block is the page number.
      const numbers = page.filter((w) => mm(w.yMin) > 37 + 225);
      expect(numbers.map((w) => w.text).join(''), `page ${i + 1}`).toBe(`—${i + 1}—`);
      const body = page.filter((w) => !numbers.includes(w));
      // The text block: 28 mm from the left, 37 mm from the top, 156 × 225 mm (a point of rounding either way).
      expect(mm(Math.min(...body.map((w) => w.xMin)))).toBeGreaterThanOrEqual(28 - 0.4);
      expect(mm(Math.max(...body.map((w) => w.xMax)))).toBeLessThanOrEqual(28 + 156 + 0.4);
      expect(mm(Math.min(...body.map((w) => w.yMin)))).toBeGreaterThanOrEqual(37 - 0.4);
      expect(mm(Math.max(...body.map((w) => w.yMax)))).toBeLessThanOrEqual(37 + 225 + 0.4);
      // The page number 7 mm under the block (its glyphs' box starts a little above the dash), odd on the right.
      expect(mm(numbers[0]!.yMin)).toBeGreaterThan(37 + 225 + 5);
      expect(mm(numbers[0]!.yMax)).toBeLessThan(297 - 20);
      if (i % 2 === 0) expect(mm(numbers.at(-1)!.xMax)).toBeGreaterThan(28 + 156 - 12);
      else expect(mm(numbers[0]!.xMin)).toBeLessThan(28 + 12);
    });
    // Its title in 2号 (22 pt): the box of one line of it is that tall, give or take the font's ascent.
    const title = signed[0]!.find((w) => w.text === sample.title)!;
    expect(title.yMax - title.yMin).toBeGreaterThan(22);

    const notice = wordBoxes(await renderDocument({ ...sample, signatures: undefined }));
    const first = notice[0]!.filter((w) => !w.text.includes('页'));
    // Its figures, right-aligned in the last column, reach past the official block to 2 cm from the edge.
    expect(mm(Math.max(...first.map((w) => w.xMax)))).toBeGreaterThan(210 - 20 - 3);
    expect(notice[0]!.map((w) => w.text).join('').replace(/\s+/g, '')).toContain(`第1页共${notice.length}页`);
  });

  it.skipIf(!poppler)('never break a number or a date inside a line of text, nor start a line with a closing mark, wherever the line ends', async () => {
    const paragraph = (k: number) => `${'金'.repeat(k)}结余¥30,000.00。截至2026-03-20。`;
    const docs = await Promise.all(Array.from({ length: 12 }, (_, k) => renderDocument({ ...sample, blocks: [{ kind: 'paragraph', text: paragraph(k + 16) }] })));
    docs.forEach((bytes, k) => {
      // The paragraph's lines: from its first, as many as make up its length.
      const words = wordBoxes(bytes)[0]!.map((w) => w.text);
      const lines: string[] = [];
      for (const w of words.slice(words.findIndex((l) => l.startsWith('金')))) if (lines.join('').length < paragraph(k + 16).length) lines.push(w);
      expect(lines.join(''), `${k + 16}`).toBe(paragraph(k + 16));
      expect(lines.some((l) => l.includes('¥30,000.00')), `${k + 16}: ${lines.join(' | ')}`).toBe(true);
      expect(lines.some((l) => l.includes('2026-03-20')), `${k + 16}: ${lines.join(' | ')}`).toBe(true);
      for (const l of lines) expect(l).not.toMatch(/^[，。]/);
    });
  });

  it.skipIf(!poppler)('never start a line with a run of closing marks either (人）， goes down whole with the character before it)', async () => {
    const paragraph = (k: number) => `${'金'.repeat(k)}缺席 2 人（其中请假 1 人），列席 1 人。`;
    const docs = await Promise.all(Array.from({ length: 14 }, (_, k) => renderDocument({ ...sample, blocks: [{ kind: 'paragraph', text: paragraph(k + 10) }] })));
    docs.forEach((bytes, k) => {
      const lines = execFileSync('pdftotext', ['-layout', write(bytes), '-'], { encoding: 'utf8' }).split('\n').map((l) => l.trim());
      const from = lines.findIndex((l) => l.startsWith('金'));
      expect(lines.slice(from, from + 2).join('').replace(/\s+/g, ''), `${k + 10}`).toBe(paragraph(k + 10).replace(/\s+/g, ''));
      for (const l of lines.slice(from, from + 2)) expect(l, `${k + 10}`).not.toMatch(/^[，。）]/);
    });
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
