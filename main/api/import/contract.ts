import { z } from 'zod';
import { read, task, write } from '../common/channel';
import { fileIn, type FileOut } from '../common/files';

/**
 * Importing registers from Excel/CSV (docs/import.md). Every step carries the file itself, as picked in the
 * browser or (later) by the desktop's file dialog; the core keeps the last few parsed files by checksum, so
 * sending it again costs the transfer only.
 */

/** 20 MB of file as base64 (4 characters per 3 bytes), under the HTTP transport's 32 MB body limit. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

export const UploadedFile = fileIn(MAX_FILE_BYTES, () => '文件超过 20 MB，请拆分后分几次导入');

const registerKey = z.string().min(1).max(64);
const headerRow = z.number().int().min(1).max(100000);
/** A field read from the sheet's name (工作表名称 = 所在组织: one sheet per branch, no branch column). */
export const SHEET_NAME_COLUMN = -1;
/** Register field key → 0-based column index in the sheet, or SHEET_NAME_COLUMN (null: not imported). */
export const ColumnMappingInput = z.record(z.string().max(64), z.number().int().min(SHEET_NAME_COLUMN).max(16383).nullable());

/** A value answer's target that means "create it" rather than an existing record's id. */
export const NEW_TARGET = 'new';
/**
 * The clerk's answers for values read loosely or not found (所在支部 一支部 → 第一党支部): field key → value as
 * written → the target's id or NEW_TARGET. Given once per distinct value; remembered with the layout.
 */
export const ValueAnswersInput = z.record(z.string().max(64), z.record(z.string().max(200), z.string().min(1).max(64)));
export type ValueAnswers = z.infer<typeof ValueAnswersInput>;

export const AnalyseInput = z.object({
  register: registerKey,
  file: UploadedFile,
  /** The sheet to read (default: the one whose header matches the register best). */
  sheet: z.string().max(100).nullish(),
  /** 1-based; default: detected. */
  headerRow: headerRow.nullish(),
});

export const ImportOptionsInput = z.object({
  duplicates: z.enum(['skip', 'update']).default('skip'),
  createMissing: z.boolean().default(false),
  /** Row keys (`rowKey`: Excel row numbers on one sheet) the user chose to leave out (rows with errors, typically). */
  excludeRows: z.array(z.number().int().min(1)).max(100000).default([]),
  /** Rows hidden in the sheet (filtered out: 已转出…) are left out unless the clerk includes them. */
  includeHiddenRows: z.boolean().default(false),
});

export const ImportRequest = z.object({
  register: registerKey,
  file: UploadedFile,
  /** The sheet the layout (header row, mapping) was read from. */
  sheet: z.string().max(100),
  headerRow,
  /**
   * Several sheets of that layout imported in one pass (合并导入这些工作表): every one imported, `sheet` among them or
   * not; each sheet's header found by the layout. Empty: `sheet` alone.
   */
  sheets: z.array(z.string().max(100)).max(255).default([]),
  mapping: ColumnMappingInput,
  values: ValueAnswersInput.default({}),
  options: ImportOptionsInput.default({ duplicates: 'skip', createMissing: false, excludeRows: [], includeHiddenRows: false }),
});
export type ImportRequest = z.input<typeof ImportRequest>;

/** The report download: masked like every other export, full ID numbers and phones only by choice (audited). */
export const ReportRequest = ImportRequest.extend({ unmasked: z.boolean().default(false) });

export const SaveMappingInput = z.object({
  register: registerKey,
  fingerprint: z.string().regex(/^[0-9a-f]{32}$/),
  headerRow,
  mapping: ColumnMappingInput,
  /** Given: the layout's value answers become these; left out: those remembered are kept. */
  values: ValueAnswersInput.optional(),
});

export interface RegisterField {
  key: string;
  label: string;
  synonyms: string[];
  required: boolean;
  hint: string | null;
  /** The field may be read from the sheet's name (SHEET_NAME_COLUMN). */
  orSheetName: boolean;
}

export interface RegisterInfo {
  key: string;
  title: string;
  description: string;
  fields: RegisterField[];
  /** The fields that name a row for people (joined with ›). */
  titleFields: string[];
}

export interface ColumnInfo {
  index: number;
  /** A, B, …, AA */
  letter: string;
  header: string;
  /** A few values from the first data rows (ID numbers and phones masked). */
  samples: string[];
  /** Hidden in the sheet: shown as such, and a visible column of the same name is preferred. */
  hidden: boolean;
}

export interface PreviousImport {
  at: string;
  operator: string;
  fileName: string;
  created: number;
  updated: number;
}

export interface Analysis {
  fileName: string;
  sha256: string;
  size: number;
  format: 'xlsx' | 'csv';
  encoding: string | null;
  sheets: { name: string; rows: number; hidden: boolean }[];
  sheet: string;
  /**
   * The sheets with this sheet's layout, in workbook order, this one included; two or more are offered to import
   * together (合并导入这些工作表). A sheet has the layout when its header (at its own row) has the same texts
   * (`differs` null), or, by header text, the columns the mapping reads for required fields — in another order,
   * with columns more (not imported) or fewer (read blank); `differs` says how, in words. Empty: no other sheet has it.
   */
  sameLayout: { name: string; headerRow: number; dataRows: number; hidden: boolean; differs: string | null }[];
  /** 1-based Excel row number of the header. */
  headerRow: number;
  /** The header row names at least one of the register's fields. */
  headerFound: boolean;
  columns: ColumnInfo[];
  mapping: Record<string, number | null>;
  mappingSource: 'remembered' | 'detected';
  /** The value answers remembered with this layout (empty when none). */
  values: ValueAnswers;
  fingerprint: string;
  /** Non-empty rows below the header. */
  dataRows: number;
  previousImports: PreviousImport[];
}

