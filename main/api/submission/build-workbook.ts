import { nowIso } from '../../../db/moment';
import type { SigningKey } from '../../export/package/signing';
import type { Db } from '../../../db/open';
import { todayIso } from '../common/calendar';
import { markUnmasked } from '../../export/format';
import { fileOut } from '../../export/file-out';
import { XLSX_MIME, type FileOut } from '../common/files';
import type { Period } from '../../export/period';
import type { Column, Register, UnitData } from '../../export/types';
import { unitLevels } from '../system/contract';
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
  /** 完整上报: every chain table whole, not after what was sent before (a receiver that lost the base). */
  full?: boolean;
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

/**
 * The register's columns for this export: 所属社区 and the like only when it covers several communities, the
 * group's (a district's 街道) only when it groups them.
 */
export const columnsFor = <R>(register: Register<R>, job: ExportJob) =>
  register.columns.filter((c) => (!c.multiUnit || job.target.multiUnit) && (!c.byGroup || job.target.groupBy));

/** A register's row with the group its source belongs to (a district's register: the row's street). */
interface GroupedRow<R> {
  group: string;
  row: R;
}

/**
 * A register read source by source in an export grouped by a level (a district's): 所属街道 first, then the
 * register's own columns reading the row inside — every module's register gains it without knowing districts.
 */
function grouped<R>(job: ExportJob, register: Register<R>): { columns: Column<GroupedRow<R>>[]; rows: Iterable<GroupedRow<R>> } {
  const { sources, period } = job;
  const group: Column<GroupedRow<R>> = { key: 'group', header: `所属${unitLevels[job.target.groupBy!]}`, width: 14, kind: 'text', value: (r) => r.group };
  const own = columnsFor(register, job).map((c): Column<GroupedRow<R>> => ({ ...c, value: (r) => c.value(r.row) }));
  function* rows(): Iterable<GroupedRow<R>> {
    for (const s of sources) for (const row of register.rows(s, period)) yield { group: s.group ?? '', row };
  }
  return { columns: [group, ...own], rows: rows() };
}

/** One register over every source of the export, as one sheet; returns the number of rows written. */
export function writeRegister<R>(builder: WorkbookBuilder, job: ExportJob, register: Register<R>): Promise<number> {
  const { sources, period } = job;
  const options = { unmasked: job.unmasked, onRows: (n: number) => job.progress.rows(n) };
  // A ranking across every source is one list: its rows belong to no one source (no group column).
  if (job.target.groupBy && !register.across) {
    const { columns, rows } = grouped(job, register);
    return builder.addSheet(register.title, headingOf(job, register), columns, rows, options);
  }
  function* rows(): Iterable<R> {
    if (register.across) return yield* register.across(sources, period);
    for (const s of sources) yield* register.rows(s, period);
  }
  return builder.addSheet(register.title, headingOf(job, register), columnsFor(register, job), rows(), options);
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
