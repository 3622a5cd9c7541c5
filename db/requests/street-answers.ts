import type { Db } from '../open';
import { newId } from '../ids';
import { nowIso } from '../moment';
import type { StreetAnswerRow } from './types';
export type { StreetAnswerRow } from './types';

const SELECT = `SELECT id, unit_code AS unitCode, request_id AS requestId, measures, answered_by AS answeredBy,
  answered_on AS answeredOn, created_at AS createdAt, operator FROM request_street_answers`;

export const getStreetAnswer = (db: Db, unitCode: string, requestId: string): StreetAnswerRow | undefined =>
  db.prepare(`${SELECT} WHERE unit_code = ? AND request_id = ?`).get(unitCode, requestId) as StreetAnswerRow | undefined;

/** One community's answers (or every one), oldest first: the answers package carries them all, applying one twice changes nothing. */
export const listStreetAnswers = (db: Db, unitCode: string | null): StreetAnswerRow[] =>
  db.prepare(`${SELECT} WHERE ? IS NULL OR unit_code = ? ORDER BY answered_on, created_at, id`).all(unitCode, unitCode) as StreetAnswerRow[];

export function insertStreetAnswer(db: Db, a: Pick<StreetAnswerRow, 'unitCode' | 'requestId' | 'measures' | 'answeredBy' | 'answeredOn'>, operator: string): StreetAnswerRow {
  const id = newId();
  db.prepare(`INSERT INTO request_street_answers (id, unit_code, request_id, measures, answered_by, answered_on, created_at, operator)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(id, a.unitCode, a.requestId, a.measures, a.answeredBy, a.answeredOn, nowIso(), operator);
  return getStreetAnswer(db, a.unitCode, a.requestId)!;
}
