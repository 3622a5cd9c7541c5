import type { Migration } from './types';

/**
 * 民呼必应, second part (issue 16, docs/requests.md):
 *
 * - `requests.reopened`: how often a request was handed over again after a 不满意 rating (重新交办). The row clears
 *   its result, 公示 and rating when reopened; the steps keep them.
 * - 红色小管家: party members of the register who look after buildings (亮身份). `stewards` is one row per member
 *   (their duty, and whether they agreed that the public card shows their full phone — otherwise it is masked);
 *   `steward_buildings` the buildings each looks after, places of kind building only (trigger).
 */
export const requestsStewards: Migration = {
  version: 16,
  name: 'requests_stewards',
  up(db) {
    db.exec(`
      ALTER TABLE requests ADD COLUMN reopened INTEGER NOT NULL DEFAULT 0 CHECK (reopened >= 0);

      CREATE TABLE stewards (
        id           TEXT PRIMARY KEY,
        member_id    TEXT NOT NULL UNIQUE REFERENCES members (id),
        duty         TEXT CHECK (duty IS NULL OR length(duty) BETWEEN 1 AND 40),
        phone_public INTEGER NOT NULL DEFAULT 0 CHECK (phone_public IN (0, 1)),
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        operator     TEXT NOT NULL
      ) STRICT;

      CREATE TABLE steward_buildings (
        steward_id  TEXT NOT NULL REFERENCES stewards (id) ON DELETE CASCADE,
        building_id TEXT NOT NULL REFERENCES places (id),
        PRIMARY KEY (steward_id, building_id)
      ) STRICT, WITHOUT ROWID;
      -- A building's card lists its stewards.
      CREATE INDEX steward_buildings_building ON steward_buildings (building_id);
      CREATE TRIGGER steward_buildings_kind BEFORE INSERT ON steward_buildings
      WHEN (SELECT kind FROM places WHERE id = NEW.building_id) IS NOT 'building'
      BEGIN SELECT RAISE(ABORT, '红色小管家只能联系楼栋'); END;
    `);
  },
};
