import { newId } from '../../../db/ids';
import type { Db } from '../../../db/open';
import { withStatementCache } from '../../../db/statement-cache';
import { writeAudit } from '../../../db/audit';
import { DomainError } from '../common/errors';
import type { Ctx } from '../context';
import { rowAt, rowKey, rowLabel, SHEET_NAME_COLUMN, type ImportRequest, type ValueAnswers } from './contract';
import { runPass, type PassResult, type SheetPart } from './engine';
import { closestHeader, columnsRead, fittingHeader, type AlignedHeader, type ColumnsRead } from './align';
import { headerTexts, layoutFingerprint, mappingProblems, rowWithLayout, type ColumnMapping } from './header';
import { textCell, type Cell, type SheetData } from './read/cells';
import { loadFile, type LoadedFile } from './read/load';
import type { ImportRegister } from './register';
import { registerOf } from './registry';
import { wordKey } from './values';

/** A validate / report / commit request made concrete: the register, the parsed file, its sheets, the mapping. */
export interface Job {
  register: ImportRegister;
  file: LoadedFile;
  /** The sheet the layout was read from (its header heads the report). */
  sheet: SheetData;
  /** 0-based. */
  headerIndex: number;
  /** The sheets imported, each with its own header row and row keys: one, or several of the same layout. */
  parts: SheetPart[];
  /** Several sheets: the workbook's sheet names, for `rowAt` / `rowLabel`; null for one sheet. */
  sheetNames: string[] | null;
  /** Column indexes only: a field read from the sheet's name points at the column `sheet` carries for it. */
  mapping: ColumnMapping;
  /** The mapping as the clerk gave it (SHEET_NAME_COLUMN kept), for remembering. */
  givenMapping: ColumnMapping;
  /** The layout's identity, from the file's own header. */
  fingerprint: string;
  mappingProblems: string[];
  values: ValueAnswers;
  options: { duplicates: 'skip' | 'update'; createMissing: boolean; excludeRows: number[]; includeHiddenRows: boolean };
}

type ParsedRequest = Omit<ImportRequest, 'options' | 'values' | 'sheets'> & { options: Job['options']; values: ValueAnswers; sheets?: string[] };

export function sheetNamed(file: LoadedFile, name: string): SheetData {
  const sheet = file.workbook.sheets.find((s) => s.name === name);
  if (!sheet) throw new DomainError('NOT_FOUND', `文件中没有名为“${name}”的工作表`);
  return sheet;
}

export const columnCount = (sheet: SheetData, fromRow = 0, rows = 200): number =>
  sheet.rows.slice(fromRow, fromRow + rows).reduce((n, r) => Math.max(n, r?.length ?? 0), 0);

const withName = new WeakMap<SheetData, Map<string, SheetData>>();

/**
 * The sheet with its name as one more column after the last (工作表名称 = 所在组织), in the header and in every row
 * below it that has anything in it — so blank rows stay blank and the engine reads the name like any cell.
 */
function withSheetNameColumn(sheet: SheetData, headerIndex: number, column: number): SheetData {
  let byHeader = withName.get(sheet);
  if (!byHeader) withName.set(sheet, (byHeader = new Map()));
  let derived = byHeader.get(`${headerIndex}|${column}`);
  if (!derived) {
    const name = textCell(sheet.name);
    const rows = sheet.rows.map((row, r) => {
      if (r < headerIndex || !row?.some((c) => c && c.text.trim() !== '')) return row;
      const out = [...row];
      out[column] = r === headerIndex ? textCell('（工作表名称）') : name;
      return out;
    });
    byHeader.set(`${headerIndex}|${column}`, (derived = { ...sheet, rows }));
  }
  return derived;
}

const aligned = new WeakMap<SheetData, Map<string, SheetData>>();

/**
 * The sheet with its columns where the layout has them (`columns`: per layout column, the sheet's own), from its
 * header row down, and the layout's header texts in that row — so one mapping reads every sheet, and the report
 * heads them alike. Columns the layout lacks are left out (not imported); rows keep their Excel numbers.
 */
function alignedSheet(sheet: SheetData, header: AlignedHeader, layoutHeader: readonly (Cell | undefined)[]): SheetData {
  let byColumns = aligned.get(sheet);
  if (!byColumns) aligned.set(sheet, (byColumns = new Map()));
  const key = `${header.row}|${header.columns.join(',')}`;
  let derived = byColumns.get(key);
  if (!derived) {
    const pick = (row: SheetData['rows'][number]) => header.columns.map((c) => (c === null ? undefined : row?.[c]));
    const rows = sheet.rows.map((row, r) => (r < header.row ? row : r === header.row ? [...layoutHeader] : pick(row)));
    const hiddenColumns = new Set(header.columns.flatMap((c, at) => (c !== null && sheet.hiddenColumns?.has(c) ? [at] : [])));
    byColumns.set(key, (derived = { ...sheet, rows, merges: [], hiddenColumns }));
  }
  return derived;
}

/** Why a chosen sheet cannot be imported with the layout: the required columns its header lacks, by name. */
function unfitting(sheet: SheetData, layout: SheetData, layoutTexts: readonly string[], read: ColumnsRead): string {
  const closest = closestHeader(sheet, layoutTexts, read);
  if (!closest || closest.missing.length === read.mapped.length) return `工作表“${sheet.name}”的表头与“${layout.name}”不同，不能合并导入`;
  const named = closest.missingRequired.map((c) => `“${layoutTexts[c]}”`).join('、');
  return `工作表“${sheet.name}”没有必填的${named}列，不能与“${layout.name}”合并导入：取消勾选这个工作表`;
}

