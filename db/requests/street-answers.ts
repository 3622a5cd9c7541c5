import type { Db } from '../open';
import { newId } from '../ids';
import { nowIso } from '../moment';
import type { StreetAnswerRow } from './types';
export type { StreetAnswerRow } from './types';

const SELECT = `SELECT id, unit_code AS unitCode, request_id AS requestId, round, measures, answered_by AS answeredBy,
  answered_on AS answeredOn, created_at AS createdAt, operator FROM request_street_answers`;

/** Every answer the street gave one community request, oldest round first (one per escalation). */
export const answersOf = (db: Db, unitCode: string, requestId: string): StreetAnswerRow[] =>
  db.prepare(`${SELECT} WHERE unit_code = ? AND request_id = ? ORDER BY round`).all(unitCode, requestId) as StreetAnswerRow[];

/**
 * The latest answer to each request of one community (or every one), oldest first: what the answers package
 * carries — an earlier round's went down before, and the request has been reopened since. Applying one twice
 * changes nothing.
 */
export const latestStreetAnswers = (db: Db, unitCode: string | null): StreetAnswerRow[] =>
  db.prepare(`${SELECT} a WHERE (? IS NULL OR unit_code = ?)
    AND round = (SELECT MAX(round) FROM request_street_answers b WHERE b.unit_code = a.unit_code AND b.request_id = a.request_id)
    ORDER BY answered_on, created_at, id`).all(unitCode, unitCode) as StreetAnswerRow[];

export function insertStreetAnswer(db: Db, a: Pick<StreetAnswerRow, 'unitCode' | 'requestId' | 'round' | 'measures' | 'answeredBy' | 'answeredOn'>, operator: string): StreetAnswerRow {
  const id = newId();
  db.prepare(`INSERT INTO request_street_answers (id, unit_code, request_id, round, measures, answered_by, answered_on, created_at, operator)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(id, a.unitCode, a.requestId, a.round, a.measures, a.answeredBy, a.answeredOn, nowIso(), operator);
  return db.prepare(`${SELECT} WHERE id = ?`).get(id) as StreetAnswerRow;
}

/** 街道受理's lists: awaiting the street's answer to the escalation the copy is in, answered, or both. */
export type EscalatedFilter = 'open' | 'answered' | null;

/** A consolidated copy of a community's request handed to the street (its JSON as the street reads it). */
export interface EscalatedCopy {
  unitCode: string;
  unitName: string;
  json: string;
}

// The copy as the street reads it (a correction made here wins), and the partial index's own terms, spelt as it
// spells them so the planner takes it (consolidated_requests_street, migration 032).
const COPY = 'COALESCE(c.local_record, c.record)';
const FROM = `FROM consolidated_rows c JOIN consolidated_units u ON u.code = c.unit_code
  WHERE c.table_name = 'requests.requests' AND json_extract(${COPY}, '$.handlerKind') = 'street' AND c.removed_at IS NULL`;
const ANSWER = `(SELECT a.id FROM request_street_answers a WHERE a.unit_code = c.unit_code AND a.request_id = c.record_id
  AND a.round = json_extract(${COPY}, '$.reopened'))`;
const OPEN = `json_extract(${COPY}, '$.state') IN ('assigned', 'supervised')`;
const FILTER = `AND CASE ? WHEN 'open' THEN ${ANSWER} IS NULL AND ${OPEN} WHEN 'answered' THEN ${ANSWER} IS NOT NULL
  ELSE ${ANSWER} IS NOT NULL OR ${OPEN} END`;

/**
 * The copies of the requests communities handed up to the street — still being handled there, or answered for the
 * escalation they are in — by deadline, paged in SQL through the partial index of the copies handed to the street.
 */
export function listEscalatedCopies(db: Db, f: { filter: EscalatedFilter; offset: number; limit: number }): { rows: EscalatedCopy[]; total: number } {
  const rows = db.prepare(`SELECT c.unit_code AS unitCode, u.name AS unitName, ${COPY} AS json ${FROM} ${FILTER}
    ORDER BY json_extract(${COPY}, '$.dueOn'), c.unit_code, c.record_id LIMIT ? OFFSET ?`).all(f.filter, f.limit, f.offset) as EscalatedCopy[];
  const { total } = db.prepare(`SELECT COUNT(*) AS total ${FROM} ${FILTER}`).get(f.filter) as { total: number };
  return { rows, total };
}

/** The communities kept here, each with how many answers the street gave it (the answers package's choice). */
export const answerUnits = (db: Db): { code: string; name: string; answers: number }[] =>
  db.prepare(`SELECT u.code, u.name, (SELECT COUNT(*) FROM request_street_answers a WHERE a.unit_code = u.code) AS answers
    FROM consolidated_units u WHERE u.level = 'community' ORDER BY u.code`).all() as { code: string; name: string; answers: number }[];
