import type { Migration } from './types';

/**
 * 街道受理: a street's answers to the requests its communities handed up (handler_kind 'street'). The request
 * itself stays the community's (the street holds only the consolidated copy, which the next package overwrites),
 * so the answer is a row of the street's own, one per community request, sent down in an answers package
 * (docs/requests.md, "The street-escalation round trip"). Never edited: the community applies what it received.
 */
export const requestsStreetAnswers: Migration = {
  version: 30,
  name: 'requests_street_answers',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS request_street_answers (
        id          TEXT PRIMARY KEY,
        unit_code   TEXT NOT NULL,
        request_id  TEXT NOT NULL,
        measures    TEXT NOT NULL CHECK (length(measures) > 0),
        answered_by TEXT NOT NULL CHECK (length(answered_by) > 0),
        answered_on TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        operator    TEXT NOT NULL,
        UNIQUE (unit_code, request_id)
      ) STRICT;
      CREATE TRIGGER IF NOT EXISTS request_street_answers_no_update BEFORE UPDATE ON request_street_answers
      BEGIN SELECT RAISE(ABORT, '街道答复已发出，不能修改'); END;
    `);
  },
};
