import { strFromU8 } from 'fflate';
import { unzipCapped, UnzipRefused } from '../../../export/package/zip';
import { fillVerticalMerges, parseRef, serialToIso, type Cell, type MergedRange, type SheetData, type WorkbookData } from './cells';
import { ImportFileError } from './errors';

/**
 * Reads the values of an .xlsx file (Office Open XML) synchronously: unzip (capped at 200 MB inflated), then the few
 * XML parts that hold values — workbook, relationships, shared strings, styles (to tell dates from numbers) and the sheets.
 *
 * Why not exceljs, which the project already has: it reads 10,000 rows × 18 columns in about 500 ms, half the
 * import budget, and only asynchronously; this reader takes about 80 ms and lets the whole import run inside one
 * synchronous write transaction. It reads values only (no formatting beyond "is this a date").
 */

const MAX_UNZIPPED = 200 * 1024 * 1024;

/** An element's tags may carry a namespace prefix (`<x:c>`) in files written by some libraries. */
const NS = '(?:[A-Za-z]\\w*:)?';
const tagRe = (name: string, flags = 'g') => new RegExp(`<${NS}${name}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${NS}${name}>)`, flags);
// Compiled once: a sheet of 10,000 rows has some 200,000 cells.
const CELL = tagRe('c');
const ROW = tagRe('row');
const TEXT = tagRe('t');
const PHONETIC = tagRe('rPh');
const VALUE = new RegExp(`<${NS}v>([\\s\\S]*?)</${NS}v>`);
const attrRes = new Map<string, RegExp>();
function attr(attrs: string, name: string): string | undefined {
  let re = attrRes.get(name);
  if (!re) attrRes.set(name, (re = new RegExp(`(?:^|\\s)(?:\\w+:)?${name}="([^"]*)"`)));
  return re.exec(attrs)?.[1];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescapeXml(s: string): string {
  if (!s.includes('&') && !s.includes('_x')) return s;
  return s
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? all))
    .replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The text of a string item: plain `<t>` or rich-text runs `<r><t>`; phonetic guides (`<rPh>`) are not text. */
function itemText(xml: string): string {
  let out = '';
  const clean = xml.includes('rPh') ? xml.replace(PHONETIC, '') : xml;
  for (const m of clean.matchAll(TEXT)) out += m[2] ?? '';
  return unescapeXml(out);
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return /[ymd]/i.test(bare) && !/^General$/i.test(bare);
}

/** Which cell styles (index into cellXfs) show a date. */
function dateStyles(stylesXml: string | undefined): boolean[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(tagRe('numFmt'))) {
    custom.set(Number(attr(m[1]!, 'numFmtId')), unescapeXml(attr(m[1]!, 'formatCode') ?? ''));
  }
  const xfs = tagRe('cellXfs', '').exec(stylesXml)?.[2] ?? '';
  return [...xfs.matchAll(tagRe('xf'))].map((m) => {
    const id = Number(attr(m[1]!, 'numFmtId') ?? 0);
    return BUILTIN_DATE_FORMATS.has(id) || isDateFormatCode(custom.get(id) ?? '');
  });
}

interface Parts {
  shared: string[];
  dates: boolean[];
  date1904: boolean;
}

function readCell(attrs: string, body: string, parts: Parts): Cell | undefined {
  const type = attr(attrs, 't') ?? 'n';
  if (type === 'inlineStr') {
    const text = itemText(tagRe('is', '').exec(body)?.[2] ?? '');
    return text === '' ? undefined : { kind: 'text', text };
  }
  const raw = VALUE.exec(body)?.[1];
  if (raw === undefined) return undefined;
  const v = unescapeXml(raw);
  switch (type) {
    case 's': {
      const text = parts.shared[Number(v)] ?? '';
      return text === '' ? undefined : { kind: 'text', text };
    }
    case 'str':
      return v === '' ? undefined : { kind: 'text', text: v };
    case 'b':
      return { kind: 'bool', value: v === '1', text: v === '1' ? 'TRUE' : 'FALSE' };
    case 'e':
      return { kind: 'error', text: v };
    case 'd':
      return { kind: 'date', iso: v.slice(0, 10), text: v.slice(0, 10) };
    default: {
      const value = Number(v);
      if (!Number.isFinite(value)) return { kind: 'text', text: v };
      const style = Number(attr(attrs, 's') ?? 0);
      const iso = parts.dates[style] ? serialToIso(value, parts.date1904) : null;
      return iso ? { kind: 'date', iso, text: iso } : { kind: 'number', value, text: v };
    }
  }
}

