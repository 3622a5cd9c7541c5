import { appendOnlySql } from '../ledger/append-only';
import type { Migration } from './types';

/**
 * 重点关爱户 (issue 16, docs/requests.md: 分类分色管理): households of special care — an elderly person living alone, a
 * disabled resident, a family in hardship, a child left behind — at an address under a building of the places
 * register, with their category and colour level (red: 重点, yellow, green), and the party member paired with them
 * (党员一对一 / 结对帮扶). `care_visits` logs each visit (day, who, what, the follow-up) and is **append-only**: a wrong
 * entry is corrected by a new one naming it (`corrects_id`, once each), so what was first written stays readable.
 *
 * Name, phone and ID number are personal data: every answer masks them; a reviewer's reveal is audited with its
 * reason. A household no longer cared for is closed with the day and the reason, never deleted (its visits stay).
 *
 * `requests_done`: 日登记 and 周汇总 read the requests closed in or after their days through it (db/requests/export.ts
 * `requestsAround`), beside requests_reported and requests_state, instead of the whole ledger.
 */
export const requestsCare: Migration = {
  version: 28,
  name: 'requests_care',
  up(db) {
    db.exec(`
      CREATE TABLE care_households (
        id            TEXT PRIMARY KEY,
        building_id   TEXT NOT NULL REFERENCES places (id),
        room          TEXT CHECK (room IS NULL OR length(room) BETWEEN 1 AND 40),
        category      TEXT NOT NULL CHECK (length(category) BETWEEN 1 AND 40),
        colour        TEXT NOT NULL CHECK (colour IN ('red', 'yellow', 'green')),
        person_name   TEXT NOT NULL CHECK (length(person_name) BETWEEN 1 AND 40),
        person_phone  TEXT,
        id_number     TEXT,
        situation     TEXT CHECK (situation IS NULL OR length(situation) <= 500),
        member_id     TEXT REFERENCES members (id),
        registered_on TEXT NOT NULL,
        closed_on     TEXT,
        closed_reason TEXT CHECK (closed_reason IS NULL OR length(closed_reason) BETWEEN 1 AND 200),
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        operator      TEXT NOT NULL,
        CHECK ((closed_on IS NULL) = (closed_reason IS NULL))
      ) STRICT;
      CREATE INDEX care_households_building ON care_households (building_id);
      CREATE INDEX care_households_member ON care_households (member_id) WHERE member_id IS NOT NULL;
      CREATE TRIGGER care_households_kind BEFORE INSERT ON care_households
      WHEN (SELECT kind FROM places WHERE id = NEW.building_id) IS NOT 'building'
      BEGIN SELECT RAISE(ABORT, '重点关爱户只能登记在楼栋下'); END;
      CREATE TRIGGER care_households_kind_update BEFORE UPDATE OF building_id ON care_households
      WHEN (SELECT kind FROM places WHERE id = NEW.building_id) IS NOT 'building'
      BEGIN SELECT RAISE(ABORT, '重点关爱户只能登记在楼栋下'); END;

      CREATE TABLE care_visits (
        id                TEXT PRIMARY KEY,
        household_id      TEXT NOT NULL REFERENCES care_households (id),
        visited_on        TEXT NOT NULL,
        visitor_member_id TEXT REFERENCES members (id),
        visitor_name      TEXT NOT NULL CHECK (length(visitor_name) BETWEEN 1 AND 40),
        content           TEXT NOT NULL CHECK (length(content) BETWEEN 1 AND 1000),
        follow_up         TEXT CHECK (follow_up IS NULL OR length(follow_up) <= 500),
        corrects_id       TEXT UNIQUE REFERENCES care_visits (id),
        correction_reason TEXT CHECK (correction_reason IS NULL OR length(correction_reason) BETWEEN 1 AND 200),
        created_at        TEXT NOT NULL,
        operator          TEXT NOT NULL,
        CHECK ((corrects_id IS NULL) = (correction_reason IS NULL))
      ) STRICT;
      -- A household's visits by day, and its last one (the 今日待办 count reads MAX(visited_on) through it).
      CREATE INDEX care_visits_household ON care_visits (household_id, visited_on);
      ${appendOnlySql('care_visits', '走访记录不能修改或删除，请新增一条更正记录')}

      CREATE INDEX requests_done ON requests (done_on) WHERE done_on IS NOT NULL;
    `);
  },
};
