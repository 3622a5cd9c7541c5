import type { Db } from '../../db/open';
import { careVisitsDue, listCareHouseholds } from '../../db/requests/care';
import { requestsAround } from '../../db/requests/export';
import { listRequests, requestCounts } from '../../db/requests/requests';
import { addDays, mondayOf } from '../../main/api/common/days';
import { DEFAULT_REQUEST_SETTINGS } from '../../main/api/requests/rules';
import type { FlooredOp } from './bench-property';

/**
 * The bench's 民呼必应 rows (issue 16): the street-wide 督办 lists, the ledger's first page (the day's reports come
 * first: the day register a clerk reads) and its last (a jump to the end), the home page's counts — each beside its repository query on a read-only
 * connection; 日登记 (the day's reports), 周汇总 (the week around today, its floor the requests read for the tally) and
 * the 重点关爱户 due a visit (the list's first page; their count is in the to-dos).
 * The month's registers and figures over the whole ledger are a submission row (bench-submission.ts).
 */
export function requestOps(db: Db, today: string): FlooredOp[] {
  const page = { state: null, category: null, gridId: null, offset: 0, limit: 50 };
  const week = { from: mondayOf(today), to: addDays(mondayOf(today), 6) };
  const days = DEFAULT_REQUEST_SETTINGS.careVisitDays;
  const lastPage = lastPageOffset(db, 'requests');
  return [
    {
      name: 'requests: overdue list, whole district', channel: 'requests.listRequests', input: { watch: 'overdue', limit: 50 }, budgetMs: 10,
      floor: () => listRequests(db, { ...page, watch: { list: 'overdue', day: today } }),
    },
    {
      name: 'requests: due today, whole district', channel: 'requests.listRequests', input: { watch: 'dueToday', limit: 50 }, budgetMs: 10,
      floor: () => listRequests(db, { ...page, watch: { list: 'dueToday', day: today } }),
    },
    {
      name: "requests: the ledger's first page (today's reports)", channel: 'requests.listRequests', input: { limit: 50 }, budgetMs: 10,
      floor: () => listRequests(db, { ...page, watch: null }),
    },
    {
      // A jump to the ledger's end: the window asks for that page alone (VirtualTable), its size the window's.
      name: "requests: the ledger's last page (a jump to its end)", channel: 'requests.listRequests', input: { offset: lastPage, limit: 100 }, budgetMs: 10,
      floor: () => listRequests(db, { ...page, watch: null, offset: lastPage, limit: 100 }),
    },
    {
      name: 'requests: the day register (日登记), whole district', channel: 'requests.listRequests', input: { reportedOn: today, limit: 500 }, budgetMs: 20,
      floor: () => listRequests(db, { ...page, reportedOn: today, limit: 500, watch: null }),
    },
    {
      name: 'requests: the week summary (周汇总), whole district', channel: 'requests.getSummary', input: { ...week }, budgetMs: 200,
      floor: () => [...requestsAround(db, null, week.from, week.to)],
    },
    {
      name: 'requests: 重点关爱户 past their visit interval, whole district', channel: 'requests.listCare', input: { dueOnly: true, limit: 100 }, budgetMs: 50,
      floor: () => listCareHouseholds(db, { communityId: null, category: null, colour: null, includeClosed: false, offset: 0, limit: 100, due: { today, days } }),
    },
    {
      name: 'requests: to-dos (home page)', channel: 'requests.getTodos', input: {}, budgetMs: 20,
      floor: () => ({ ...requestCounts(db, today), careVisitsDue: careVisitsDue(db, today, days) }),
    },
  ];
}

/** Where the last 100-row page of a table's list starts: the deepest page a jump to the end asks for. */
export const lastPageOffset = (db: Db, table: 'requests' | 'meetings'): number =>
  Math.max(0, (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n - 100);
