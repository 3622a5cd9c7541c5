import { toHalfWidth } from '../common/identifiers';
import { serialToIso, type Cell } from './read/cells';
import type { CellValue, ImportField, RowProblems } from './register';

/**
 * Reads a cell as its field's kind, before the module's schema checks the value. What is normalised here is what
 * Excel and clerks do to a register: full-width digits, padding spaces, dashes for "none", dates in every form,
 * ID numbers that Excel turned into numbers.
 */

/** Full-width letters and digits (３号楼, Ａ座) become half-width; Chinese punctuation stays as typed. */
const halfWidthAlnum = (s: string) =>
  s.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** Anything cleanText would change: an edge space of any kind, a line break, a full-width letter or digit. */
const NEEDS_CLEANING = /^[\s\u3000\u00a0\u200b\ufeff]|[\s\u3000\u00a0\u200b\ufeff]$|[\r\n\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/;

/** Trims every kind of space (full-width, non-breaking), folds line breaks typed inside a cell. */
export function cleanText(s: string): string {
  // Most cells are clean: one test instead of three replacements (200,000 cells in a 10,000-row register).
  if (!NEEDS_CLEANING.test(s)) return s;
  return halfWidthAlnum(s)
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/^[\s\u3000\u00a0\u200b\ufeff]+|[\s\u3000\u00a0\u200b\ufeff]+$/g, '');
}

/** The unit a count is written with in a register: 72户, 4个, 6栋. */
const COUNT_UNIT = /(户|个|人|名|位|套|间|栋|幢|座|层|单元|处|家)$/;

/** What registers write in an empty cell. */
const PLACEHOLDER = /^[/／\\\-－—–_]+$/;

/** Key for comparing words and names: no spaces, half-width, lower case ("阳光小区(一期)" = "阳光小区（一期） "). */
export const wordKey = (s: string): string => toHalfWidth(s).replace(/[\s\u3000\u00a0]+/g, '').toLowerCase();

const TRUE_WORDS = new Set(['是', '是的', 'y', 'yes', 'true', '√', '✓', '✔', '1', '有']);
const FALSE_WORDS = new Set(['否', '不是', 'n', 'no', 'false', '×', '✗', '0', '无', '没有']);

/** An 18-digit number in Excel keeps 15 significant digits: the rest became zeros. */
const ID_AS_NUMBER = '身份证号被 Excel 存成了数字，末几位已丢失：请把这一列设为“文本”格式后重新填写';

/** A code longer than a double keeps exactly (15 digits), stored by Excel as a number: its last digits are zeros. */
const codeAsNumber = (label: string) => `${label}被 Excel 存成了数字（如 3.1101E+19），末几位已丢失：请把这一列设为“文本”格式后重新填写`;
const SCIENTIFIC = /^\d(\.\d+)?e\+?\d+$/i;

/** 138****5678, 130104********1234: a number as this app's exports (and others) mask it — its digits are gone. */
const MASKED = /^[\dXx]*\*{3,}[\dXx]*$/;
const maskedMessage = (label: string) => `${label}被隐去了中间几位（导出的脱敏文件），无法导入：请填写完整号码，或不导入这一列`;

/** 2001.07, 2001年7月, 2001-7: registers often keep 出生年月 and 入党年月 to the month only. */
const MONTH_ONLY = /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*月?$/;

/** A date read to the month only, as a field with `monthOnly: 'keep'` receives it: YYYY-MM. */
export const isMonthValue = (v: CellValue | undefined): v is string => typeof v === 'string' && /^\d{4}-\d{2}$/.test(v);

/** 2003-07 → 2003年7月, as the clerk wrote it. */
export const monthText = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/** The warning of a month-only date registered as the 1st: never refused, never silently shifted. */
export const monthOnlyWarning = (month: string) => `只写到了月，登记为 ${month}-01，并标注“日期不详”`;

/** A year and a month the clerk wrote without a day, as the field takes it (YYYY-MM kept, or the 1st with a warning). */
function monthOnlyDate(field: ImportField, year: string, month: number, text: string, problems: RowProblems): CellValue {
  if (month < 1 || month > 12) {
    problems.add(field.key, `${field.label}的月份不正确（${text}）`);
    return null;
  }
  const value = `${year}-${String(month).padStart(2, '0')}`;
  if (field.monthOnly === 'keep') return value;
  problems.warn(field.key, monthOnlyWarning(value));
  return `${value}-01`;
}

/**
 * 1978.06 typed into a number cell: Excel keeps the number, so 1978.10 arrives as 1978.1 — read as October (January
 * would have been typed 1978.01), and said so, because a clerk may also have meant 1978.1 as January.
 */
