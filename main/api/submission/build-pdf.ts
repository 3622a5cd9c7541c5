import { displayValue, markUnmasked } from '../../export/format';
import { renderDocument, type PdfTable } from '../../export/pdf/document';
import { chineseDate, monthPeriod } from '../../export/period';
import { Totals } from '../../export/totals';
import type { ModuleExport, Register } from '../../export/types';
import { todayIso } from '../common/calendar';
import { columnsFor, type ExportJob } from './build-workbook';
import { levelsUnder, unitLevels } from '../system/contract';
import { pdfOut } from '../../export/file-out';
import type { FileOut } from '../common/files';
import type { SummaryRow } from './summary';

export interface PdfFacts {
  /** Each register sent with the submission and how many rows it has. */
  registers: { register: Register; rows: number }[];
  workbook: FileOut | null;
  pkg: FileOut | null;
  /** The modules whose figures the summary register holds, in its column order: a table each. */
  modules?: readonly ModuleExport[];
}

/** The measure word a register counts its rows in (人, 次, 个), from its 合计 column. */
function measureOf(register: Register): string {
  for (const c of register.columns) if (c.total && typeof c.total === 'object' && 'count' in c.total) return c.total.count;
  return '行';
}

/**
 * One module's figures (the summary register's columns `from` for `count`, after 社区 and 数据来源), or all of
 * them: five modules' thirty-odd figures side by side do not fit an A4 page, so the PDF gives each its table.
 */
function summaryTable(job: ExportJob, register: Register<SummaryRow>, rows: SummaryRow[], part?: { from: number; count: number }): PdfTable {
  const all = columnsFor(register, job);
  // 街道 (a district's), 社区 and 数据来源 are the register's first three columns (a figure may be called
  // `community` too: 社区党员).
  const lead = all.filter((c) => register.columns.indexOf(c) < 3);
  const columns = part ? [...lead, ...all.slice(lead.length + part.from, lead.length + part.from + part.count)] : all;
  const totals = new Totals(columns);
  const body = rows.map((r, i) => {
    const values = columns.map((c) => c.value(r));
    totals.add(values);
    return [String(i + 1), ...values.map((v, k) => displayValue(columns[k]!.kind, v))];
  });
  return {
    kind: 'table',
    columns: [
      { header: '序号', width: 5, align: 'center' },
      ...columns.map((c) => ({ header: c.header, width: c.width, align: c.kind === 'text' ? ('left' as const) : ('right' as const) })),
    ],
    rows: body,
    totalRow: rows.length > 1 ? ['合计', ...totals.values().map((v, k) => displayValue(columns[k]!.kind, v))] : undefined,
  };
}

/** A table per module with figures (its title above it) when there are several; one table otherwise. */
function figureTables(job: ExportJob, register: Register<SummaryRow>, rows: SummaryRow[], modules: readonly ModuleExport[] | undefined) {
  const withFigures = (modules ?? []).filter((m) => m.summary.figures.length > 0);
  if (withFigures.length < 2) return [summaryTable(job, register, rows)];
  let from = 0;
  return withFigures.flatMap((m) => {
    const part = { from, count: m.summary.figures.length };
    from += part.count;
    return [{ kind: 'paragraph' as const, text: m.title, size: 11, keepWithNext: true }, summaryTable(job, register, rows, part)];
  });
}

/** 上报汇总表 for signing: the month's key figures, what was sent with them (and its checksums), signatures. */
export async function summaryPdf(job: ExportJob, register: Register<SummaryRow>, rows: SummaryRow[], facts: PdfFacts): Promise<FileOut> {
  const { target, period } = job;
  const sent = facts.registers.map(({ register: r, rows: n }) => `${r.title} ${n.toLocaleString('zh-CN')} ${measureOf(r)}`);
  // Without the workbook (the PDF alone) no register goes with it, and the sentence is left out.
  const paragraphs: string[] = sent.length ? [`随表报送台账：${sent.join('，')}。`] : [];
  const consolidated = job.sources.filter((s) => !s.local);
  if (target.multiUnit && consolidated.length) {
    // 2 个社区 at a street; 2 个街道、5 个社区 at a district.
    const counted = levelsUnder(target.unit.level).map((l) => [l, consolidated.filter((s) => s.unit.level === l).length] as const).filter(([, n]) => n > 0);
    const units = counted.map(([l, n]) => `${n} 个${unitLevels[l]}`).join('、');
    paragraphs.push(`汇总了 ${units}报送的数据：${consolidated.map((s) => `${s.unit.name}（${monthPeriod(s.period).label}）`).join('、')}。`);
    const stale = consolidated.filter((s) => s.period < period.key);
    if (stale.length) paragraphs.push(`其中 ${stale.map((s) => s.unit.name).join('、')} 尚未报送${period.label}的数据，表中为其最近一次报送的数据。`);
  }
  paragraphs.push(job.unmasked ? '本次导出包含完整的身份证号和电话号码（已记入上报记录）。' : '身份证号、电话号码已脱敏。');
  if (facts.workbook) paragraphs.push(`台账工作簿：${facts.workbook.fileName}，SHA-256 校验码：${facts.workbook.sha256}`);
  if (facts.pkg) paragraphs.push(`数据包：${facts.pkg.fileName}，SHA-256 校验码：${facts.pkg.sha256}`);
  // The street compares this with the fingerprint its import screen shows for the unit's pinned key.
  if (job.signer) paragraphs.push(`本单位数据包签名密钥指纹：${job.signer.fingerprint}`);

  const title = markUnmasked(`${target.unit.name}${period.label}上报汇总表`, job.unmasked);
  const bytes = await renderDocument({
    title,
    subtitle: [
      `填报单位（盖章）：${target.unit.name}　　统计期间：${period.label}`,
      `填报人：${job.operator}　　填报日期：${chineseDate(todayIso())}`,
    ],
    orientation: 'landscape',
    blocks: [...figureTables(job, register, rows, facts.modules), ...paragraphs.map((text) => ({ kind: 'paragraph' as const, text, size: 10 }))],
    signatures: ['经办人', '审核人', '负责人'],
    author: job.operator,
  });
  return pdfOut(`${markUnmasked(`${target.unit.name}_${period.label}_上报汇总表`, job.unmasked)}.pdf`, bytes);
}
