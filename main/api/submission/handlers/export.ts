import type { Db } from '../../../../db/open';
import { getInstallation } from '../../../../db/settings';
import type { UnitLevel } from '../../../../db/types';
import { inSnapshot } from '../../../../db/snapshot';
import { insertSubmission, listSubmissions, type SubmissionEntry } from '../../../../db/submission/log';
import { signingKey } from '../../../export/package/signing';
import { monthPeriod } from '../../../export/period';
import { fieldError } from '../../common/errors';
import type { Ctx } from '../../context';
import type { Handlers } from '../../router';
import { buildMonthly, monthlySteps } from '../build-monthly';
import type { BuiltPackage } from '../build-package';
import { saveSentHeads } from '../../../../db/submission/sent-heads';
import type { FileOut } from '../../common/files';
import { registerWorkbook, type ExportJob } from '../build-workbook';
import type { submissionContract } from '../contract';
import { exportModules, moduleByName, registersByKey } from '../modules';
import { getProgress, reporter, type Reporter } from '../progress';
import { readOnce, resolveTarget, sourcesOf } from '../sources';

type C = typeof submissionContract;

type Target = { level: UnitLevel; orgId: string | null; period: string; unmasked: boolean; reason: string | null };

/**
 * An export reads from `snapshot` (db/snapshot.ts), so all its sheets show one moment of the data.
 * `several`: the export reads its tables more than once (a monthly submission), so the small ones are read once and kept.
 */
function jobFor(ctx: Ctx, snapshot: Db, input: Target, progress: Reporter, several: boolean): ExportJob {
  const target = resolveTarget(snapshot, getInstallation(snapshot)!, input.level, input.orgId);
  const period = monthPeriod(input.period);
  const sources = sourcesOf(snapshot, target, period);
  return { db: snapshot, operator: ctx.operator, target, period, sources: several ? readOnce(sources) : sources, unmasked: input.unmasked, progress };
}

/**
 * Records an export in the log (and, when personal numbers went out in full, says so in the audit log), in one
 * transaction: a task handler keeps its own consistency.
 */
function logExport(
  ctx: Ctx,
  job: ExportJob,
  entry: Pick<SubmissionEntry, 'kind' | 'title' | 'rowCounts' | 'packageId'>,
  files: FileOut[],
  reason: string | null,
  chainHeads: BuiltPackage['chainHeads'] = new Map(),
) {
  return ctx.db.transaction(() => {
    // The heads a package carried: the next month's package continues from them (chain-delta.ts).
    for (const [table, heads] of chainHeads) saveSentHeads(ctx.db, entry.packageId!, job.target.unit.code, job.period.key, table, heads);
    const row = insertSubmission(
      ctx.db,
      {
        ...entry,
        direction: 'export',
        period: job.period.key,
        unit: job.target.unit,
        files: files.map((f) => ({ name: f.fileName, sha256: f.sha256, bytes: f.bytes })),
        result: null,
        unmasked: job.unmasked,
      },
      ctx.operator,
    );
    ctx.audit({ action: job.unmasked ? 'export_unmasked' : 'export', entity: 'submission', entityId: row.id, after: job.unmasked ? { ...row, reason } : row });
    return row;
  })();
}

export const exportHandlers: Pick<Handlers<C>, 'submission.listRegisters' | 'submission.exportRegister' | 'submission.buildMonthly' | 'submission.getProgress' | 'submission.listLog'> = {
  'submission.listRegisters': () =>
    exportModules.flatMap((m) =>
      m.registers.map((r) => ({
        key: r.key,
        title: r.title,
        module: m.module,
        moduleTitle: m.title,
        hasPersonalData: r.columns.some((c) => c.personal),
        multiUnitOnly: r.multiUnitOnly ?? false,
      })),
    ),

  'submission.exportRegister': async (input, ctx) => {
    const entry = registersByKey.get(input.register);
    if (!entry) throw fieldError('register', '没有这个台账，请重新选择');
    const progress = reporter(input.jobId, 3);
    const { job, file, rows } = await inSnapshot({ file: ctx.services.dbFile, key: ctx.services.keys.key() ?? undefined }, async (snapshot) => {
      const job = jobFor(ctx, snapshot, input, progress, false);
      return { job, ...(await registerWorkbook(job, entry.register)) };
    });
    await progress.phase('记录导出');
    logExport(ctx, job, { kind: 'register', title: entry.register.title, rowCounts: { [entry.register.title]: rows }, packageId: null }, [file], input.reason);
    progress.finish();
    return { file, rows };
  },

  'submission.buildMonthly': async (input, ctx) => {
    const modules = input.modules.map((name) => {
      const m = moduleByName(name);
      if (!m) throw fieldError('modules', `没有模块“${name}”`);
      return m;
    });
    // A street's or a district's own submission covers the units it consolidated (resolveTarget: several units).
    const progress = reporter(input.jobId, monthlySteps(modules, input.outputs, input.level !== 'community'));
    const { job, built } = await inSnapshot({ file: ctx.services.dbFile, key: ctx.services.keys.key() ?? undefined }, async (snapshot) => {
      // Made here for an installation set up before packages were signed.
      const job = { ...jobFor(ctx, snapshot, input, progress, input.outputs.length > 1), signer: signingKey(ctx.services.dataDir), full: input.full };
      return { job, built: await buildMonthly(job, modules, input.outputs) };
    });
    await progress.phase('记录上报');
    const files = [built.workbook, built.pdf, built.package].filter((f): f is FileOut => f !== null);
    const row = logExport(ctx, job, { kind: 'monthly', title: '月度上报', rowCounts: built.rowCounts, packageId: built.manifest?.packageId ?? null }, files, input.reason, built.chainHeads);
    progress.finish();
    return { workbook: built.workbook, pdf: built.pdf, package: built.package, rowCounts: built.rowCounts, warnings: built.warnings, logId: row.id };
  },

  'submission.getProgress': ({ jobId }) => getProgress(jobId),

  'submission.listLog': (input, { db }) => listSubmissions(db, { q: input.q, direction: input.direction ?? null, offset: input.offset, limit: input.limit }),
};
