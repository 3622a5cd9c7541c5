import type { ReportRow, ValidationReport } from './contract';
import { summarise, type PassResult, type RowResult } from './engine';
import type { Job } from './job';
import { cellText } from './values';

/** The validation report the screen shows: counts, the rows that need attention, a preview, whether to go on. */

const LISTED = 1000;

function reportRow(job: Job, r: RowResult): ReportRow {
  const cells: Record<string, string> = {};
  for (const f of job.register.fields) {
    const col = job.mapping[f.key];
    if (col !== null && col !== undefined) cells[f.key] = cellText(r.cells[col]);
  }
  return { row: r.row, status: r.status, issues: [...r.issues], warnings: [...r.warnings], cells };
}

export function validationReport(job: Job, pass: PassResult): ValidationReport {
  const summary = summarise(pass);
  const bad = pass.rows.filter((r) => r.status === 'error' || r.status === 'duplicate');
  const matched = pass.rows.filter((r) => r.status === 'skip' || r.status === 'update');
  const warned = pass.rows.filter((r) => r.warnings.length > 0 && r.status === 'create'); // updates are listed as matched
  const rows = [...bad.slice(0, LISTED), ...matched.slice(0, LISTED), ...warned.slice(0, LISTED)].map((r) => reportRow(job, r));
  return {
    summary,
    rows,
    truncated: bad.length > LISTED || matched.length > LISTED || warned.length > LISTED,
    preview: pass.rows.filter((r) => r.preview).map((r) => ({ row: r.row, values: r.preview! })),
    mappingProblems: job.mappingProblems,
    ignoredRows: pass.ignoredRows,
    skippedRows: pass.skipped,
    extras: pass.extras,
    canCommit: job.mappingProblems.length === 0 && bad.length === 0 && summary.create + summary.update > 0,
  };
}