/**
 * The sheets a request imports, each with its header row: the layout's own, the row another sheet has it at, or
 * a sheet whose header has the required columns elsewhere, aligned to the layout (alignedSheet).
 */
function sheetsOf(file: LoadedFile, req: ParsedRequest, register: ImportRegister, layout: SheetData, headerIndex: number, mapping: ColumnMapping) {
  const names = [...new Set(req.sheets ?? [])];
  if (names.length === 0) return [{ sheet: layout, source: layout, headerIndex }];
  const texts = headerTexts(layout, headerIndex);
  const fingerprint = layoutFingerprint(texts);
  const read = columnsRead(register, mapping, texts.length);
  return names.map((name) => {
    const sheet = sheetNamed(file, name);
    const at = sheet === layout ? headerIndex : rowWithLayout(sheet, fingerprint);
    if (at !== null) return { sheet, source: sheet, headerIndex: at };
    const header = fittingHeader(sheet, texts, read);
    if (!header) throw new DomainError('VALIDATION', unfitting(sheet, layout, texts, read), 'IMPORT_SHEET_LAYOUT');
    return { sheet: alignedSheet(sheet, header, layout.rows[headerIndex] ?? []), source: sheet, headerIndex: header.row };
  });
}

export function prepareJob(req: ParsedRequest): Job {
  const register = registerOf(req.register);
  const file = loadFile(req.file);
  const layout = sheetNamed(file, req.sheet);
  const headerIndex = req.headerRow - 1;
  const fingerprint = layoutFingerprint(headerTexts(layout, headerIndex));
  // Fields the register does not know (an older client) are dropped rather than refused; only fields that may be
  // read from the sheet's name may be.
  const givenMapping: ColumnMapping = Object.fromEntries(
    register.fields.map((f) => [f.key, req.mapping[f.key] === SHEET_NAME_COLUMN && !f.orSheetName ? null : (req.mapping[f.key] ?? null)]),
  );
  const chosen = sheetsOf(file, req, register, layout, headerIndex, givenMapping);
  // One mapping serves every sheet: the same header texts (or a sheet aligned to them) put each field in the same column, and the sheet's
  // name goes after the widest sheet's last column (the layout's too: its header heads the report).
  const width = Math.max(...chosen.map((c) => columnCount(c.sheet, c.headerIndex)), columnCount(layout, headerIndex), 1);
  const fromName = Object.values(givenMapping).includes(SHEET_NAME_COLUMN);
  const several = chosen.length > 1;
  const parts: SheetPart[] = chosen.map((c) => ({
    sheet: fromName ? withSheetNameColumn(c.sheet, c.headerIndex, width) : c.sheet,
    headerRow: c.headerIndex,
    // Keyed by the workbook's own sheet (an aligned one is a copy): its place names its rows.
    base: several ? rowKey(file.workbook.sheets.indexOf(c.source), 0) : 0,
  }));
  const mapping = Object.fromEntries(Object.entries(givenMapping).map(([k, c]) => [k, c === SHEET_NAME_COLUMN ? width : c]));
  return {
    register, file, sheet: fromName ? withSheetNameColumn(layout, headerIndex, width) : layout, headerIndex, mapping, givenMapping, parts,
    sheetNames: several ? file.workbook.sheets.map((s) => s.name) : null,
    fingerprint,
    mappingProblems: mappingProblems(register, mapping, fromName ? width + 1 : width),
    values: req.values,
    options: req.options,
  };
}

/** A row of the job by its key: the sheet (as read, with its name column) and the Excel row's cells. */
export function rowOf(job: Job, key: number): { part: SheetPart; cells: SheetData['rows'][number] } {
  const { row } = rowAt(key, job.sheetNames);
  const part = job.parts.find((p) => key - p.base === row) ?? job.parts[0]!;
  return { part, cells: part.sheet.rows[row - 1] ?? [] };
}

/** A row as the clerk finds it: 第 12 行, or 第一党支部!第12行 when several sheets are imported. */
export const labelOf = (job: Job, key: number) => rowLabel(key, job.sheetNames);

/** The clerk's answers as the register asks for them: by field, the value compared as words are (no spaces, half-width). */
function answers(values: ValueAnswers): (field: string, value: string) => string | undefined {
  const byField = new Map(Object.entries(values).map(([field, m]) => [field, new Map(Object.entries(m).map(([v, target]) => [wordKey(v), target]))]));
  return (field, value) => byField.get(field)?.get(wordKey(value));
}

/**
 * Runs the register over the file. Checking writes nothing; writing runs inside the caller's transaction, with
 * the repositories handed a connection that reuses its prepared statements (10,000 rows run the same few).
 */
export function runJob(job: Job, db: Db, ctx: Pick<Ctx, 'operator'>, write: boolean, importId = newId()): PassResult {
  const cached = withStatementCache(db);
  return runPass(
    { register: job.register, parts: job.parts, mapping: job.mapping, excludeRows: new Set(job.options.excludeRows), includeHiddenRows: job.options.includeHiddenRows, rowLabel: (key) => labelOf(job, key) },
    {
      db: cached,
      write,
      options: job.options,
      operator: ctx.operator,
      audit: write ? (entry) => writeAudit(cached, ctx.operator, entry) : () => undefined,
      importId,
      mapped: new Set(Object.keys(job.mapping).filter((k) => job.mapping[k] !== null)),
      answer: answers(job.values),
    },
  );
}
