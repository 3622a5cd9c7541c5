import { nowIso } from '../../../db/moment';
import { markUnmasked } from '../../export/format';
import type { Manifest } from '../../export/package/manifest';
import { monthPeriod } from '../../export/period';
import type { ModuleExport, Register } from '../../export/types';
import { WorkbookBuilder } from '../../export/xlsx/workbook';
import { buildPackage, type BuiltPackage } from './build-package';
import { summaryPdf } from './build-pdf';
import { columnsFor, headingOf, registersFor, writeRegister, type ExportJob } from './build-workbook';
import { fileOut } from '../../export/file-out';
import { XLSX_MIME, type FileOut } from '../common/files';
import { summaryRegister, type SummaryRow } from './summary';

export type MonthlyOutput = 'workbook' | 'pdf' | 'package';

export interface MonthlyFiles {
  workbook: FileOut | null;
  pdf: FileOut | null;
  package: FileOut | null;
  manifest: Manifest | null;
  /** The package's chain heads (build-package.ts), for the log. */
  chainHeads: BuiltPackage['chainHeads'];
  /** Rows per register (its title) and per package table (its name). */
  rowCounts: Record<string, number>;
  warnings: string[];
}

/** The phases of a monthly submission, for the progress bar (the last is recording it in the log). */
export function monthlySteps(modules: readonly ModuleExport[], outputs: readonly MonthlyOutput[], multiUnit: boolean): number {
  const registers = modules.reduce((n, m) => n + registersFor(m.registers, multiUnit).length, 0);
  const summary = needsSummary(outputs) ? 1 : 0;
  return 1 + summary + (outputs.includes('workbook') ? registers + 1 : 0) + (outputs.includes('package') ? 1 : 0) + (outputs.includes('pdf') ? 1 : 0);
}

/** The key figures go on the workbook's first sheet and into the PDF; a package alone does without them. */
const needsSummary = (outputs: readonly MonthlyOutput[]) => outputs.includes('workbook') || outputs.includes('pdf');

/**
 * 月上报: one workbook (the summary sheet, then a sheet per register), the data package, and the summary PDF
 * for signing, which names the checksums of the other two so the signed paper vouches for the files.
 */
export async function buildMonthly(job: ExportJob, modules: readonly ModuleExport[], outputs: readonly MonthlyOutput[]): Promise<MonthlyFiles> {
  const { progress, period } = job;
  const summary = summaryRegister(modules);
  let summaryRows: SummaryRow[] = [];
  if (needsSummary(outputs)) {
    await progress.phase('汇总主要数据');
    summaryRows = job.sources.flatMap((s) => [...summary.rows(s, period)]);
  }

  const rowCounts: Record<string, number> = {};
  const written: { register: Register; rows: number }[] = [];
  let workbook: FileOut | null = null;
  if (outputs.includes('workbook')) {
    const builder = new WorkbookBuilder(job.operator, nowIso());
    await builder.addSheet('汇总', headingOf(job, summary), columnsFor(summary, job), summaryRows, { unmasked: job.unmasked });
    for (const register of registersFor(modules.flatMap((m) => m.registers), job.target.multiUnit)) {
      await progress.phase(`写入台账：${register.title}`);
      const rows = await writeRegister(builder, job, register);
      written.push({ register, rows });
      rowCounts[register.title] = rows;
    }
    await progress.phase('保存工作簿');
    workbook = fileOut(`${markUnmasked(`${job.target.unit.name}_${period.label}_月度上报`, job.unmasked)}.xlsx`, XLSX_MIME, await builder.finish());
  }

  let pkg: FileOut | null = null;
  let manifest: Manifest | null = null;
  let chainHeads: BuiltPackage['chainHeads'] = new Map();
  if (outputs.includes('package')) {
    await progress.phase('生成数据包');
    ({ file: pkg, manifest, chainHeads } = await buildPackage(job, modules));
    for (const t of manifest.tables) rowCounts[t.name] = t.rows;
  }

  let pdf: FileOut | null = null;
  if (outputs.includes('pdf')) {
    await progress.phase('生成签字汇总表');
    pdf = await summaryPdf(job, summary, summaryRows, { registers: written, workbook, pkg, modules });
  }

  const warnings = job.sources
    .filter((s) => !s.local && s.period < period.key)
    .map((s) => `${s.unit.name}尚未报送${period.label}的数据，汇总中使用的是其${monthPeriod(s.period).label}的数据`);
  return { workbook, pdf, package: pkg, manifest, chainHeads, rowCounts, warnings };
}
