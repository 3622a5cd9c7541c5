import { checkData, type IntegrityReport } from '../db/integrity-registry';
import type { Db } from '../db/open';
import type { Logger } from './log';

/**
 * Long enough for a street's data, short enough that a district's start is not held up: there the points
 * totals (1M entries, several seconds to recompute) are left to the settings page (docs/architecture.md).
 */
const START_BUDGET_MS = 1500;
const START_MAX_SOURCE_ROWS = 200_000;

/**
 * "核对数据" at start, time-boxed: whatever the box does not reach is left for the settings page's check. The
 * result goes to the log; a difference found comes back as the warning the settings page shows.
 * The box is measured with a monotonic timer: it is a duration, not a date.
 */
export function checkDataAtStart(db: Db, log: Logger, budgetMs = START_BUDGET_MS): string | null {
  const started = performance.now();
  let report: IntegrityReport;
  try {
    report = checkData(db, { shouldStop: () => performance.now() - started > budgetMs, maxSourceRows: START_MAX_SOURCE_ROWS });
  } catch (err) {
    // A check that cannot run must not keep the app from starting; the settings page's check will say why.
    log.error('data check at start failed', err);
    return null;
  }
  const took = Math.round(performance.now() - started);
  const unchecked = [...report.totals.filter((t) => !t.checked).map((t) => t.table), ...report.chains.filter((c) => !c.complete).map((c) => c.chain)];
  const scope = unchecked.length ? `; not reached within ${budgetMs} ms: ${unchecked.join(', ')}` : '';
  if (report.consistent) {
    log.info(`data check at start: consistent (${took} ms${scope})`);
    return null;
  }
  const findings = [
    ...report.totals.filter((t) => t.differing > 0).map((t) => `${t.table}: ${t.differing} rows differ`),
    ...report.chains.filter((c) => c.break).map((c) => `chain ${c.chain}: ${c.break!.kind} at seq ${c.break!.seq}`),
  ];
  log.error(`data check at start: ${findings.join('; ')} (${took} ms${scope})`);
  return '启动时核对数据发现不一致：请在“设置 → 核对数据”中查看并处理。';
}
