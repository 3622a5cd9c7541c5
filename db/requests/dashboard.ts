import type { Db } from '../open';
import { AROUND, aroundArgs } from './export';
import { IN_COMMUNITY } from './requests';
import type { DashboardFigures, KeyCount, MonthCounts, Tally } from './types';
export type { DashboardFigures, KeyCount, MonthCounts } from './types';

/**
 * 民呼必应概览's figures, all counted in SQL. The month's are the 月上报 tally's rules
 * (main/api/requests/export/tally.ts) written as SQL: received by 上报 day, done by 办结 day, on time when 办结 ≤ 期限,
 * in progress at today, satisfaction over those closed this month and evaluated (满意 and 基本满意 count). Counts only:
 * a rate is Σ/Σ of them wherever it is shown.
 *
 * The requests are read from one or more sources, each counted by the same SQL and the counts added: this
 * installation's ledger (of one community's place, or all of it) and, at a street or a district, the copies its
 * communities' packages brought (`requests.requests` as the registers read them: corrections applied, removed ones
 * left out — of one unit, or every one). A community's request lives in its own ledger only and the street's copy of
 * it is the one the street counts; the street's own requests are in its ledger: each is counted once.
 */
export interface Source {
  /** The relation `r` with the ledger's column names; the local one may name the index a query is written for. */
  from(index?: string): string;
  /** The source's own condition on `r`, and its arguments. */
  where: string;
  args: unknown[];
  /** This installation's ledger: the month through the summary's narrowing by rowid (`AROUND`); its overdue are 督办's. */
  local: boolean;
}

/** This installation's ledger: one community's (by its place) or all of it. */
export const ledgerSource = (communityId: string | null): Source => ({
  from: (index) => `requests r${index ? ` INDEXED BY ${index}` : ''}`,
  where: `(? IS NULL OR ${IN_COMMUNITY})`,
  args: [communityId, communityId],
  local: true,
});

const COPY = (field: string) => `json_extract(j, '$.${field}')`;
const COPIES = `(SELECT unit_code, ${COPY('reportedOn')} AS reported_on, ${COPY('doneOn')} AS done_on, ${COPY('dueOn')} AS due_on,
    ${COPY('state')} AS state, ${COPY('rating')} AS rating, ${COPY('category')} AS category, ${COPY('source')} AS source
  FROM (SELECT unit_code, COALESCE(local_record, record) AS j FROM consolidated_rows WHERE table_name = 'requests.requests' AND removed_at IS NULL))`;

/** The consolidated copies of the communities' requests: one unit's (by its code) or every unit's kept here. */
export const copiesSource = (unitCode: string | null): Source => ({
  from: () => `${COPIES} r`,
  where: '(? IS NULL OR r.unit_code = ?)',
  args: [unitCode, unitCode],
  local: false,
});

/** The month from its first day to today (the ledger through the summary's narrowing: the month's requests and the open ones). */
function monthTally(db: Db, s: Source, from: string, to: string): Tally {
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
    FROM w CROSS JOIN ${s.from()} WHERE ${s.local ? `${AROUND} AND ` : ''}${s.where}`)
    .get(from, to, ...(s.local ? aroundArgs(from, to) : []), ...s.args) as Tally;
}

/**
 * Received and done per month from `first` to today, one pass each: by 上报 day (requests_reported) and by 办结 day
 * (requests_done). Day strings compare as text.
 */
function monthCounts(db: Db, s: Source, first: string, today: string): Map<string, MonthCounts> {
  const rows = db.prepare(`
    SELECT substr(r.reported_on, 1, 7) AS month, COUNT(*) AS received, 0 AS done FROM ${s.from()} WHERE r.reported_on BETWEEN ? AND ? AND ${s.where} GROUP BY month
    UNION ALL
    SELECT substr(r.done_on, 1, 7) AS month, 0, COUNT(*) FROM ${s.from('requests_done')} WHERE r.done_on BETWEEN ? AND ? AND ${s.where} GROUP BY month`)
    .all(first, today, ...s.args, first, today, ...s.args) as MonthCounts[];
  const by = new Map<string, MonthCounts>();
  for (const r of rows) add(by, r.month, r);
  return by;
}

/** Requests reported from..to by a column (category, source). */
const countsBy = (db: Db, s: Source, column: 'category' | 'source', from: string, to: string): KeyCount[] =>
  db.prepare(`SELECT r.${column} AS key, COUNT(*) AS count FROM ${s.from()} WHERE r.reported_on BETWEEN ? AND ? AND ${s.where}
    GROUP BY r.${column}`).all(from, to, ...s.args) as KeyCount[];

// Written for requests_open_due as it states it (the planner otherwise takes requests_state for the IN).
const overdue = (db: Db, s: Source, today: string): number =>
  (db.prepare(`SELECT COUNT(*) AS n FROM ${s.from('requests_open_due')} WHERE r.state IN ('assigned', 'supervised') AND r.due_on < ? AND ${s.where}`)
    .get(today, ...s.args) as { n: number }).n;

/** Adds a row of counts into the one of its key (the same month or group in another source): its numbers summed. */
function add<T extends object>(by: Map<string, T>, key: string, row: T): void {
  const had = by.get(key) as Record<string, unknown> | undefined;
  if (!had) {
    by.set(key, { ...row });
    return;
  }
  for (const [k, v] of Object.entries(row)) if (typeof v === 'number') had[k] = (had[k] as number) + v;
}

/** The twelve months ending with today's, oldest first. */
function twelveMonths(today: string): string[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const k = y * 12 + (m - 1) - (11 - i);
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}

/** The figures of the sources added up: each count Σ over them, the groups the most first. */
export function dashboardFigures(db: Db, sources: Source[], today: string): DashboardFigures {
  const keys = twelveMonths(today);
  const first = `${keys[0]!}-01`;
  const month = new Map<string, Tally>();
  const months = new Map<string, MonthCounts>();
  const groups = { category: new Map<string, KeyCount>(), source: new Map<string, KeyCount>() };
  let late = 0;
  let lateHere = 0;
  for (const s of sources) {
    add(month, '', monthTally(db, s, `${today.slice(0, 7)}-01`, today));
    for (const [k, r] of monthCounts(db, s, first, today)) add(months, k, r);
    for (const column of ['category', 'source'] as const) {
      for (const g of countsBy(db, s, column, first, today)) add(groups[column], g.key ?? '\u0000', g);
    }
    const n = overdue(db, s, today);
    late += n;
    if (s.local) lateHere += n;
  }
  const ranked = (by: Map<string, KeyCount>) =>
    [...by.values()].sort((a, b) => b.count - a.count || ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0));
  return {
    month: month.get('') ?? { received: 0, notAccepted: 0, done: 0, doneOnTime: 0, inProgress: 0, rated: 0, satisfied: 0 },
    months: keys.map((k) => ({ month: k, received: months.get(k)?.received ?? 0, done: months.get(k)?.done ?? 0 })),
    byCategory: ranked(groups.category),
    bySource: ranked(groups.source),
    overdue: late,
    overdueHere: lateHere,
  };
}
