import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers';
import { communityInstall, thisMonth } from './submission-fixture';
import { communityWithPlaces } from './submission-places-fixture';

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
if (!hasSoffice) console.warn(`跳过 LibreOffice 检查：找不到 ${SOFFICE}（Debian: apt-get install libreoffice-calc-nogui），导出的工作簿这次未经真实的电子表格程序核对。`);

/** Every sheet as CSV (UTF-8, comma, formatted as displayed), keyed by sheet name. */
function convertWithLibreOffice(xlsx: string): Map<string, string[][]> {
  const out = path.dirname(xlsx);
  execFileSync(SOFFICE, [
    `-env:UserInstallation=file://${path.join(out, 'lo-profile')}`,
    '--headless',
    '--convert-to',
    // Tokens: 44 comma, 34 quote, 76 UTF-8, 1 from row 1, (no column formats), 0 language, false quote-all,
    // true detect-special (import only), **true = save cell contents as shown** (token 9: without it LibreOffice
    // writes stored values, 14.2857142857143% and 1234.5), false formulas, false trim, -1 every sheet to its own file.
    'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1',
    '--outdir', out, xlsx,
  ], { stdio: 'ignore', timeout: 120_000 });
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
  const csv = convertWithLibreOffice(file);
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
    expect(journal[3]!.slice(4, 12)).toEqual(['日期', '类别', '用途', '对方单位', '凭证号', '收入（元）', '支出（元）', '余额（元）']);
    expect(journal[4]!.slice(9, 12)).toEqual(['¥12,345.67', '', '¥22,345.67']);
    expect(journal[5]!.slice(9, 12)).toEqual(['', '¥1,000.50', '¥21,345.17']);
    expect(journal.at(-1)!.slice(9, 11)).toEqual(['¥12,345.67', '¥1,000.50']);
    const elevators = csv.get('电梯台账')!;
    expect(elevators[4]![13]).toBe(`${t.month}-01`);
  }, 180_000);
});
