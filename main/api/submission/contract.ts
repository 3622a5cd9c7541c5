import { z } from 'zod';
import { read, task, write } from '../common/channel';
import { id, optionalText, pageInput, type Page } from '../common/fields';
import { fileIn, type FileOut } from '../common/files';
import type {
  ConflictView,
  ConsolidatedOverview,
  ConsolidatedRecordView,
  ConsolidatedUnitView,
  ImportCounts,
  PackageInspection,
  RegisterInfo,
  SubmissionLogRow,
  SubmissionProgress,
} from './types';

export type * from './types';

const period = z
  .string({ error: '请选择统计期间' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '统计期间应为年月，例如 2026-11');

/** Names a long job (an export, an import) so `getProgress` can report on it while it runs. */
export const jobId = z.string().regex(/^[\w-]{8,64}$/).nullish();

/** Which unit an export speaks for: this installation (its level), or (at a street) one of the communities it keeps. */
const target = {
  level: z.enum(['district', 'street', 'community'], { error: '请选择上报层级' }),
  orgId: id.nullish().transform((v) => v ?? null),
  period,
  /** Full ID numbers and phones instead of masked ones: an explicit choice, recorded in the log and audit. */
  unmasked: z.boolean().default(false),
  /** Why the numbers go out in full (required then; audited with the export). */
  reason: optionalText('用途', 100),
  /** Names the job so `getProgress` can report on it while it runs. */
  jobId,
};

/**
 * The largest package file an installation takes: base64 (4/3 of the file) inside the JSON body stays under the
 * browser transport's 32 MB limit. The page refuses a larger file before reading it (same message).
 */
export const MAX_PACKAGE_BYTES = 24_000_000;
export const packageTooLarge = (bytes: number) =>
  `数据包有 ${(bytes / 1_000_000).toFixed(1)} MB，超过本机能导入的 24 MB，未读取。请报送单位确认文件是否正确（一个社区的数据包通常只有几 MB）。`;

/** A package as the page read it (a community's monthly one at the street, the street's answers at a community). */
export const packageFile = fileIn(MAX_PACKAGE_BYTES, packageTooLarge, '请选择数据包文件');

/** An unmasked export says why, beside the reason field. */
const reasonWhenUnmasked = (v: { unmasked: boolean; reason: string | null }, ctx: z.RefinementCtx) => {
  if (v.unmasked && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: '导出完整身份证号和电话时，请填写用途' });
};
/** Full numbers go out only with a reviewer's (or administrator's) account (main/api/common/roles.ts). */
const unmaskedNeedsReview = { raises: { when: 'unmasked', needs: 'review' } } as const;

export const submissionContract = {
  'submission.listRegisters': read<RegisterInfo[]>()(z.object({})),
  'submission.exportRegister': task<{ file: FileOut; rows: number }>()(
    z.object({ register: z.string().min(1, '请选择台账'), ...target }).superRefine(reasonWhenUnmasked),
    unmaskedNeedsReview,
  ),
  'submission.buildMonthly': task<{
    workbook: FileOut | null;
    pdf: FileOut | null;
    package: FileOut | null;
    rowCounts: Record<string, number>;
    warnings: string[];
    logId: string;
  }>()(
    z.object({
      ...target,
      modules: z.array(z.string()).min(1, '请至少选择一个模块'),
      outputs: z.array(z.enum(['workbook', 'pdf', 'package'])).min(1).default(['workbook', 'pdf', 'package']),
      // 完整上报: the fund journal whole, for a level above that lost what was sent before (docs/export.md).
      full: z.boolean().default(false),
    }).superRefine(reasonWhenUnmasked),
    unmaskedNeedsReview,
  ),
  'submission.getProgress': read<SubmissionProgress | null>()(z.object({ jobId: z.string().regex(/^[\w-]{8,64}$/) })),

  'submission.inspectPackage': read<PackageInspection>()(packageFile),
  // All or nothing: checked completely phase by phase (a task, so `getProgress` answers meanwhile), then written in
  // one transaction with its log entry and audit. It writes, so it needs what a write needs.
  'submission.importPackage': task<{ counts: ImportCounts; unitName: string; period: string; logId: string }>()(
    packageFile.extend({ jobId }),
    { needs: 'enter' },
  ),
  /** An administrator accepts a unit's new signing key, from a package signed with it; audited. */
  'submission.acceptKeyChange': write<{ unitName: string; fingerprint: string; previous: string }>()(packageFile, { needs: 'admin' }),
  'submission.listUnits': read<ConsolidatedUnitView[]>()(z.object({})),
  'submission.listRecords': read<Page<ConsolidatedRecordView>>()(
    z.object({ unitCode: z.string().min(1), table: z.string().min(1), ...pageInput }),
  ),
  'submission.correctRecord': write<ConsolidatedRecordView>()(
    z.object({
      unitCode: z.string().min(1),
      table: z.string().min(1),
      recordId: id,
      /** The corrected fields; the rest of the record stays as the source sent it. Null drops the correction. */
      changes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).nullable(),
    }),
  ),
  /** 汇总概览: the consolidated units' key figures, per unit and in total (a street's or a district's home page). */
  'submission.getOverview': read<ConsolidatedOverview>()(z.object({})),
  'submission.listConflicts': read<ConflictView[]>()(
    z.object({ status: z.enum(['pending', 'resolved', 'all']).default('pending') }),
  ),
  'submission.resolveConflict': write<ConflictView>()(z.object({ id, keep: z.enum(['mine', 'theirs']) })),

  'submission.listLog': read<Page<SubmissionLogRow>>()(
    z.object({ q: z.string().trim().max(80).default(''), direction: z.enum(['export', 'import']).nullish(), ...pageInput }),
  ),
};
