import { newId } from '../../../db/ids';
import type { Db } from '../../../db/open';
import { withStatementCache } from '../../../db/statement-cache';
import { writeAudit } from '../../../db/audit';
import { DomainError } from '../common/errors';
import type { Ctx } from '../context';
import type { ImportRequest } from './contract';
import { runPass, type PassResult } from './engine';
import { mappingProblems, type ColumnMapping } from './header';
import type { SheetData } from './read/cells';
import { loadFile, type LoadedFile } from './read/load';
import type { ImportRegister } from './register';
import { registerOf } from './registry';

/** A validate / report / commit request made concrete: the register, the parsed file, its sheet, the mapping. */
export interface Job {
  register: ImportRegister;
  file: LoadedFile;
  sheet: SheetData;
  /** 0-based. */
  headerIndex: number;
  mapping: ColumnMapping;
  mappingProblems: string[];
  options: { duplicates: 'skip' | 'update'; createMissing: boolean; excludeRows: number[]; includeHiddenRows: boolean };
}

type ParsedRequest = Omit<ImportRequest, 'options'> & { options: Job['options'] };

export function sheetNamed(file: LoadedFile, name: string): SheetData {
  const sheet = file.workbook.sheets.find((s) => s.name === name);
  if (!sheet) throw new DomainError('NOT_FOUND', `文件中没有名为“${name}”的工作表`);
  return sheet;
}

export const columnCount = (sheet: SheetData, fromRow = 0, rows = 200): number =>
  sheet.rows.slice(fromRow, fromRow + rows).reduce((n, r) => Math.max(n, r?.length ?? 0), 0);

export function prepareJob(req: ParsedRequest): Job {
  const register = registerOf(req.register);
  const file = loadFile(req.file);
  const sheet = sheetNamed(file, req.sheet);
  const headerIndex = req.headerRow - 1;
  // Fields the register does not know (an older client) are dropped rather than refused.
  const mapping: ColumnMapping = Object.fromEntries(register.fields.map((f) => [f.key, req.mapping[f.key] ?? null]));
  const width = Math.max(columnCount(sheet, headerIndex), 1);
  return { register, file, sheet, headerIndex, mapping, mappingProblems: mappingProblems(register, mapping, width), options: req.options };
}

/**
 * Runs the register over the file. Checking writes nothing; writing runs inside the caller's transaction, with
 * the repositories handed a connection that reuses its prepared statements (10,000 rows run the same few).
 */
export function runJob(job: Job, db: Db, ctx: Pick<Ctx, 'operator'>, write: boolean, importId = newId()): PassResult {
  const cached = withStatementCache(db);
  return runPass(
    { register: job.register, sheet: job.sheet, headerRow: job.headerIndex, mapping: job.mapping, excludeRows: new Set(job.options.excludeRows), includeHiddenRows: job.options.includeHiddenRows },
    {
      db: cached,
      write,
      options: job.options,
      operator: ctx.operator,
      audit: write ? (entry) => writeAudit(cached, ctx.operator, entry) : () => undefined,
      importId,
      mapped: new Set(Object.keys(job.mapping).filter((k) => job.mapping[k] !== null)),
    },
  );
}
