import { appendOnlySql } from '../ledger/append-only';
import type { Migration } from './types';

const stamps = `
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL`;

const STATES = `'reported', 'sorted', 'not_accepted', 'assigned', 'supervised', 'done', 'publicised', 'evaluated'`;
const SOURCES = `'visit', 'hotline', 'grid_round', 'suggestion_box', 'problem_wall', 'city_12345', 'other'`;
const HANDLERS = `'community', 'property_company', 'work_unit', 'volunteer_post', 'street'`;
const RATINGS = `'satisfied', 'mostly_satisfied', 'unsatisfied'`;

/** A building of the places register whose estate lies in the grid's community. */
const buildingOfGrid = (building: string, grid: string) => `
  (SELECT b.kind || ':' || e.parent_id FROM places b JOIN places e ON e.id = b.parent_id WHERE b.id = ${building})
    IS NOT 'building:' || (SELECT community_id FROM grids WHERE id = ${grid})`;

/**
 * 民呼必应 (issue 16, docs/requests.md): grids (网格) of buildings with their grid worker and party branch or group,
 * and the request ledger (诉求台账) — a request's current state in `requests`, every step of its cycle an
 * append-only row of `request_steps`.
 *
 * - A building is in at most one grid (`grid_buildings.building_id` is the key), of the grid's own community.
 * - A request's state facts are CHECKs: a category once sorted; a not-accepted one has its answer and reason; a
 *   request handed over has a handler and deadline; done has its day and result; publicised its day; evaluated its
 *   rating. The handler keeps the row and appends the step in one transaction; the steps allowed are data
 *   (main/api/requests/rules.ts).
 * - The overdue list across the street reads `requests_open_due` (being handled, by deadline).
 */
export const requests: Migration = {
  version: 15,
  name: 'requests',
  up(db) {
    db.exec(`
      CREATE TABLE grids (
        id           TEXT PRIMARY KEY,
        community_id TEXT NOT NULL REFERENCES places (id),
        name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
        worker_name  TEXT NOT NULL CHECK (length(worker_name) BETWEEN 1 AND 40),
        worker_phone TEXT,
        org_id       TEXT REFERENCES orgs (id),
        note         TEXT,
        ${stamps},
        UNIQUE (community_id, name)
      ) STRICT;

      CREATE TABLE grid_buildings (
        building_id TEXT PRIMARY KEY REFERENCES places (id),
        grid_id     TEXT NOT NULL REFERENCES grids (id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX grid_buildings_grid ON grid_buildings (grid_id);
      CREATE TRIGGER grid_buildings_place BEFORE INSERT ON grid_buildings
      WHEN ${buildingOfGrid('NEW.building_id', 'NEW.grid_id')}
      BEGIN SELECT RAISE(ABORT, '网格只能包含本社区的楼栋'); END;
      CREATE TRIGGER grids_community BEFORE UPDATE OF community_id ON grids
      WHEN EXISTS (SELECT 1 FROM grid_buildings WHERE grid_id = NEW.id) AND NEW.community_id IS NOT OLD.community_id
      BEGIN SELECT RAISE(ABORT, '网格已有楼栋，不能改到别的社区'); END;

      CREATE TABLE requests (
        id             TEXT PRIMARY KEY,
        reported_on    TEXT NOT NULL,
        source         TEXT NOT NULL CHECK (source IN (${SOURCES})),
        anonymous      INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
        reporter_name  TEXT,
        reporter_phone TEXT,
        place_id       TEXT NOT NULL REFERENCES places (id),
        grid_id        TEXT REFERENCES grids (id),
        content        TEXT NOT NULL CHECK (length(content) BETWEEN 1 AND 2000),
        state          TEXT NOT NULL CHECK (state IN (${STATES})),
        category       TEXT,
        urgency        TEXT CHECK (urgency IN ('normal', 'urgent')),
        answer         TEXT,
        reason         TEXT,
        handler_kind   TEXT CHECK (handler_kind IN (${HANDLERS})),
        handler_name   TEXT,
        due_on         TEXT,
        done_on        TEXT,
        result         TEXT,
        publicised_on  TEXT,
        rating         TEXT CHECK (rating IN (${RATINGS})),
        ${stamps},
        CHECK ((anonymous = 1) = (reporter_name IS NULL) AND (anonymous = 0 OR reporter_phone IS NULL)),
        CHECK ((state = 'reported') = (category IS NULL)),
        CHECK ((state = 'not_accepted') = (answer IS NOT NULL AND reason IS NOT NULL)),
        CHECK ((state IN ('assigned', 'supervised', 'done', 'publicised', 'evaluated')) = (handler_kind IS NOT NULL AND due_on IS NOT NULL)),
        CHECK ((state IN ('done', 'publicised', 'evaluated')) = (done_on IS NOT NULL AND result IS NOT NULL)),
        CHECK ((state IN ('publicised', 'evaluated')) = (publicised_on IS NOT NULL)),
        CHECK ((state = 'evaluated') = (rating IS NOT NULL))
      ) STRICT;
      CREATE INDEX requests_reported ON requests (reported_on, id);
      CREATE INDEX requests_state ON requests (state, reported_on);
      CREATE INDEX requests_grid ON requests (grid_id, reported_on);
      -- The street-wide overdue list and its count: requests being handled, by deadline.
      CREATE INDEX requests_open_due ON requests (due_on) WHERE state IN ('assigned', 'supervised');

      -- The history: one row per step, never changed (a wrong step is followed by a right one).
      CREATE TABLE request_steps (
        id            TEXT PRIMARY KEY,
        request_id    TEXT NOT NULL REFERENCES requests (id),
        seq           INTEGER NOT NULL CHECK (seq >= 1),
        from_state    TEXT CHECK (from_state IN (${STATES})),
        to_state      TEXT NOT NULL CHECK (to_state IN (${STATES})),
        on_day        TEXT NOT NULL,
        detail        TEXT NOT NULL CHECK (json_valid(detail)),
        note          TEXT,
        ${stamps},
        UNIQUE (request_id, seq),
        CHECK ((seq = 1) = (from_state IS NULL AND to_state = 'reported'))
      ) STRICT;
      ${appendOnlySql('request_steps', '诉求的办理记录只能追加，不能修改或删除')}
    `);
  },
};
