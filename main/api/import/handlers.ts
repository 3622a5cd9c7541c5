import { newId } from '../../../db/ids';
import { withBulkCache } from '../../../db/open';
import { markUnmasked } from '../../export/format';
import { fileOut } from '../../export/file-out';
import { XLSX_MIME } from '../common/files';
import { recordImport, saveMapping } from '../../../db/import/imports';
import { DomainError } from '../common/errors';
import type { Handlers } from '../router';
import { analyse } from './analyse';
import { importContract } from './contract';
import { summarise } from './engine';
import { labelOf, prepareJob, runJob } from './job';
import { validationReport } from './report';
import { reportWorkbook } from './report-xlsx';
import { registerInfo, registerOf, registers } from './registry';

type C = typeof importContract;

const ROWS_LISTED_IN_REFUSAL = 10;

export const importHandlers: Handlers<C> = {
  'import.listRegisters': () => registers.map(registerInfo),

  'import.analyse': (input, { db }) => analyse(db, registerOf(input.register), input),

  'import.validate': (input, ctx) => {
    const job = prepareJob(input);
    return validationReport(job, runJob(job, ctx.db, ctx, false));
  },

  'import.saveMapping': ({ register, fingerprint, headerRow, mapping, values }, { db, operator, audit }) => {
    registerOf(register);
    saveMapping(db, register, fingerprint, { headerRow, mapping, values }, operator);
    audit({ action: 'update', entity: 'import_mapping', entityId: `${register}:${fingerprint}`, after: { register, headerRow, mapping, ...(values && { values }) } });
    return null;
  },

  'import.downloadReport': async (input, ctx) => {
    const job = prepareJob(input);
    const pass = runJob(job, ctx.db, ctx, false);
    const bytes = await reportWorkbook(job, pass, input.unmasked, ctx.operator);
    const base = job.file.fileName.replace(/\.[^.]+$/, '');
    ctx.audit({
      action: input.unmasked ? 'export_unmasked' : 'export',
      entity: 'import_report',
      entityId: job.file.sha256,
      after: {
        name: `${job.register.title} · ${job.file.fileName} · 核对结果`, register: job.register.key, fileName: job.file.fileName,
        ...(job.sheetNames && { sheets: job.parts.map((p) => p.sheet.name) }), rows: pass.rows.length, unmasked: input.unmasked,
      },
    });
    return fileOut(`${markUnmasked(`${base}-核对结果`, input.unmasked)}.xlsx`, XLSX_MIME, bytes);
  },

  /**
   * All rows or none: the pass runs in the router's transaction and writes as it goes; any row with an error (or a
   * failure of any kind) throws, and the transaction leaves nothing behind. Rows the user excluded are not read.
   */
  'import.commit': (input, ctx) => withBulkCache(ctx.db, () => {
    const job = prepareJob(input);
    if (job.mappingProblems.length) throw new DomainError('VALIDATION', job.mappingProblems.join('；'), 'IMPORT_MAPPING');
    const importId = newId();
    const pass = runJob(job, ctx.db, ctx, true, importId);
    const bad = pass.rows.filter((r) => r.status === 'error' || r.status === 'duplicate');
    if (bad.length) {
      const listed = bad.slice(0, ROWS_LISTED_IN_REFUSAL).map((r) => `${labelOf(job, r.row)}：${r.issues.map((i) => i.message).join('，')}`);
      throw new DomainError(
        'DOMAIN',
        `有 ${bad.length} 行有错误，没有导入任何数据。请改正文件后重新核对，或在核对结果中排除这些行。`,
        'IMPORT_HAS_ERRORS',
        listed.map((message, i) => ({ path: `rows.${bad[i]!.row}`, message })),
      );
    }
    const s = summarise(pass);
    if (s.create + s.update === 0) throw new DomainError('DOMAIN', '没有需要导入的行：所有行都已存在（跳过，或与文件相同无需更新）或被排除', 'IMPORT_NOTHING');
    const counts = { rows: s.total, created: s.create, updated: s.update, skipped: s.skip, excluded: s.excluded };
    const { register, file } = job;
    // The sheets by name: one, or every sheet of an import of several (第一党支部、第二党支部).
    const sheets = job.parts.map((p) => p.sheet.name);
    recordImport(ctx.db, { id: importId, register: register.key, fileName: file.fileName, sheet: sheets.join('、'), sha256: file.sha256, options: job.options, ...counts }, ctx.operator);
    // The answers given are remembered with the layout; a commit without any keeps those remembered.
    const values = Object.keys(job.values).length ? job.values : undefined;
    saveMapping(ctx.db, register.key, job.fingerprint, { headerRow: job.headerIndex + 1, mapping: job.givenMapping, values }, ctx.operator);
    ctx.audit({
      action: 'import',
      entity: 'import_batch',
      entityId: importId,
      after: {
        name: `${register.title} · ${file.fileName}`,
        register: register.key,
        fileName: file.fileName,
        sheet: sheets.join('、'),
        ...(job.sheetNames && { sheets }),
        sha256: file.sha256,
        ...counts,
        // Row numbers on one sheet; 第一党支部!第12行 when several sheets were imported.
        excludedRows: job.sheetNames ? job.options.excludeRows.map((k) => labelOf(job, k)) : job.options.excludeRows,
        duplicates: job.options.duplicates,
        createMissing: job.options.createMissing,
        values: job.values,
        extras: pass.extras,
      },
    });
    return { importId, created: s.create, updated: s.update, skipped: s.skip, excluded: s.excluded, extras: pass.extras, sha256: file.sha256 };
  }),
};
