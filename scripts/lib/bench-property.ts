import { verifyChain } from '../../db/ledger/verify';
import { witnessedFundChain } from '../../db/fund/chain';
import { statementOf } from '../../db/fund/statement';
import { listElevators } from '../../db/elevator/elevators';
import type { Db } from '../../db/open';
import { overdueResolutions } from '../../db/property/resolutions';
import { addDays } from './seed-plan';
import type { BenchOp } from './bench-volunteer';

/**
 * The bench's red-property, elevator and fund rows (issues 10 and 11). Each op carries its floor: the db
 * repository's own query on a separate read-only connection, without validation, the handler's other work, JSON
 * and HTTP — so the table shows what the transport costs beside what SQLite costs.
 */

type Call = (channel: string, input: unknown) => Promise<unknown>;

export type FlooredOp = BenchOp & { floor?: () => unknown; then?: { channel: string; input: unknown }[] };

export async function propertyOps(call: Call, db: Db, today: string): Promise<FlooredOp[]> {
  // The account with the most posted entries: the longest chain to verify and the busiest statement.
  const account = db.prepare(
    "SELECT account_id AS id, COUNT(*) AS n FROM fund_entries WHERE status = 'posted' GROUP BY account_id ORDER BY n DESC LIMIT 1",
  ).get() as { id: string; n: number } | undefined;
  const accountId = account?.id ?? '';
  const periods = (await call('property.listAssessmentPeriods', {})) as { period: string }[];
  const period = periods[0]?.period ?? `${Number(today.slice(0, 4)) - 1}-Q4`;
  const lastMonth = { from: `${addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7)}-01`, to: addDays(`${today.slice(0, 7)}-01`, -1) };
  const lastYear = { from: `${Number(today.slice(0, 4)) - 1}-01-01`, to: `${Number(today.slice(0, 4)) - 1}-12-31` };
  const page = { offset: 0, limit: 50 };
  return [
    {
      name: 'property: overdue resolutions, whole district', channel: 'property.listOverdueResolutions', input: { communityId: null, ...page }, budgetMs: 10,
      floor: () => overdueResolutions(db, { today, communityId: null, ...page }),
    },
    { name: `property: ranking of ${period}`, channel: 'property.getRanking', input: { period }, budgetMs: 20 },
    { name: 'property: term warnings, whole district', channel: 'property.listTermWarnings', input: { communityId: null }, budgetMs: 20 },
    { name: 'property dashboard, whole district', channel: 'property.getDashboard', input: {}, budgetMs: 20 },
    {
      name: 'fund: statement of last month (busiest account)', channel: 'fund.getStatement', input: { accountId, ...lastMonth }, budgetMs: 5,
      floor: () => statementOf(db, accountId, lastMonth.from, lastMonth.to),
    },
    {
      name: 'fund: statement of last year (busiest account)', channel: 'fund.getStatement', input: { accountId, ...lastYear }, budgetMs: 5,
      floor: () => statementOf(db, accountId, lastYear.from, lastYear.to),
    },
    {
      name: `fund: verify a whole account (${account?.n ?? 0} entries)`, channel: 'fund.verifyAccount', input: { id: accountId }, budgetMs: 100,
      floor: () => verifyChain(db, witnessedFundChain(db, accountId, '')),
    },
    {
      name: 'elevator warnings: maintenance overdue, whole district', channel: 'elevator.listElevators', input: { warning: 'maintenance_overdue', ...page }, budgetMs: 10,
      floor: () => listElevators(db, { estateId: null, status: null, q: '', sort: 'place', warning: { kind: 'maintenance_overdue', today }, ...page }),
    },
    {
      name: 'elevator warnings: inspection due in 30 days', channel: 'elevator.listElevators', input: { warning: 'inspection_due', ...page }, budgetMs: 10,
      floor: () => listElevators(db, { estateId: null, status: null, q: '', sort: 'place', warning: { kind: 'inspection_due', inspectionBy: addDays(today, 30) }, ...page }),
    },
    {
      name: 'elevator register sorted by 下次检验, offset 2000', channel: 'elevator.listElevators', input: { sort: 'inspection', offset: 2000, limit: 100 }, budgetMs: 10,
      floor: () => listElevators(db, { estateId: null, status: null, q: '', sort: 'inspection', warning: null, offset: 2000, limit: 100 }),
    },
    {
      name: 'elevator register sorted by 最近维保, offset 2000', channel: 'elevator.listElevators', input: { sort: 'routine', offset: 2000, limit: 100 }, budgetMs: 10,
      floor: () => listElevators(db, { estateId: null, status: null, q: '', sort: 'routine', warning: null, offset: 2000, limit: 100 }),
    },
    { name: 'elevator + fund to-dos (home page)', channel: 'elevator.getTodos', input: {}, budgetMs: 20 },
    // 基金概览 as it opens: every account with its balance and three statuses, twelve months' totals, the elevators'
    // warnings and this year's entrapments — the four requests of renderer/src/fund/OverviewPage.tsx, one after another.
    {
      name: 'fund dashboard (基金概览), whole district', channel: 'fund.listAccounts', input: { status: 'active' }, budgetMs: 50,
      then: [{ channel: 'fund.getMonthlyTotals', input: {} }, { channel: 'elevator.getTodos', input: {} }, { channel: 'elevator.getEntrapmentTimes', input: {} }],
    },
  ];
}
