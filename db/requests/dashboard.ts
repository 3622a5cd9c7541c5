import type { Db } from '../open';
import { AROUND, aroundArgs } from './export';
import { IN_COMMUNITY } from './requests';
import type { DashboardFigures, KeyCount, MonthCounts, Tally } from './types';
export type { DashboardFigures, KeyCount, MonthCounts } from './types';

/**
 * 民呼必应概览's figures, all counted in SQL, of one community (by its place) or of everything here. The month's are
 * the 月上报 tally's rules (main/api/requests/export/tally.ts) written as SQL: received by 上报 day, done by 办结 day,
 * on time when 办结 ≤ 期限, in progress at today, satisfaction over those closed this month and evaluated (满意 and
 * 基本满意 count). Counts only: a rate is Σ/Σ of them wherever it is shown.
 */
const SCOPE = `(? IS NULL OR ${IN_COMMUNITY})`;
const scope = (communityId: string | null) => [communityId, communityId];

/** The month from its first day to today, through the summary's narrowing (the month's requests and the open ones). */
function monthTally(db: Db, communityId: string | null, from: string, to: string): Tally {
  const inMonth = (col: string) => `${col} BETWEEN w.f AND w.t`;
  return db.prepare(`
    WITH w (f, t) AS (SELECT ?, ?)
    SELECT COUNT(*) FILTER (WHERE ${inMonth('r.reported_on')}) AS received,
           COUNT(*) FILTER (WHERE ${inMonth('r.reported_on')} AND r.state = 'not_accepted') AS notAccepted,
           COUNT(*) FILTER (WHERE ${inMonth('r.done_on')}) AS done,
           COUNT(*) FILTER (WHERE ${inMonth('r.done_on')} AND r.done_on <= r.due_on) AS doneOnTime,
           COUNT(*) FILTER (WHERE r.reported_on <= w.t AND r.state <> 'not_accepted' AND (r.done_on IS NULL OR r.done_on > w.t)) AS inProgress,
           COUNT(*) FILTER (WHERE ${inMonth('r.done_on')} AND r.rating IS NOT NULL) AS rated,
           COUNT(*) FILTER (WHERE ${inMonth('r.done_on')} AND r.rating IN ('satisfied', 'mostly_satisfied')) AS satisfied
    FROM w CROSS JOIN requests r WHERE ${AROUND} AND ${SCOPE}`)
    .get(from, to, ...aroundArgs(from, to), ...scope(communityId)) as Tally;
}

/**
 * The twelve months ending with today's, each through its index: reported (requests_reported) and closed
 * (requests_done). Day strings compare as text, so a month is `YYYY-MM-01`..`YYYY-MM-31`.
 */
function monthSeries(db: Db, communityId: string | null, today: string): MonthCounts[] {
  return db.prepare(`
    WITH RECURSIVE m (k, i) AS (SELECT substr(?, 1, 7), 0 UNION ALL SELECT strftime('%Y-%m', k || '-01', '-1 month'), i + 1 FROM m WHERE i < 11)
    SELECT m.k AS month,
      (SELECT COUNT(*) FROM requests r WHERE r.reported_on BETWEEN m.k || '-01' AND m.k || '-31' AND ${SCOPE}) AS received,
      (SELECT COUNT(*) FROM requests r INDEXED BY requests_done WHERE r.done_on BETWEEN m.k || '-01' AND m.k || '-31' AND ${SCOPE}) AS done
    FROM m ORDER BY m.k`).all(today, ...scope(communityId), ...scope(communityId)) as MonthCounts[];
}

/** Requests reported from..to by a column (category, source), the most first. */
const countsBy = (db: Db, column: 'category' | 'source', communityId: string | null, from: string, to: string): KeyCount[] =>
  db.prepare(`SELECT r.${column} AS key, COUNT(*) AS count FROM requests r WHERE r.reported_on BETWEEN ? AND ? AND ${SCOPE}
    GROUP BY r.${column} ORDER BY count DESC, key`).all(from, to, ...scope(communityId)) as KeyCount[];

export function dashboardFigures(db: Db, communityId: string | null, today: string): DashboardFigures {
  const months = monthSeries(db, communityId, today);
  const first = `${months[0]!.month}-01`;
  return {
    month: monthTally(db, communityId, `${today.slice(0, 7)}-01`, today),
    months,
    byCategory: countsBy(db, 'category', communityId, first, today),
    bySource: countsBy(db, 'source', communityId, first, today),
    // Written as requests_open_due states it (the planner otherwise takes requests_state for the IN).
    overdue: (db.prepare(`SELECT COUNT(*) AS n FROM requests r INDEXED BY requests_open_due
      WHERE r.state IN ('assigned', 'supervised') AND r.due_on < ? AND ${SCOPE}`).get(today, ...scope(communityId)) as { n: number }).n,
  };
}
