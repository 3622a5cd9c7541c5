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
