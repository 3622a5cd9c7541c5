import type { RequestExport } from '../../../../db/requests/export';
import type { Tally } from '../../../../db/requests/types';
import type { Period } from '../../../export/period';
import type { Within } from '../../../export/types';

export type { Tally } from '../../../../db/requests/types';

export const emptyTally = (): Tally => ({ received: 0, notAccepted: 0, done: 0, doneOnTime: 0, inProgress: 0, rated: 0, satisfied: 0 });

/** The days a tally covers: a month's, or any run of days (日登记, 周汇总). */
export type Days = Pick<Period, 'from' | 'to'>;

const within = (d: string | null, p: Days) => d !== null && d >= p.from && d <= p.to;

/**
 * Adds one request to a tally. Closing is dated by 办结, so a request reported last month and closed this month
 * counts as done this month; a reopened request has lost its 办结 day and counts as in progress again. The rates are
 * Σ/Σ of these counts wherever several communities are added up — never an average of rates.
 */
export function count(t: Tally, r: RequestExport, p: Days): void {
  if (within(r.reportedOn, p)) {
    t.received++;
    if (r.state === 'not_accepted') t.notAccepted++;
  }
  if (within(r.doneOn, p)) {
    t.done++;
    if (r.dueOn !== null && r.doneOn! <= r.dueOn) t.doneOnTime++;
    if (r.rating !== null) {
      t.rated++;
      if (r.rating !== 'unsatisfied') t.satisfied++;
    }
  }
  if (r.reportedOn <= p.to && r.state !== 'not_accepted' && (r.doneOn === null || r.doneOn > p.to)) t.inProgress++;
}

/** Whether a request counts anywhere in the period's tally (a category row with nothing in it is left out). */
export const touches = (r: RequestExport, p: Days): boolean =>
  within(r.reportedOn, p) || within(r.doneOn, p) || (r.reportedOn <= p.to && r.state !== 'not_accepted' && (r.doneOn === null || r.doneOn > p.to));

/** One tally per key of the requests the period touches (a community and category, a state, a source), in first-seen order. */
export function tallyBy(rows: Iterable<RequestExport>, p: Days, keyOf: (r: RequestExport) => string): Map<string, Tally> {
  const by = new Map<string, Tally>();
  for (const r of rows) {
    if (!touches(r, p)) continue;
    const key = keyOf(r);
    let t = by.get(key);
    if (!t) by.set(key, (t = emptyTally()));
    count(t, r, p);
  }
  return by;
}

/** What a tally of the days reads of the requests table: those it `touches` (narrowed in SQL where they are kept here). */
export const touching = (p: Days): Within => ({
  field: 'reportedOn',
  from: p.from,
  to: p.to,
  keeps: (r) => touches(r as unknown as RequestExport, p),
});