const isOn = (v: string | undefined) => v === '1' || v === 'true';

function readSheet(name: string, hidden: boolean, xml: string, parts: Parts): SheetData {
  const rows: (Cell | undefined)[][] = [];
  let nextRow = 0;
  const data = tagRe('sheetData', '').exec(xml)?.[2] ?? '';
  const hiddenRows = new Set<number>();
  for (const rm of data.matchAll(ROW)) {
    const r = attr(rm[1]!, 'r');
    const rowIndex = r ? Number(r) - 1 : nextRow;
    nextRow = rowIndex + 1;
    if (isOn(attr(rm[1]!, 'hidden'))) hiddenRows.add(rowIndex);
    const cells: (Cell | undefined)[] = [];
    let nextCol = 0;
    for (const cm of (rm[2] ?? '').matchAll(CELL)) {
      const ref = attr(cm[1]!, 'r');
      const col = ref ? (parseRef(ref)?.col ?? nextCol) : nextCol;
      nextCol = col + 1;
      const cell = readCell(cm[1]!, cm[2] ?? '', parts);
      if (cell) cells[col] = cell;
    }
    if (cells.length) rows[rowIndex] = cells;
  }
  const merges: MergedRange[] = [];
  for (const mm of xml.matchAll(tagRe('mergeCell'))) {
    const [a, b] = (attr(mm[1]!, 'ref') ?? '').split(':');
    const from = parseRef(a ?? '');
    const to = parseRef(b ?? a ?? '');
    if (from && to) merges.push({ top: from.row, left: from.col, bottom: to.row, right: to.col });
  }
  const hiddenColumns = new Set<number>();
  for (const cm of (tagRe('cols', '').exec(xml)?.[2] ?? '').matchAll(tagRe('col'))) {
    if (!isOn(attr(cm[1]!, 'hidden'))) continue;
    const [min, max] = [Number(attr(cm[1]!, 'min')), Number(attr(cm[1]!, 'max'))];
    for (let c = min; c <= Math.min(max, min + 16384); c++) hiddenColumns.add(c - 1);
  }
  const sheet: SheetData = { name, hidden, rows, merges, hiddenColumns, hiddenRows };
  fillVerticalMerges(sheet);
  return sheet;
}

function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
  const wanted = (name: string) =>
    name.startsWith('xl/') && (name.endsWith('.xml') || name.endsWith('.rels')) && !name.includes('/media/') && !name.includes('/drawings/');
  try {
    return unzipCapped(bytes, MAX_UNZIPPED, wanted);
  } catch (err) {
    if (err instanceof UnzipRefused && err.kind === 'too-large') throw new ImportFileError('文件解压后超过 200 MB，请拆分后再导入');
    throw new ImportFileError('无法读取文件：它不是有效的 .xlsx 文件，可能已损坏');
  }
}

export function readXlsx(bytes: Uint8Array): WorkbookData {
  const files = unzip(bytes);
  const text = (path: string) => (files[path] ? strFromU8(files[path]) : undefined);
  const workbook = text('xl/workbook.xml');
  if (!workbook) throw new ImportFileError('无法读取文件：里面没有工作表（不是 Excel 工作簿）');
  const rels = new Map<string, string>();
  for (const m of (text('xl/_rels/workbook.xml.rels') ?? '').matchAll(tagRe('Relationship'))) {
    const target = attr(m[1]!, 'Target') ?? '';
    rels.set(attr(m[1]!, 'Id') ?? '', target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const parts: Parts = {
    shared: [...(text('xl/sharedStrings.xml') ?? '').matchAll(tagRe('si'))].map((m) => itemText(m[2] ?? '')),
    dates: dateStyles(text('xl/styles.xml')),
    date1904: /date1904="(1|true)"/.test(tagRe('workbookPr', '').exec(workbook)?.[1] ?? ''),
  };
  const sheets: SheetData[] = [];
  for (const m of workbook.matchAll(tagRe('sheet'))) {
    const state = attr(m[1]!, 'state');
    if (state === 'veryHidden') continue;
    const xml = text(rels.get(attr(m[1]!, 'id') ?? '') ?? '');
    if (xml === undefined) continue; // a chart sheet or a missing part: nothing to import from it
    sheets.push(readSheet(unescapeXml(attr(m[1]!, 'name') ?? ''), state === 'hidden', xml, parts));
  }
  if (sheets.length === 0) throw new ImportFileError('文件里没有可以读取的工作表');
  return { format: 'xlsx', encoding: null, sheets };
}
