import { createHash } from 'node:crypto';
import { toHalfWidth } from '../common/identifiers';
import { columnLetters, type SheetData } from './read/cells';
import type { ImportField, ImportRegister } from './register';

/**
 * Finding the header row under a title block and matching its columns to a register's fields by their Chinese
 * names and synonyms.
 */

/** How far down a header row is looked for: title, unit and period lines rarely take more than a few rows. */
export const SCAN_ROWS = 30;

/** "身份证号码*", "姓 名", "出生日期：" and "手机号码（必填）" compare as 身份证号码, 姓名, 出生日期, 手机号码. */
export function headerKey(text: string): string {
  return toHalfWidth(text)
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/[*※]/g, '')
    .replace(/\((必填|选填|可选|必须)\)/g, '')
    .replace(/[:：]$/, '')
    .toLowerCase();
}

/** The header without notes in brackets: "出生日期(年月日)" → 出生日期. */
const withoutNotes = (key: string) => key.replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, '');

/** Every way a field may be headed, as header keys → field key. */
function labelIndex(fields: readonly ImportField[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const f of fields) for (const word of [f.label, ...(f.synonyms ?? [])]) if (!index.has(headerKey(word))) index.set(headerKey(word), f.key);
  return index;
}

export const headerTexts = (sheet: SheetData, row: number): string[] =>
  Array.from(sheet.rows[row] ?? [], (c) => (c ? c.text.trim() : ''));

/** Columns in the order they are offered to fields: visible ones first, so a hidden stale column never wins. */
const columnOrder = (texts: readonly string[], hidden: ReadonlySet<number> = NO_COLUMNS) => {
  const cols = texts.map((_, c) => c);
  return hidden.size ? [...cols.filter((c) => !hidden.has(c)), ...cols.filter((c) => hidden.has(c))] : cols;
};
const NO_COLUMNS: ReadonlySet<number> = new Set();

/** Fields a row's cells name, exactly or once notes in brackets are dropped. */
function fieldsNamed(texts: readonly string[], index: Map<string, string>, hidden?: ReadonlySet<number>): Map<number, string> {
  const found = new Map<number, string>();
  const taken = new Set<string>();
  const order = columnOrder(texts, hidden);
  for (const exact of [true, false]) {
    order.forEach((col) => {
      const text = texts[col];
      if (!text || found.has(col)) return;
      const key = exact ? headerKey(text) : withoutNotes(headerKey(text));
      const field = index.get(key);
      if (field && !taken.has(field)) {
        found.set(col, field);
        taken.add(field);
      }
    });
  }
  return found;
}

export interface HeaderGuess {
  /** 0-based row index of the header. */
  row: number;
  /** How many of the register's fields the row names. */
  score: number;
}

/**
 * The row naming most of the register's fields among the first rows. When the row just below names as many, it is
 * the lower line of a two-row header (a header merged down over both rows is filled into both when read).
 */
export function detectHeader(sheet: SheetData, register: ImportRegister): HeaderGuess {
  const index = labelIndex(register.fields);
  const limit = Math.min(sheet.rows.length, SCAN_ROWS);
  const scores = Array.from({ length: limit }, (_, r) => fieldsNamed(headerTexts(sheet, r), index).size);
  let best = 0;
  for (let r = 1; r < limit; r++) if (scores[r]! > scores[best]!) best = r;
  while (best + 1 < limit && scores[best + 1]! >= scores[best]! && scores[best]! > 0) best++;
  if (scores[best] === 0) best = Math.max(0, sheet.rows.findIndex((row) => row?.some(Boolean)));
  return { row: best, score: scores[best] ?? 0 };
}

export type ColumnMapping = Record<string, number | null>;

/**
 * Each field to a column: exact names first, then names without their bracketed notes, then a header that starts
 * with the field's name ("身份证号码（18位）", "联系电话/手机"). A column serves one field; visible columns are
 * preferred to hidden ones.
 */
export function proposeMapping(register: ImportRegister, texts: readonly string[], hidden?: ReadonlySet<number>): ColumnMapping {
  const mapping: ColumnMapping = Object.fromEntries(register.fields.map((f) => [f.key, null]));
  for (const [col, field] of fieldsNamed(texts, labelIndex(register.fields), hidden)) mapping[field] = col;
  const order = columnOrder(texts, hidden);
  const used = new Set(Object.values(mapping).filter((c) => c !== null));
  for (const f of register.fields) {
    if (mapping[f.key] !== null) continue;
    const words = [f.label, ...(f.synonyms ?? [])].map(headerKey).sort((a, b) => b.length - a.length);
    const col = order.find((c) => !used.has(c) && texts[c] !== '' && words.some((w) => w.length >= 2 && headerKey(texts[c]!).startsWith(w)));
    if (col !== undefined) {
      mapping[f.key] = col;
      used.add(col);
    }
  }
  return mapping;
}

/** A layout's identity: its header texts in order. Next month's file with the same headers maps itself. */
export function layoutFingerprint(texts: readonly string[]): string {
  return createHash('sha256').update(texts.map(headerKey).join('|')).digest('hex').slice(0, 32);
}

/** The 0-based row among a sheet's first rows whose header has this layout, or null: another sheet kept alike. */
export function rowWithLayout(sheet: SheetData, fingerprint: string): number | null {
  for (let r = 0; r < Math.min(sheet.rows.length, SCAN_ROWS); r++) {
    const texts = headerTexts(sheet, r);
    if (texts.some(Boolean) && layoutFingerprint(texts) === fingerprint) return r;
  }
  return null;
}

/** A mapping that cannot be imported with: required fields without a column, one column serving two fields. */
export function mappingProblems(register: ImportRegister, mapping: ColumnMapping, columnCount: number): string[] {
  const problems: string[] = [];
  const byColumn = new Map<number, string[]>();
  for (const f of register.fields) {
    const col = mapping[f.key] ?? null;
    if (col === null) {
      if (f.required) problems.push(`“${f.label}”必须对应文件中的一列`);
      continue;
    }
    if (col < 0 || col >= columnCount) problems.push(`“${f.label}”对应的第 ${columnLetters(col)} 列不存在`);
    byColumn.set(col, [...(byColumn.get(col) ?? []), f.label]);
  }
  for (const [col, labels] of byColumn) {
    if (labels.length > 1) problems.push(`第 ${columnLetters(col)} 列同时对应了${labels.map((l) => `“${l}”`).join('和')}`);
  }
  return problems;
}
