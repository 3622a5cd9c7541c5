import type { ReportRow, ValidationReport } from './contract';
import { summarise, type PassResult, type RowResult } from './engine';
import { rowOf, type Job } from './job';
import { maskedText } from './mask';
import { cellText } from './values';

/** The validation report the screen shows: counts, the rows that need attention, a preview, whether to go on. */

const LISTED = 1000;

function reportRow(job: Job, r: RowResult): ReportRow {
  const cells: Record<string, string> = {};
  for (const f of job.register.fields) {
    const col = job.mapping[f.key];
    if (col !== null && col !== undefined) cells[f.key] = maskedText(cellText(r.cells[col]), f);
  }
  return { row: r.row, status: r.status, issues: [...r.issues], warnings: [...r.warnings], cells };
}

/** A sheet row named as people name it: its title fields' cells (张三; 西里社区 › 阳光小区). */
function titleOf(job: Job, row: number): string {
  const { cells } = rowOf(job, row);
  const keys = job.register.titleFields ?? [job.register.fields[0]!.key];
  return keys.map((k) => job.mapping[k]).map((c) => (c == null ? '' : cellText(cells[c]).trim())).filter(Boolean).join(' › ');
}

export function validationReport(job: Job, pass: PassResult): ValidationReport {
  const summary = summarise(pass);
  const bad = pass.rows.filter((r) => r.status === 'error' || r.status === 'duplicate');
  const matched = pass.rows.filter((r) => r.status === 'skip' || r.status === 'update');
  const warned = pass.rows.filter((r) => r.warnings.length > 0 && r.status === 'create'); // updates are listed as matched
  const rows = [...bad.slice(0, LISTED), ...matched.slice(0, LISTED), ...warned.slice(0, LISTED)].map((r) => reportRow(job, r));
  return {
    summary,
    sheetNames: job.sheetNames,
    rows,
    truncated: bad.length > LISTED || matched.length > LISTED || warned.length > LISTED,
    preview: pass.rows.filter((r) => r.preview).map((r) => ({ row: r.row, values: r.preview! })),
    mappingProblems: job.mappingProblems,
    ignoredRows: pass.ignoredRows,
    skippedRows: pass.skipped.filter((r) => r.reason !== '隐藏行'),
    hiddenRows: pass.hidden.slice(0, LISTED).map((row) => ({ row, title: titleOf(job, row) })),
    extras: pass.extras,
    questions: pass.questions,
    targets: pass.targets,
    canCommit: job.mappingProblems.length === 0 && bad.length === 0 && summary.create + summary.update > 0,
  };
}
