import type { Migration } from './types';

/**
 * 街道受理, one answer per escalation: a request reopened after 不满意 and handed up to the street again is a new
 * escalation the street must be able to answer (030 allowed one answer per request). An answer now belongs to the
 * round it answered — the request's 重新交办次数 (`reopened`) when the street answered, 0 the first time — so the
 * community applies it to that round only, and the street keeps every answer. The table is rebuilt for its new key.
 * An answer on file takes the round of the copy it answered (as the consolidated copy holds it now: the copy only
 * changes round by a later package after the community reopened it, which an unanswered escalation does not do).
 * With them, the index 街道受理's paged list reads.
 */
export const requestsAnswerRounds: Migration = {
  version: 32,
  name: 'requests_answer_rounds',
  up(db) {
    // 街道受理's list pages in SQL over the copies handed to the street, by deadline (listEscalatedCopies): a
    // street keeps every request of every community, and only a few were ever handed up to it.
    db.exec(`
      CREATE INDEX IF NOT EXISTS consolidated_requests_street ON consolidated_rows
        (json_extract(COALESCE(local_record, record), '$.dueOn'), unit_code, record_id)
        WHERE table_name = 'requests.requests' AND json_extract(COALESCE(local_record, record), '$.handlerKind') = 'street';
    `);
    const columns = db.prepare(`SELECT name FROM pragma_table_info('request_street_answers')`).pluck().all() as string[];
    if (columns.includes('round')) return;
    // Renamed aside first, so the new table is created under its own name (its trigger goes with the old one).
    db.exec(`
      ALTER TABLE request_street_answers RENAME TO request_street_answers_030;
      CREATE TABLE request_street_answers (
        id          TEXT PRIMARY KEY,
        unit_code   TEXT NOT NULL,
        request_id  TEXT NOT NULL,
        round       INTEGER NOT NULL CHECK (round >= 0),
        measures    TEXT NOT NULL CHECK (length(measures) > 0),
        answered_by TEXT NOT NULL CHECK (length(answered_by) > 0),
        answered_on TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        operator    TEXT NOT NULL,
        UNIQUE (unit_code, request_id, round)
      ) STRICT;
      INSERT INTO request_street_answers (id, unit_code, request_id, round, measures, answered_by, answered_on, created_at, operator)
        SELECT a.id, a.unit_code, a.request_id,
          COALESCE((SELECT json_extract(COALESCE(c.local_record, c.record), '$.reopened') FROM consolidated_rows c
            WHERE c.unit_code = a.unit_code AND c.table_name = 'requests.requests' AND c.record_id = a.request_id), 0),
          a.measures, a.answered_by, a.answered_on, a.created_at, a.operator
        FROM request_street_answers_030 a;
      DROP TABLE request_street_answers_030;
      CREATE TRIGGER request_street_answers_no_update BEFORE UPDATE ON request_street_answers
      BEGIN SELECT RAISE(ABORT, '街道答复已发出，不能修改'); END;
    `);
  },
};
