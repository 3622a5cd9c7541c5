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
 * Answered here for the escalation the copy is in, but handed elsewhere by the community since (its handler is no
 * longer the street, so the partial index does not hold it): read from the street's own answers, which are few,
 * each finding its copy by key — CROSS JOIN keeps the answers the outer loop (the planner otherwise scans every
 * copy on a file without statistics).
 */
const DIVERTED = `FROM request_street_answers a
  CROSS JOIN consolidated_rows c ON c.unit_code = a.unit_code AND c.table_name = 'requests.requests' AND c.record_id = a.request_id
  JOIN consolidated_units u ON u.code = c.unit_code
  WHERE ? IS NOT 'open' AND c.removed_at IS NULL AND a.round = json_extract(${COPY}, '$.reopened')
    AND json_extract(${COPY}, '$.handlerKind') IS NOT 'street'`;

/**
 * The copies of the requests communities handed up to the street — still being handled there, or answered for the
 * escalation they are in, whether the community used the answer or handed the request elsewhere meanwhile — by
 * deadline, paged in SQL: the copies handed to the street through their partial index, the diverted ones through
 * the answers.
 */
export function listEscalatedCopies(db: Db, f: { filter: EscalatedFilter; offset: number; limit: number }): { rows: EscalatedCopy[]; total: number } {
  const rows = db.prepare(`SELECT unitCode, unitName, json FROM (
      SELECT c.unit_code AS unitCode, u.name AS unitName, c.record_id AS recordId, ${COPY} AS json ${FROM} ${FILTER}
      UNION ALL SELECT c.unit_code, u.name, c.record_id, ${COPY} ${DIVERTED})
    ORDER BY json_extract(json, '$.dueOn'), unitCode, recordId LIMIT ? OFFSET ?`).all(f.filter, f.filter, f.limit, f.offset) as EscalatedCopy[];
  const { total } = db.prepare(`SELECT (SELECT COUNT(*) ${FROM} ${FILTER}) + (SELECT COUNT(*) ${DIVERTED}) AS total`).get(f.filter, f.filter) as { total: number };
  return { rows, total };
}

/** The communities kept here, each with how many answers the street gave it (the answers package's choice). */
export const answerUnits = (db: Db): { code: string; name: string; answers: number }[] =>
  db.prepare(`SELECT u.code, u.name, (SELECT COUNT(*) FROM request_street_answers a WHERE a.unit_code = u.code) AS answers
    FROM consolidated_units u WHERE u.level = 'community' ORDER BY u.code`).all() as { code: string; name: string; answers: number }[];
