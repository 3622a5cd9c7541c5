import { findMapping, importsOfFile } from '../../../db/import/imports';
import type { Db } from '../../../db/open';
import { SHEET_NAME_COLUMN, type Analysis, type ColumnInfo } from './contract';
import { columnsRead, fittingHeader, headerDifference } from './align';
import { detectHeader, headerTexts, layoutFingerprint, proposeMapping, rowWithLayout, type ColumnMapping, type HeaderGuess } from './header';
import { columnCount, sheetNamed } from './job';
import { columnLetters, type SheetData } from './read/cells';
import { maskedText } from './mask';
import type { FileIn } from '../common/files';
import { loadFile } from './read/load';
import type { ImportField, ImportRegister } from './register';

/**
 * The first look at a file: its sheets, where the header is, and which column is which field — from memory if this
 * layout was imported before, else from the header names.
 */

const SAMPLE_ROWS = 50;

function columnsOf(sheet: SheetData, headerIndex: number, register: ImportRegister, mapping: ColumnMapping): ColumnInfo[] {
  const header = headerTexts(sheet, headerIndex);
  const width = columnCount(sheet, headerIndex);
  const data = sheet.rows.slice(headerIndex + 1, headerIndex + 1 + SAMPLE_ROWS);
  const fieldOf = new Map(register.fields.filter((f) => mapping[f.key] != null).map((f) => [mapping[f.key]!, f]));
  return Array.from({ length: width }, (_, index) => {
    const texts = data.map((r) => r?.[index]?.text.trim() ?? '').filter(Boolean);
    const samples = [...new Set(texts)].slice(0, 3).map((t) => maskedText(t, fieldOf.get(index)));
    return { index, letter: columnLetters(index), header: header[index] ?? '', samples, hidden: sheet.hiddenColumns?.has(index) ?? false };
  });
}

const dataRowsOf = (sheet: SheetData, headerIndex: number) => sheet.rows.slice(headerIndex + 1).filter((r) => r?.some(Boolean)).length;

/**
 * The workbook's sheets with this layout, each at the row its header is (a title block of another height): the
 * same header texts, or a header with the required columns the mapping reads (another order, columns more or fewer).
 */
function sameLayout(sheets: readonly SheetData[], texts: readonly string[], register: ImportRegister, mapping: ColumnMapping): Analysis['sameLayout'] {
  const fingerprint = layoutFingerprint(texts);
  const read = columnsRead(register, mapping, texts.length);
  const found = sheets.flatMap((s) => {
    const exact = rowWithLayout(s, fingerprint);
    const aligned = exact === null ? fittingHeader(s, texts, read) : null;
    const at = exact ?? aligned?.row ?? null;
    if (at === null) return [];
    const differs = aligned ? headerDifference(texts, headerTexts(s, aligned.row), aligned) : null;
    return [{ name: s.name, headerRow: at + 1, dataRows: dataRowsOf(s, at), hidden: s.hidden, differs }];
  });
  return found.length > 1 ? found : [];
}

/** The remembered layout among the first rows (the clerk may have chosen a header row detection would not). */
function remembered(db: Db, register: ImportRegister, sheet: SheetData, guess: HeaderGuess) {
  const candidates = [guess.row, ...Array.from({ length: Math.min(sheet.rows.length, 30) }, (_, r) => r).filter((r) => r !== guess.row)];
  for (const row of candidates) {
    const texts = headerTexts(sheet, row);
    if (!texts.some(Boolean)) continue;
    const found = findMapping(db, register.key, layoutFingerprint(texts));
    if (found && found.headerRow === row + 1) return found;
  }
  return undefined;
}

export function analyse(
  db: Db,
  register: ImportRegister,
  input: { file: FileIn; sheet?: string | null; headerRow?: number | null },
): Analysis {
  const file = loadFile(input.file);
  const visible = file.workbook.sheets.filter((s) => !s.hidden);
  const candidates = visible.length ? visible : file.workbook.sheets;
  // Without a choice, the sheet whose header names most of the register's fields.
  const scored = candidates.map((s) => ({ s, score: detectHeader(s, register).score }));
  const sheet = input.sheet ? sheetNamed(file, input.sheet) : scored.reduce((a, b) => (b.score > a.score ? b : a)).s;
  const guess: HeaderGuess = input.headerRow ? { row: input.headerRow - 1, score: 1 } : detectHeader(sheet, register);
  const memory = input.headerRow ? undefined : remembered(db, register, sheet, guess);
  const headerIndex = memory ? memory.headerRow - 1 : guess.row;
  const texts = headerTexts(sheet, headerIndex);
  const named = proposeMapping(register, texts, sheet.hiddenColumns);
  const fingerprint = layoutFingerprint(texts);
  // The columns read are the remembered or proposed ones; reading a field from the sheet's name adds none.
  const alike = sameLayout(file.workbook.sheets, texts, register, memory?.mapping ?? named);
  // Several sheets of one layout, no column for the field, and the visible sheets' names read as its values (the
  // register's own matching says: branches by name or alike): each sheet's name stands for it (工作表名称 = 所在组织).
  const names = alike.filter((s) => !s.hidden).map((s) => s.name);
  const bySheet = (f: ImportField) =>
    alike.length > 1 && !!f.orSheetName && named[f.key] == null && (f.sheetNamesFit?.(db, names) ?? true);
  const detected = Object.fromEntries(register.fields.map((f) => [f.key, named[f.key] ?? (bySheet(f) ? SHEET_NAME_COLUMN : null)]));
  const mapping: ColumnMapping = memory
    ? Object.fromEntries(register.fields.map((f) => [f.key, memory.mapping[f.key] ?? null]))
    : detected;
  return {
    fileName: file.fileName,
    sha256: file.sha256,
    size: file.size,
    format: file.workbook.format,
    encoding: file.workbook.encoding,
    sheets: file.workbook.sheets.map((s) => ({ name: s.name, rows: s.rows.length, hidden: s.hidden })),
    sheet: sheet.name,
    sameLayout: alike,
    headerRow: headerIndex + 1,
    headerFound: memory !== undefined || Object.values(named).some((c) => c !== null),
    columns: columnsOf(sheet, headerIndex, register, mapping),
    mapping,
    mappingSource: memory ? 'remembered' : 'detected',
    values: memory?.values ?? findMapping(db, register.key, fingerprint)?.values ?? {},
    fingerprint,
    dataRows: dataRowsOf(sheet, headerIndex),
    previousImports: importsOfFile(db, file.sha256).map((h) => ({
      at: h.createdAt,
      operator: h.operator,
      fileName: h.fileName,
      created: h.created,
      updated: h.updated,
    })),
  };
}
