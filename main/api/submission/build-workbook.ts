import { nowIso } from '../../../db/moment';
import type { SigningKey } from '../../export/package/signing';
import type { Db } from '../../../db/open';
import { todayIso } from '../common/calendar';
import { markUnmasked } from '../../export/format';
import { fileOut } from '../../export/file-out';
import { XLSX_MIME, type FileOut } from '../common/files';
import type { Period } from '../../export/period';
import type { Register, UnitData } from '../../export/types';
import { WorkbookBuilder, type SheetHeading } from '../../export/xlsx/workbook';
import type { Reporter } from './progress';
import type { ExportTarget } from './sources';

/** Everything an export needs to know, gathered once. */
export interface ExportJob {
  db: Db;
  operator: string;
  target: ExportTarget;
  period: Period;
  sources: UnitData[];
  unmasked: boolean;
  progress: Reporter;
  /** The installation's signing key (a monthly submission: it signs the package, the PDF prints its fingerprint). */
  signer?: SigningKey;
}

export function headingOf(job: ExportJob, register: Pick<Register, 'title' | 'periodNote'>): SheetHeading {
  return {
    title: markUnmasked(`${job.target.unit.name}${register.title}`, job.unmasked),
    unitName: job.target.unit.name,
    periodText: `${job.period.label}${register.periodNote?.(job.period) ?? ''}`,
    preparer: job.operator,
    preparedOn: todayIso(),
  };
}

/** The registers an export holds: the multi-unit-only ones (per-community views) only when it covers several units. */
export const registersFor = (registers: readonly Register[], multiUnit: boolean): Register[] =>
  registers.filter((r) => multiUnit || !r.multiUnitOnly);

/** The register's columns for this export: 所属社区 and the like only when it covers several communities. */
export const columnsFor = <R>(register: Register<R>, job: ExportJob) =>
  register.columns.filter((c) => !c.multiUnit || job.target.multiUnit);

/** One register over every source of the export, as one sheet; returns the number of rows written. */
export function writeRegister<R>(builder: WorkbookBuilder, job: ExportJob, register: Register<R>): Promise<number> {
  const { sources, period } = job;
  function* rows(): Iterable<R> {
    if (register.across) return yield* register.across(sources, period);
    for (const s of sources) yield* register.rows(s, period);
  }
  return builder.addSheet(register.title, headingOf(job, register), columnsFor(register, job), rows(), {
    unmasked: job.unmasked,
    onRows: (n) => job.progress.rows(n),
  });
}

/** 台账导出: one register as its own workbook. */
export async function registerWorkbook(job: ExportJob, register: Register): Promise<{ file: FileOut; rows: number }> {
  const builder = new WorkbookBuilder(job.operator, nowIso());
  await job.progress.phase(`写入台账：${register.title}`);
  const rows = await writeRegister(builder, job, register);
  await job.progress.phase('保存文件');
  const bytes = await builder.finish();
  const name = `${markUnmasked(`${job.target.unit.name}_${register.title}_${job.period.key}`, job.unmasked)}.xlsx`;
  return { file: fileOut(name, XLSX_MIME, bytes), rows };
}