/** create/update/skip: what the import does with the row; duplicate/error: why it cannot; excluded: the user's choice. */
export type RowStatus = 'create' | 'update' | 'skip' | 'duplicate' | 'error' | 'excluded';

export interface RowIssue {
  /** The register field whose cell is wrong; null for the row as a whole. */
  field: string | null;
  message: string;
}

export interface ReportRow {
  /** The row's key (`rowKey`): its Excel row number; in an import of several sheets, with its sheet's place. */
  row: number;
  status: RowStatus;
  issues: RowIssue[];
  /** What the clerk should know or complete later; the row imports all the same. */
  warnings: RowIssue[];
  /** The row's cells as the file has them, by field key (ID numbers and phones masked). */
  cells: Record<string, string>;
}

/**
 * A value of the file the register could not read as one record of the tree by its name (所在支部 一支部), asked
 * once for the whole file: the clerk picks the target, and the answer is remembered with the layout.
 */
export interface ValueQuestion {
  field: string;
  /** As written in the file (the first row's spelling). */
  value: string;
  /** How many rows carry it. */
  rows: number;
  /** Likely targets, best first (the name normalised, then similar). */
  proposals: { id: string; label: string }[];
  /** The clerk's answer (a target id or NEW_TARGET), when given. */
  answer: string | null;
  /** What the import does without an answer: a target read from the normalised name, NEW_TARGET, or null (the rows are refused). */
  reading: string | null;
}

export interface ImportSummary {
  total: number;
  create: number;
  update: number;
  skip: number;
  duplicate: number;
  error: number;
  excluded: number;
  /** Rows that import with a warning. */
  warned: number;
  /** Rows hidden in the sheet (left out unless included). */
  hidden: number;
  blank: number;
  ignored: number;
}

export interface ValidationReport {
  summary: ImportSummary;
  /** An import of several sheets: the workbook's sheet names, by which `rowAt` reads a row key; null for one sheet. */
  sheetNames: string[] | null;
  /** Rows with errors or duplicates, then rows matching stored records, then rows with warnings (each list at most 1,000 rows). */
  rows: ReportRow[];
  truncated: boolean;
  /** The first rows as they will be saved, by field key. */
  preview: { row: number; values: Record<string, string> }[];
  /** Why the mapping cannot be imported with (a required field without a column…). */
  mappingProblems: string[];
  /** Footer lines and repeated headers, which are not data. */
  ignoredRows: number[];
  /** Rows not read as data, with the reason: 合计行, 表尾, 重复的表头, 空行（只有空格）. */
  skippedRows: { row: number; reason: string }[];
  /** Rows hidden in the sheet, named for the clerk (姓名…): imported only if `includeHiddenRows`. */
  hiddenRows: { row: number; title: string }[];
  /** Organisations and places the import will create besides its rows. */
  extras: string[];
  /** Values to confirm once for the file (a branch written differently from the tree). */
  questions: ValueQuestion[];
  /** What each asked field's values may be mapped to: field key → targets (id, label). */
  targets: Record<string, { id: string; label: string }[]>;
  canCommit: boolean;
}

export interface ImportResult {
  importId: string;
  created: number;
  updated: number;
  skipped: number;
  excluded: number;
  extras: string[];
  sha256: string;
}

/**
 * Rows of an import of several sheets are told apart by a key: the sheet's place in the workbook × SHEET_ROWS plus
 * its Excel row number (Excel's sheets hold at most 2^20 rows). With one sheet the key is the Excel row number, as
 * it always was; exclusions, previews and the report's lists all carry the key.
 */
export const SHEET_ROWS = 2 ** 20;
export const rowKey = (sheetIndex: number, row: number) => sheetIndex * SHEET_ROWS + row;

/** Where a row key points: the sheet (null for a one-sheet import) and the Excel row number. */
export function rowAt(key: number, sheetNames: readonly string[] | null): { sheet: string | null; row: number } {
  if (!sheetNames) return { sheet: null, row: key };
  return { sheet: sheetNames[Math.floor(key / SHEET_ROWS)] ?? null, row: key % SHEET_ROWS };
}

/** A row as the clerk finds it: 第一党支部!第12行 in an import of several sheets, 第 12 行 in one sheet. */
export function rowLabel(key: number, sheetNames: readonly string[] | null): string {
  const { sheet, row } = rowAt(key, sheetNames);
  return sheet === null ? `第 ${row} 行` : `${sheet}!第${row}行`;
}

export const importContract = {
  'import.listRegisters': read<RegisterInfo[]>()(z.object({})),
  'import.analyse': read<Analysis>()(AnalyseInput),
  'import.validate': read<ValidationReport>()(ImportRequest),
  'import.saveMapping': write<null>()(SaveMappingInput),
  'import.downloadReport': task<FileOut>()(ReportRequest),
  'import.commit': write<ImportResult>()(ImportRequest),
};
