import type { Db } from '../open';
import { newId } from '../ids';
import { nowIso } from '../moment';
import { nearerEnd } from '../paging';
import { newStamps } from '../stamps';
import { Where } from '../where';
import type { ReportFields, RequestFacts, RequestRow, RequestStateCode, RequestTodos, StepRow, WallRow } from './types';
export type { ReportFields, RequestFacts, RequestRow, RequestStateCode, RequestTodos, StepRow, WallRow } from './types';

/** The place named as a clerk reads it: 西里社区 阳光小区 3号楼. */
const PLACE_NAME = `trim(COALESCE(pp.name || ' ', '') || COALESCE(p1.name || ' ', '') || p.name)`;

const select = (from = 'requests r') => `
  SELECT r.id, r.reported_on AS reportedOn, r.source, r.anonymous, r.reporter_name AS reporterName,
         r.reporter_phone AS reporterPhone, r.place_id AS placeId, ${PLACE_NAME} AS placeName, p.kind AS placeKind,
         r.grid_id AS gridId, g.name AS gridName, r.content, r.state, r.category, r.urgency, r.answer, r.reason,
         r.handler_kind AS handlerKind, r.handler_name AS handlerName, r.due_on AS dueOn, r.done_on AS doneOn,
         r.result, r.publicised_on AS publicisedOn, r.rating, r.reopened, r.created_at AS createdAt, r.updated_at AS updatedAt, r.operator
  FROM ${from}
  JOIN places p ON p.id = r.place_id
  LEFT JOIN places p1 ON p1.id = p.parent_id
  LEFT JOIN places pp ON pp.id = p1.parent_id
  LEFT JOIN grids g ON g.id = r.grid_id`;

type Stored = Omit<RequestRow, 'anonymous'> & { anonymous: number };
const fromDb = (r: Stored): RequestRow => ({ ...r, anonymous: r.anonymous === 1 });

export function getRequest(db: Db, id: string): RequestRow | undefined {
  const row = db.prepare(`${select()} WHERE r.id = ?`).get(id) as Stored | undefined;
  return row && fromDb(row);
}

/** The community a place lies in (the place itself, its estate's or its building's estate's). */
const COMMUNITY_OF_PLACE = `COALESCE(CASE WHEN p.kind = 'community' THEN p.id END, CASE WHEN p1.kind = 'community' THEN p1.id END, pp.id)`;

/** A request `r` filed under a place of one community (one parameter: the community's place id). */
export const IN_COMMUNITY = `r.place_id IN (SELECT p.id FROM places p LEFT JOIN places p1 ON p1.id = p.parent_id LEFT JOIN places pp ON pp.id = p1.parent_id
  WHERE ${COMMUNITY_OF_PLACE} = ?)`;

export interface RequestFilter {
  state: RequestStateCode | null;
  category: string | null;
  gridId: string | null;
  /** 日登记: the requests reported on that day (through requests_reported), of one community (by its place) or all. */
  reportedOn?: string | null;
  communityId?: string | null;
  /**
   * 督办's lists, of requests being handled: overdue (deadline before `day`), due on `day`, or handed up to the street.
   * The first two read requests_open_due; the street's list is short (what a street took over).
   */
  watch: { list: 'overdue' | 'dueToday' | 'escalated'; day: string } | null;
  offset: number;
  limit: number;
}

const WATCH = { overdue: 'r.due_on < ?', dueToday: 'r.due_on = ?', escalated: "r.handler_kind = 'street'" } as const;

/**
 * A page of the ledger: newest reports first; the overdue list by deadline, oldest first, through
 * requests_open_due (its condition written as the index states it).
 */
export function listRequests(db: Db, f: RequestFilter): { rows: RequestRow[]; total: number } {
  const where = new Where();
  if (f.watch) where.add(`r.state IN ('assigned', 'supervised') AND ${WATCH[f.watch.list]}`, ...(f.watch.list === 'escalated' ? [] : [f.watch.day]));
  if (f.state) where.add('r.state = ?', f.state);
  if (f.category) where.add('r.category = ?', f.category);
  if (f.gridId) where.add('r.grid_id = ?', f.gridId);
  if (f.reportedOn) where.add('r.reported_on = ?', f.reportedOn);
  if (f.communityId) where.add(IN_COMMUNITY, f.communityId);
  const order = f.watch ? 'r.due_on, r.id' : 'r.reported_on DESC, r.id DESC';
  // The planner would take requests_state for the IN on state; the deadline narrows far more.
  const from = f.watch && f.watch.list !== 'escalated' ? 'requests r INDEXED BY requests_open_due' : 'requests r';
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM ${from} ${where.sql}`).get(...where.args) as { n: number }).n;
  // The page is chosen on the index alone and only its rows are joined: with the joins inside the OFFSET, a page
  // deep in 20,000 requests named every row it skipped (20 ms at the end of a street's ledger, 0.2 ms this way);
  // and from the nearer end of the order (db/paging.ts).
  const p = nearerEnd(order, total, f.offset, f.limit);
  const page = `SELECT r.rowid AS rid FROM ${from} ${where.sql} ORDER BY ${p.order} LIMIT ? OFFSET ?`;
  const rows = (db.prepare(`${select(`(${page}) page CROSS JOIN requests r ON r.rowid = page.rid`)} ORDER BY ${order}`)
    .all(...where.args, p.limit, p.offset) as Stored[]).map(fromDb);
  return { rows, total };
}

export function listSteps(db: Db, requestId: string): StepRow[] {
  return (db.prepare(`SELECT id, seq, from_state AS fromState, to_state AS toState, on_day AS onDay, detail, note,
      created_at AS createdAt, operator FROM request_steps WHERE request_id = ? ORDER BY seq`).all(requestId) as (StepRow & { detail: string })[])
    .map((s) => ({ ...s, detail: JSON.parse(s.detail) as Record<string, unknown> }));
}

function appendStep(db: Db, requestId: string, from: RequestStateCode | null, to: RequestStateCode, onDay: string, detail: object, note: string | null, operator: string) {
  const seq = (db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM request_steps WHERE request_id = ?').get(requestId) as { n: number }).n;
  const s = newStamps(operator);
  db.prepare(`INSERT INTO request_steps (id, request_id, seq, from_state, to_state, on_day, detail, note, created_at, updated_at, operator)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(newId(), requestId, seq, from, to, onDay, JSON.stringify(detail), note, s.created_at, s.updated_at, operator);
}

