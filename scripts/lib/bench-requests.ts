import type { Db } from '../../db/open';
import { listRequests, requestCounts } from '../../db/requests/requests';
import type { FlooredOp } from './bench-property';

/**
 * The bench's 民呼必应 rows (issue 16): the street-wide 督办 lists and the ledger's first page (the day's reports come
 * first: the day register a clerk reads), the home page's counts — each beside its repository query on a read-only
 * connection. The month's registers and figures over the whole ledger are a submission row (bench-submission.ts).
 */
export function requestOps(db: Db, today: string): FlooredOp[] {
  const page = { state: null, category: null, gridId: null, offset: 0, limit: 50 };
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
    { name: 'requests: to-dos (home page)', channel: 'requests.getTodos', input: {}, budgetMs: 20, floor: () => requestCounts(db, today) },
  ];
}
