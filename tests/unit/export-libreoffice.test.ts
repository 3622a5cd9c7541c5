import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempDir, today } from './helpers';
import { communityInstall, thisMonth } from './submission-fixture';
import { communityWithPlaces } from './submission-places-fixture';
import { volunteerFixture } from './volunteer-fixture';
import { hasPoppler, wordBoxes } from './pdf-text';

/**
 * The exported workbook opened by a real spreadsheet program: LibreOffice converts every sheet to CSV and each
 * cell must read as the workbook says (dates as dates, percentages, the merged title, the 合计 row). CI installs
 * LibreOffice (`.ci/run`); on a machine without `soffice` this test is reported as skipped, with the reason.
 * STREETDESK_SOFFICE names another binary (e.g. LibreOffice outside PATH).
 */
const SOFFICE = process.env.STREETDESK_SOFFICE ?? 'soffice';
const hasSoffice = (() => {
  try {
    execFileSync(SOFFICE, ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
})();
/**
 * Whether LibreOffice has a Chinese font to lay a sheet out with, as an office's machine has (宋体): without one it
 * measures and draws every character with a fallback that has no CJK glyphs, and what it prints says nothing about
 * an office's. CI installs one (`.ci/run`: fonts-wqy-microhei).
 */
const hasChineseFont = (() => {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
})();
if (!hasSoffice) console.warn(`跳过 LibreOffice 检查：找不到 ${SOFFICE}（Debian: apt-get install libreoffice-calc-nogui），导出的工作簿这次未经真实的电子表格程序核对。`);

/** LibreOffice converts a file beside it, with a profile of its own (a first start writes one). */
function convertWithLibreOffice(file: string, to: string): void {
  const out = path.dirname(file);
  execFileSync(SOFFICE, [`-env:UserInstallation=file://${path.join(out, 'lo-profile')}`, '--headless', '--convert-to', to, '--outdir', out, file], { stdio: 'ignore', timeout: 120_000 });
}

/** Every sheet as CSV (UTF-8, comma, formatted as displayed), keyed by sheet name. */
function csvWithLibreOffice(xlsx: string): Map<string, string[][]> {
  const out = path.dirname(xlsx);
  // Tokens: 44 comma, 34 quote, 76 UTF-8, 1 from row 1, (no column formats), 0 language, false quote-all,
  // true detect-special (import only), **true = save cell contents as shown** (token 9: without it LibreOffice
  // writes stored values, 14.2857142857143% and 1234.5), false formulas, false trim, -1 every sheet to its own file.
  convertWithLibreOffice(xlsx, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1');
  const base = path.basename(xlsx, '.xlsx');
  const sheets = new Map<string, string[][]>();
  for (const f of fs.readdirSync(out).filter((f) => f.startsWith(`${base}-`) && f.endsWith('.csv'))) {
    sheets.set(f.slice(base.length + 1, -4), parseCsv(fs.readFileSync(path.join(out, f), 'utf8')));
  }
  return sheets;
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\n') {
      endCell();
      rows.push(row);
      row = [];
    } else if (c !== '\r') cell += c;
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

/** What a cell should show, from the workbook's own value and number format. */
function shown(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') {
    if (cell.numFmt === '0.0%') return `${(v * 100).toFixed(1)}%`;
    if (cell.numFmt === '0.0') return v.toFixed(1);
    if (cell.numFmt?.includes('¥')) return `¥${v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    return String(v);
  }
  return String(v);
}

/** Every sheet as LibreOffice shows it equals what exceljs reads from the same file; the CSVs for further checks. */
async function readsBack(file: string): Promise<Map<string, string[][]>> {
  const csv = csvWithLibreOffice(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect([...csv.keys()].sort()).toEqual(wb.worksheets.map((w) => w.name).sort());
  for (const ws of wb.worksheets) {
    const expected = Array.from({ length: ws.rowCount }, (_, r) =>
      Array.from({ length: ws.columnCount }, (_, c) => (ws.getCell(r + 1, c + 1).isMerged && c > 0 ? '' : shown(ws.getCell(r + 1, c + 1)))),
    );
    expect(csv.get(ws.name), ws.name).toEqual(expected);
  }
  return csv;
}

describe('an exported workbook opened by LibreOffice', () => {
  const title = 'reads back cell for cell as the workbook wrote it (soffice --convert-to csv)';
  // The reason is in the name, so a skip reads as one in every reporter, never as a pass.
  it.skipIf(!hasSoffice)(hasSoffice ? title : `${title} — SKIPPED: no ${SOFFICE} on this machine`, async () => {
    const t = await communityInstall();
    const out = await t.call('submission.buildMonthly', { level: 'community', period: thisMonth(), modules: ['party'], outputs: ['workbook'] });
    const file = path.join(tempDir(), 'monthly.xlsx');
    fs.writeFileSync(file, Buffer.from(out.workbook!.contentBase64, 'base64'));
    const csv = await readsBack(file);
    // And the values a clerk looks for, as LibreOffice shows them.
    const members = csv.get('党员花名册')!;
    expect(members[0]![0]).toBe('西里社区党员花名册');
    const zhang = members.find((r) => r[1] === '张三')!;
    expect(zhang[8]).toBe('1995-07-01');
    expect(zhang[5]).toMatch(/^130104\*{8}\d{3}[\dX]$/);
    expect(members.at(-1)!.slice(0, 2)).toEqual(['合计', '共 3 人']);
  }, 180_000);

  const places = 'red property, elevators and the fund: money in yuan with two decimals, dates as dates';
  it.skipIf(!hasSoffice)(hasSoffice ? places : `${places} — SKIPPED: no ${SOFFICE} on this machine`, async () => {
    const t = await communityWithPlaces();
    const out = await t.call('submission.buildMonthly', { level: 'community', period: t.month, modules: ['property', 'fund', 'elevator'], outputs: ['workbook'] });
    const file = path.join(tempDir(), 'places.xlsx');
    fs.writeFileSync(file, Buffer.from(out.workbook!.contentBase64, 'base64'));
    const csv = await readsBack(file);
    const journal = csv.get('电梯维保基金收支明细')!;
    expect(journal[3]!.slice(4, 13)).toEqual(['日期', '类别', '用途', '对方单位', '凭证号', '涉及电梯', '收入（元）', '支出（元）', '余额（元）']);
    expect(journal[4]!.slice(9, 13)).toEqual(['', '¥12,345.67', '', '¥22,345.67']);
    expect(journal[5]!.slice(9, 13)).toEqual(['3号楼1单元1号梯', '', '¥1,000.50', '¥21,345.17']);
    expect(journal.at(-1)!.slice(10, 12)).toEqual(['¥12,345.67', '¥1,000.50']);
    const elevators = csv.get('电梯台账')!;
    expect(elevators[4]![13]).toBe(`${t.month}-01`);
  }, 180_000);

  const printed = '积分台账 printed by LibreOffice: a wrapped 事由 prints whole inside its own row, the next row under it (soffice --convert-to pdf)';
  const printable = hasSoffice && hasPoppler && hasChineseFont;
  it.skipIf(!printable)(printable ? printed : `${printed} — SKIPPED: no ${SOFFICE}, pdftotext or Chinese font (fc-list :lang=zh) on this machine`, async () => {
    const t = await volunteerFixture();
    const zhao = await t.resident('赵敏');
    const reasons = [
      '捐赠图书',
      '参加社区“邻里守望”结对帮扶活动，为独居老人代购生活用品并陪同就医，累计三次，经居委会核实后计入贡献分',
      '清理楼道',
      '担任疫苗接种点引导员，连续五个工作日每天上午协助老年人排队、扫码登记和留观，获接种点书面表扬，按规则计入贡献分',
      '义务理发',
    ];
    for (const reason of reasons) {
      await t.call('volunteer.addEntry', { person: { volunteerId: zhao.id }, onDate: today(), category: 'contribution', amount: 10, reason, sourceKind: 'manual' });
    }
    const out = await t.call('submission.exportRegister', { register: 'volunteer.entries', level: 'street', period: today().slice(0, 7) });
    const xlsx = path.join(tempDir(), 'ledger.xlsx');
    fs.writeFileSync(xlsx, Buffer.from(out.file.contentBase64, 'base64'));
    convertWithLibreOffice(xlsx, 'pdf');
    const pdf = xlsx.replace(/\.xlsx$/, '.pdf');
    if (process.env.LEDGER_PDF) fs.copyFileSync(pdf, process.env.LEDGER_PDF);
    const [page] = wordBoxes(fs.readFileSync(pdf));
    // The 事由 column's lines: every word that starts where the first row's 事由 does (the cells are left-aligned).
    const left = page!.find((w) => w.text === '捐赠图书')!.xMin;
    const column = page!.filter((w) => Math.abs(w.xMin - left) < 1).sort((a, b) => a.yMin - b.yMin);
    // Each 事由 whole, in the rows' order, line under line: the lines of one are all above the next one's.
    let at = 0;
    const spans = reasons.map((reason) => {
      const lines = [];
      let text = '';
      while (text.length < reason.length && at < column.length) {
        lines.push(column[at]!);
        text += column[at++]!.text;
      }
      expect(text).toBe(reason);
      return { top: Math.min(...lines.map((l) => l.yMin)), bottom: Math.max(...lines.map((l) => l.yMax)) };
    });
    spans.slice(1).forEach((s, k) => expect(s.top, reasons[k + 1]).toBeGreaterThanOrEqual(spans[k]!.bottom));
    // And inside its own row: the row's 序号 (centred in the row as the 事由 is) lies within the 事由's lines,
    // the next row's below them.
    const community = page!.find((w) => w.text === '西里社区' && w.yMin > spans[0]!.top - 20)!.xMin;
    const seqs = page!.filter((w) => /^\d$/.test(w.text) && w.xMax <= community && w.yMin >= spans[0]!.top - 5).sort((a, b) => a.yMin - b.yMin);
    expect(seqs.map((w) => w.text)).toEqual(['1', '2', '3', '4', '5']);
    seqs.forEach((w, k) => {
      const middle = (w.yMin + w.yMax) / 2;
      expect(middle).toBeGreaterThan(spans[k]!.top);
      expect(middle).toBeLessThan(spans[k]!.bottom);
      if (k > 0) expect(w.yMin, `row ${k + 1}`).toBeGreaterThanOrEqual(spans[k - 1]!.bottom);
    });
  }, 180_000);
});
