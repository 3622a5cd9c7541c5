import type { RequestExport } from '../../../../db/requests/export';
import type { Period } from '../../../export/period';

/** A period's counts of requests, for one community and category (or any grouping): the 月上报 figures. */
export interface Tally {
  /** Reported in the period. */
  received: number;
  /** Reported in the period and not accepted (不予受理). */
  notAccepted: number;
  /** Closed (办结) in the period, whenever reported. */
  done: number;
  /** Of those, closed on or before their deadline. */
  doneOnTime: number;
  /** Reported by the period's end, accepted or awaiting 梳理, and not closed by then. */
  inProgress: number;
  /** Closed in the period and evaluated. */
  rated: number;
  /** Of those, 满意 or 基本满意. */
  satisfied: number;
}

export const emptyTally = (): Tally => ({ received: 0, notAccepted: 0, done: 0, doneOnTime: 0, inProgress: 0, rated: 0, satisfied: 0 });

const within = (d: string | null, p: Period) => d !== null && d >= p.from && d <= p.to;

/**
 * Adds one request to a tally. Closing is dated by 办结, so a request reported last month and closed this month
 * counts as done this month; a reopened request has lost its 办结 day and counts as in progress again. The rates are
 * Σ/Σ of these counts wherever several communities are added up — never an average of rates.
 */
export function count(t: Tally, r: RequestExport, p: Period): void {
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
export const touches = (r: RequestExport, p: Period): boolean =>
  within(r.reportedOn, p) || within(r.doneOn, p) || (r.reportedOn <= p.to && r.state !== 'not_accepted' && (r.doneOn === null || r.doneOn > p.to));