function numberAsMonth(field: ImportField, value: number, problems: RowProblems): CellValue {
  const year = Math.floor(value);
  const month = Math.round((value - year) * 100);
  const read = monthOnlyDate(field, String(year), month, String(value), problems);
  if (read !== null && month === 10 && /\.1$/.test(String(value))) problems.warn(field.key, `${field.label}写作 ${value}，按 ${year}年10月 读取；若是 1 月请改正`);
  return read;
}

function readDate(field: ImportField, cell: Cell, problems: RowProblems): CellValue {
  if (cell.kind === 'date') return cell.iso;
  if (cell.kind === 'number') {
    // 20190701 typed as a number is a date the schema reads; small whole numbers are Excel serial days.
    if (cell.value >= 10000 && cell.value < 80000) return serialToIso(cell.value) ?? cell.text;
    if (cell.value >= 1900 && cell.value < 2100 && !Number.isInteger(cell.value)) return numberAsMonth(field, cell.value, problems);
    return cell.text;
  }
  const text = toHalfWidth(cleanText(cell.text)).replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, ''); // "2019/7/1 0:00:00"
  const month = MONTH_ONLY.exec(text);
  if (month) return monthOnlyDate(field, month[1]!, Number(month[2]), text, problems);
  return /^\d{5}$/.test(text) && Number(text) >= 10000 && Number(text) < 80000 ? serialToIso(Number(text)) : text;
}

function readChoice(field: ImportField, text: string, problems: RowProblems): CellValue {
  const key = wordKey(text);
  if (key === '无' || key === '没有') return null; // 职务：无
  for (const [code, words] of Object.entries(field.choices ?? {})) {
    if (code === key || words.some((w) => wordKey(w) === key)) return code;
  }
  const allowed = Object.values(field.choices ?? {}).map((w) => w[0]);
  problems.add(field.key, `${field.label}应为：${allowed.join('、')}`);
  return null;
}

export function readValue(field: ImportField, cell: Cell | undefined, problems: RowProblems): CellValue {
  if (!cell) return null;
  if (cell.kind === 'error') {
    problems.add(field.key, `单元格是公式错误（${cell.text}），请在 Excel 中改正`);
    return null;
  }
  if (field.kind === 'date') return readDate(field, cell, problems);
  if (field.kind === 'idNumber' && cell.kind === 'number' && cell.value >= 1e14) {
    problems.add(field.key, ID_AS_NUMBER);
    return null;
  }
  if (field.kind === 'code' && ((cell.kind === 'number' && cell.value >= 1e15) || SCIENTIFIC.test(cleanText(cell.text)))) {
    problems.add(field.key, codeAsNumber(field.label));
    return null;
  }
  if (field.kind === 'boolean' && cell.kind === 'bool') return cell.value;
  if (field.kind === 'integer' && cell.kind === 'number') {
    if (Number.isInteger(cell.value)) return cell.value;
    problems.add(field.key, `${field.label}应为整数`);
    return null;
  }

  const text = cleanText(cell.text);
  if (text === '' || PLACEHOLDER.test(text)) return null;
  if ((field.kind === 'idNumber' || field.kind === 'phone') && MASKED.test(text)) {
    problems.add(field.key, maskedMessage(field.label));
    return null;
  }
  switch (field.kind) {
    case 'personName':
      // Two-character names are padded to line up with three-character ones: 张　三.
      return /^[\u4e00-\u9fff·\s]+$/.test(text) ? text.replace(/\s+/g, '') : text;
    case 'idNumber':
      if (SCIENTIFIC.test(text)) {
        problems.add(field.key, ID_AS_NUMBER);
        return null;
      }
      return text.replace(/^'/, '');
    case 'phone':
      return text.replace(/^'/, '');
    case 'integer': {
      // 72户, 4个: a count written with its unit.
      const digits = toHalfWidth(text).replace(/[\s,，]/g, '').replace(COUNT_UNIT, '');
      if (/^\d+$/.test(digits)) return Number(digits);
      problems.add(field.key, `${field.label}应为整数`);
      return null;
    }
    case 'boolean': {
      const key = wordKey(text);
      if (TRUE_WORDS.has(key)) return true;
      if (FALSE_WORDS.has(key)) return false;
      problems.add(field.key, `${field.label}请填写“是”或“否”`);
      return null;
    }
    case 'choice':
      return readChoice(field, text, problems);
    default:
      return text;
  }
}

/** The cell as the clerk sees it in Excel, for the report and the error table. */
export const cellText = (cell: Cell | undefined): string => (cell ? cell.text : '');

/** A row value as text, null when the cell was empty (what registers compare names with). */
export const valueText = (v: CellValue | undefined): string | null => (v === null || v === undefined ? null : String(v));