/** 上报: the request and its first step; `origin` is kept in that step (an import's id and the register's 编号). */
export function insertRequest(db: Db, f: ReportFields, operator: string, origin: object = {}): string {
  const id = newId();
  const s = newStamps(operator);
  db.prepare(`INSERT INTO requests (id, reported_on, source, anonymous, reporter_name, reporter_phone, place_id, grid_id, content, state,
      created_at, updated_at, operator) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'reported', ?, ?, ?)`)
    .run(id, f.reportedOn, f.source, f.anonymous ? 1 : 0, f.reporterName, f.reporterPhone, f.placeId, f.gridId, f.content, s.created_at, s.updated_at, operator);
  appendStep(db, id, null, 'reported', f.reportedOn, { source: f.source, ...origin }, null, operator);
  return id;
}

/** Every request's identity as a re-imported register sees it: the 编号 its import kept, its day, place and content. */
export const requestIdentities = (db: Db): { id: string; registerNo: string | null; reportedOn: string; placeId: string; content: string }[] =>
  db.prepare(`SELECT r.id, json_extract(s.detail, '$.registerNo') AS registerNo, r.reported_on AS reportedOn, r.place_id AS placeId, r.content
    FROM requests r JOIN request_steps s ON s.request_id = r.id AND s.seq = 1`).all() as never;

const COLUMNS: Record<keyof RequestFacts, string> = {
  category: 'category', urgency: 'urgency', answer: 'answer', reason: 'reason', handlerKind: 'handler_kind',
  handlerName: 'handler_name', dueOn: 'due_on', doneOn: 'done_on', result: 'result', publicisedOn: 'publicised_on', rating: 'rating',
};

/** A step after 上报: the row takes the new state and facts, the history gets the step with what it settled. */
export function applyStep(
  db: Db,
  id: string,
  step: { from: RequestStateCode; to: RequestStateCode; onDay: string; facts: Partial<RequestFacts>; detail: object; note: string | null; reopening?: boolean },
  operator: string,
): void {
  const keys = Object.keys(step.facts) as (keyof RequestFacts)[];
  const sets = keys.map((k) => `${COLUMNS[k]} = ?`);
  if (step.reopening) sets.push('reopened = reopened + 1');
  db.prepare(`UPDATE requests SET state = ?, ${[...sets, 'updated_at = ?', 'operator = ?'].join(', ')} WHERE id = ? AND state = ?`)
    .run(step.to, ...keys.map((k) => step.facts[k] ?? null), nowIso(), operator, id, step.from);
  appendStep(db, id, step.from, step.to, step.onDay, step.detail, step.note, operator);
}

/**
 * The home page's counts: requests awaiting 梳理 or a return visit (公示 done, not yet evaluated), overdue ones and
 * those due today (through requests_open_due).
 */
export function requestCounts(db: Db, today: string): Omit<RequestTodos, 'openWishes' | 'careVisitsDue'> {
  const n = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;
  const open = "SELECT COUNT(*) AS n FROM requests r INDEXED BY requests_open_due WHERE r.state IN ('assigned', 'supervised') AND";
  return {
    awaitingSorting: n("SELECT COUNT(*) AS n FROM requests WHERE state = 'reported'"),
    overdue: n(`${open} ${WATCH.overdue}`, today),
    dueToday: n(`${open} ${WATCH.dueToday}`, today),
    awaitingEvaluation: n("SELECT COUNT(*) AS n FROM requests WHERE state = 'publicised'"),
  };
}


/**
 * The 问题墙 rows: requests publicised from..to (a reopened one left the wall with its 公示), of one community or
 * the street's, oldest first. Selects no reporter column, so no notice can name one.
 */
export function wallRows(db: Db, f: { communityId: string | null; from: string; to: string }): WallRow[] {
  return db.prepare(`
    SELECT r.id, r.source, ${PLACE_NAME} AS placeName, r.content, r.result, r.state, r.rating, r.publicised_on AS publicisedOn
    FROM requests r JOIN places p ON p.id = r.place_id LEFT JOIN places p1 ON p1.id = p.parent_id LEFT JOIN places pp ON pp.id = p1.parent_id
    WHERE r.publicised_on BETWEEN ? AND ? AND (? IS NULL OR ${COMMUNITY_OF_PLACE} = ?)
    ORDER BY r.publicised_on, r.reported_on, r.id`).all(f.from, f.to, f.communityId, f.communityId) as WallRow[];
}

/** How many requests name each category (设置 → 民呼必应: a category in use is retired, never deleted). */
export function categoryUse(db: Db): Map<string, number> {
  const rows = db.prepare('SELECT category, COUNT(*) AS n FROM requests WHERE category IS NOT NULL GROUP BY category').all() as { category: string; n: number }[];
  return new Map(rows.map((r) => [r.category, r.n]));
}

export const requestsWithCategory = (db: Db, code: string): number =>
  (db.prepare('SELECT COUNT(*) AS n FROM requests WHERE category = ?').get(code) as { n: number }).n;
