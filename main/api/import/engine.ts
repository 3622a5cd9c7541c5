import { DomainError } from '../common/errors';
import type { ImportSummary, RowIssue, RowStatus, ValueQuestion } from './contract';
import type { ColumnMapping } from './header';
import { Problems } from './problems';
import type { Cell, SheetData } from './read/cells';
import type { ImportRegister, RunContext } from './register';
import { readRows, type ReadRows, type SkippedRow } from './rows';

/**
 * One pass of a register over a sheet's data rows: the rows as read (rows.ts), turned into records by the register,
 * duplicates found (inside the file and in the database), saved — or, while checking, only remembered. Validation,
 * the report and the commit all run this same pass, so what the user was shown is what is written.
 */

export interface RowResult {
  /** The row's key: its Excel row number (1-based), plus its sheet's `base` in an import of several sheets. */
  row: number;
  status: RowStatus;
  issues: readonly RowIssue[];
  warnings: readonly RowIssue[];
  cells: (Cell | undefined)[];
  preview: Record<string, string> | null;
}

export interface PassResult {
  rows: RowResult[];
  /** Rows with nothing in the imported columns. */
  blankRows: number;
  /** Excel row numbers of footers ("填表人：…", "合计") and repeated header rows, which are not data. */
  ignoredRows: number[];
  /** Rows not read as data, with the reason (合计, 表尾, 空行…). */
  skipped: SkippedRow[];
  /** Excel row numbers of rows hidden in the sheet (left out unless the clerk includes them). */
  hidden: number[];
  /** What the import creates besides its rows. */
  extras: string[];
  questions: ValueQuestion[];
  targets: Record<string, { id: string; label: string }[]>;
}

/** One sheet of the pass, its rows keyed `base` + Excel row number (base 0: one sheet, row keys are row numbers). */
export interface SheetPart {
  sheet: SheetData;
  /** 0-based index of the header row. */
  headerRow: number;
  base: number;
}

export interface PassInput {
  register: ImportRegister;
  /** The sheets read in one pass (one mapping): rows, duplicates, answers and the commit span them all. */
  parts: readonly SheetPart[];
  mapping: ColumnMapping;
  /** Row keys the user chose to leave out. */
  excludeRows: ReadonlySet<number>;
  /** A row key as the clerk reads it (第 12 行; 第一党支部!第12行), for "与…重复". */
  rowLabel: (key: number) => string;
  /** Read rows hidden in the sheet (filtered out) as data: only when the clerk says so. */
  includeHiddenRows?: boolean;
  /** How many rows get a preview of how they will be saved. */
  previewRows?: number;
}

/**
 * Every part's rows as read, keyed by `base`: the rows of one sheet as cached (rows.ts), those of later sheets
 * copied with their key — objects only, the values and cells stay shared.
 */
function readParts(input: PassInput): ReadRows {
  const reads = input.parts.map((p) => ({ base: p.base, read: readRows(input.register, p.sheet, p.headerRow, input.mapping, input.includeHiddenRows ?? false) }));
  if (reads.length === 1 && reads[0]!.base === 0) return reads[0]!.read;
  const keyed = <T extends { row: number }>(list: T[], base: number) => list.map((r) => ({ ...r, row: base + r.row }));
  return {
    rows: reads.flatMap(({ base, read }) => keyed(read.rows, base)),
    blankRows: reads.reduce((n, { read }) => n + read.blankRows, 0),
    ignoredRows: reads.flatMap(({ base, read }) => read.ignoredRows.map((r) => base + r)),
    skipped: reads.flatMap(({ base, read }) => keyed(read.skipped, base)),
    hidden: reads.flatMap(({ base, read }) => read.hidden.map((r) => base + r)),
  };
}

export function runPass(input: PassInput, run: RunContext): PassResult {
  const { register } = input;
  const read = readParts(input);
  const rows: RowResult[] = [];
  const included = read.rows.filter((r) => {
    if (input.excludeRows.has(r.row)) rows.push({ row: r.row, status: 'excluded', issues: [], warnings: [], cells: r.cells, preview: null });
    return !input.excludeRows.has(r.row);
  });

  const values = included.map((r) => r.values);
  const session = register.start(run, values);
  const order = register.order ? register.order(values) : included.map((_, i) => i);
  const firstWithKey = new Map<string, number>();
  const fieldKeys = new Set(register.fields.map((f) => f.key));
  let previews = input.previewRows ?? 20;

  for (const i of order) {
    const { row, cells, values: v, issues, warnings, parsed } = included[i]!;
    const problems = new Problems(issues, warnings);
    const result = (status: RowStatus, preview: Record<string, string> | null = null) =>
      rows.push({ row, status: problems.count && status !== 'duplicate' ? 'error' : status, issues: problems.issues, warnings: problems.warnings, cells, preview });

    const rec = session.toRecord(v, problems, parsed);
    if (problems.count || rec === null) {
      if (!problems.count) problems.add(null, '这一行无法导入');
      result('error');
      continue;
    }
    const key = session.keyOf(rec);
    const first = key === null ? undefined : firstWithKey.get(key);
    if (first !== undefined) {
      // Beside the key's cell that has a value (a places row is keyed by its deepest name).
      problems.add(register.keyFields.find((k) => v[k] !== null && v[k] !== undefined) ?? null, `与${input.rowLabel(first)}重复`);
      result('duplicate');
      continue;
    }
    if (key !== null) firstWithKey.set(key, row);
    const existing = session.existingId(rec);
    let status: RowStatus = existing === null ? 'create' : run.options.duplicates === 'update' ? 'update' : 'skip';
    if (status !== 'skip') {
      try {
        if (session.save(rec, existing) === 'unchanged') status = 'skip';
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        for (const f of err.fields ?? [{ path: '', message: err.message }]) problems.add(fieldKeys.has(f.path) ? f.path : null, f.message);
      }
    }
    const preview = !problems.count && status !== 'skip' && previews > 0 ? session.preview(rec) : null;
    if (preview) previews--;
    result(status, preview);
  }
  // Rows in file order (sheet by sheet), whatever order they were processed in.
  rows.sort((a, b) => a.row - b.row);
  return { rows, blankRows: read.blankRows, ignoredRows: read.ignoredRows, skipped: read.skipped, hidden: read.hidden, extras: session.extras(),
    questions: session.questions?.() ?? [], targets: session.targets?.() ?? {} };
}

export function summarise(pass: PassResult): ImportSummary {
  const count = (s: RowStatus) => pass.rows.filter((r) => r.status === s).length;
  return {
    total: pass.rows.length,
    create: count('create'),
    update: count('update'),
    skip: count('skip'),
    duplicate: count('duplicate'),
    error: count('error'),
    excluded: count('excluded'),
    hidden: pass.hidden.length,
    warned: pass.rows.filter((r) => r.warnings.length > 0 && (r.status === 'create' || r.status === 'update')).length,
    blank: pass.blankRows,
    ignored: pass.ignoredRows.length,
  };
}
