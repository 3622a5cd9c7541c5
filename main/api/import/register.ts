import type { z } from 'zod';
import type { Db } from '../../../db/open';
import type { Ctx } from '../context';
import type { ValueQuestion } from './contract';

/**
 * What a module declares to make one of its registers importable (see docs/import.md). The engine does the rest:
 * reading the file, finding the header row, matching columns, reading cells as the field's kind, reporting,
 * duplicates, the transaction, the audit entry of the import.
 */

/** How a cell is read before the module's schema sees it. */
export type FieldKind =
  | 'text' // trimmed; full-width letters and digits made half-width; "/", "—" mean empty
  | 'personName' // text, and "张　三" (padded to line up with three-character names) becomes 张三
  | 'date' // date cells, Excel serial numbers, or text left to the schema (2019.7.1, 2019年7月1日, 20190701)
  | 'idNumber' // text; an ID number Excel stored as a number (digits lost) is refused with a clear message
  | 'phone' // numbers and text alike
  | 'code' // a code of digits (注册代码): text; one Excel stored as a number of 16+ digits (3.1101E+19) is refused
  | 'integer'
  | 'boolean' // 是/否, √/×, Y/N, 1/0
  | 'choice'; // one of `choices`' words → its code

export interface ImportField {
  /** Key in the row values the register's `toRecord` receives. */
  key: string;
  /** The column header as registers usually write it. */
  label: string;
  /** Other headers meaning the same (身份证号 / 公民身份号码 / 身份证号码). Compared without spaces, case or "*". */
  synonyms?: readonly string[];
  /** The file must have a column for it (the value itself is the schema's business). */
  required?: boolean;
  kind: FieldKind;
  /** For 'choice': code → the words that mean it (the first is the one shown in messages). */
  choices?: Readonly<Record<string, readonly string[]>>;
  /** One line shown beside the field while mapping, e.g. "与组织架构中的名称一致". */
  hint?: string;
  /**
   * For 'date': a date written to the month only (1956.03, 2003年7月) becomes the 1st with a "日期不详" warning,
   * unless 'keep': then it reaches the register as YYYY-MM (the member register takes a birth date from the ID).
   */
  monthOnly?: 'keep';
  /** A resident's name the module keeps masked (重点关爱户): masked on the import's screens and in its report too. */
  maskAsName?: boolean;
  /** The field may be read from the sheet's name (a workbook with one sheet per branch and no branch column). */
  orSheetName?: boolean;
  /**
   * Whether a workbook's sheet names read as this field's values (the branches the tree has, by name or alike):
   * 工作表名称 is proposed only then. Unset: any names are proposed.
   */
  sheetNamesFit?: (db: Db, names: readonly string[]) => boolean;
}

export type CellValue = string | number | boolean | null;
/** A row's values by field key. Read-only: the same object serves every pass over the same file and mapping. */
export type RowValues = Readonly<Record<string, CellValue>>;

/** Collects one row's problems, each beside its column (`field` = a field key) or for the whole row (null). */
export interface RowProblems {
  add(field: string | null, message: string): void;
  /** Something the clerk should know or complete later; the row still imports ("日期不详", 工作单位 to fill in). */
  warn(field: string | null, message: string): void;
  /** The module schema's issues, placed by the first segment of their path (mapped through `fieldOfPath`). */
  addZod(error: z.ZodError, fieldOfPath?: Readonly<Record<string, string>>): void;
  readonly count: number;
}

export interface ImportOptions {
  /** A row whose key is already in the database: leave the stored record, or overwrite it with the row. */
  duplicates: 'skip' | 'update';
  /** Create organisations and places a row names but the tree lacks (each register says how). */
  createMissing: boolean;
}

export interface RunContext {
  db: Db;
  /** false while validating or writing the report: nothing may be written, saves are only remembered. */
  write: boolean;
  options: ImportOptions;
  operator: string;
  /** Writes an audit entry in the import's transaction (a no-op while checking). */
  audit: Ctx['audit'];
  /** The import's id (recorded with each record's audit entry). */
  importId: string;
  /** The fields the file has a column for: an update overwrites these and keeps the stored values of the rest. */
  mapped: ReadonlySet<string>;
  /** The clerk's answer for a value of a field (a target id or NEW_TARGET), compared without spaces or width. */
  answer(field: string, value: string): string | undefined;
}

/** One pass over a file's rows, holding the lookups (names → ids) the register loaded for it. */
export interface RegisterRun<Rec> {
  /**
   * A row's values → the record to save, names resolved to ids against the database. `parsed` is what the
   * register's `parse` returned for the row. Problems go to `problems`; return null if the row is unusable.
   */
  toRecord(values: RowValues, problems: RowProblems, parsed: unknown): Rec | null;
  /** Rows with the same key are the same record (an ID number; a name within its parent). null: cannot match. */
  keyOf(rec: Rec): string | null;
  /** The stored record with the same key, if any. */
  existingId(rec: Rec): string | null;
  /**
   * Creates (existingId null) or updates the record, with the module's repositories and an audit entry. While
   * checking, writes nothing but remembers what would exist, so later rows may refer to it (a building to the
   * estate two rows up). A DomainError thrown here becomes the row's problem. An update that would change nothing
   * returns 'unchanged' (the row is then counted as skipped: nothing written, nothing audited).
   */
  save(rec: Rec, existingId: string | null): 'unchanged' | void;
  /** The record as it will be saved, for the preview: field key → text. */
  preview(rec: Rec): Record<string, string>;
  /** What the import creates besides its rows (missing organisations, places), for the summary. */
  extras(): string[];
  /** Values to ask the clerk about once for the whole file, after the pass (a branch written differently). */
  questions?(): ValueQuestion[];
  /** What the asked fields' values may be mapped to: field key → targets. */
  targets?(): Record<string, { id: string; label: string }[]>;
}

export interface ImportRegister<Rec = unknown> {
  /** `module.register`, e.g. `party.members`. */
  key: string;
  /** 党员花名册 */
  title: string;
  /** One line for the register chooser. */
  description: string;
  fields: readonly ImportField[];
  /** The fields forming the duplicate key: the in-file duplicate message is shown beside them. */
  keyFields: readonly string[];
  /** The fields that name a row for people in the report (姓名; 社区 › 小区 › 楼栋). Default: the first field. */
  titleFields?: readonly string[];
  /**
   * The part of reading a row that needs no database — typically the module's schema over the values. Its result
   * (and its problems) are kept with the parsed file, so the commit does not redo what validation did.
   */
  parse?(values: RowValues, problems: RowProblems): unknown;
  /** Processing order when rows refer to each other (parents first). Default: the file's order. */
  order?(rows: readonly RowValues[]): number[];
  /** Begins a pass; `rows` are all the rows it will see, for lookups in bulk (one query, not one per row). */
  start(run: RunContext, rows: readonly RowValues[]): RegisterRun<Rec>;
}

/** Keeps a register's record type checked inside its own file while the registry holds registers of any type. */
export const defineRegister = <Rec>(register: ImportRegister<Rec>): ImportRegister => register as unknown as ImportRegister;
