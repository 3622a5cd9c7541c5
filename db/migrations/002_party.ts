import type { Migration } from './types';

const stamps = `
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL`;

/** Places, the organisation tree, the member register, meetings and star ratings. */
export const party: Migration = {
  version: 2,
  name: 'party',
  up(db) {
    db.exec(`
      CREATE TABLE places (
        id         TEXT PRIMARY KEY,
        kind       TEXT NOT NULL CHECK (kind IN ('community', 'estate', 'building')),
        parent_id  TEXT REFERENCES places (id),
        name       TEXT NOT NULL,
        code       TEXT,
        unit_count INTEGER CHECK (unit_count IS NULL OR unit_count BETWEEN 1 AND 99),
        households INTEGER CHECK (households IS NULL OR households >= 0),
        note       TEXT,
        ${stamps},
        CHECK ((kind = 'community') = (parent_id IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX places_sibling_name ON places (COALESCE(parent_id, ''), name);
      CREATE INDEX places_parent ON places (parent_id);

      CREATE TABLE orgs (
        id             TEXT PRIMARY KEY,
        parent_id      TEXT REFERENCES orgs (id),
        level          TEXT NOT NULL
                       CHECK (level IN ('street_committee', 'community_committee', 'branch', 'group')),
        kind           TEXT NOT NULL,
        name           TEXT NOT NULL,
        name_pinyin    TEXT NOT NULL,
        place_id       TEXT REFERENCES places (id),
        path           TEXT NOT NULL UNIQUE,
        established_on TEXT,
        status         TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'dissolved')),
        dissolved_on   TEXT,
        ${stamps}
      ) STRICT;
      CREATE INDEX orgs_parent ON orgs (parent_id, name_pinyin);
      CREATE INDEX orgs_level ON orgs (level, status);

      CREATE TABLE members (
        id                  TEXT PRIMARY KEY,
        name                TEXT NOT NULL,
        name_pinyin         TEXT NOT NULL,
        name_initials       TEXT NOT NULL,
        gender              TEXT NOT NULL CHECK (gender IN ('male', 'female')),
        ethnicity           TEXT,
        education           TEXT,
        birth_date          TEXT,
        id_number           TEXT,
        phone               TEXT,
        joined_on           TEXT NOT NULL,
        full_on             TEXT,
        status              TEXT NOT NULL CHECK (status IN ('full', 'probationary')),
        category            TEXT NOT NULL CHECK (category IN ('community', 'in_service', 'migrant')),
        work_unit           TEXT,
        reported_on         TEXT,
        org_id              TEXT NOT NULL REFERENCES orgs (id),
        building_id         TEXT REFERENCES places (id),
        address             TEXT,
        role                TEXT CHECK (role IN ('secretary', 'deputy_secretary', 'committee', 'group_leader')),
        is_centre_household INTEGER NOT NULL DEFAULT 0 CHECK (is_centre_household IN (0, 1)),
        lifecycle           TEXT NOT NULL DEFAULT 'active'
                            CHECK (lifecycle IN ('active', 'transferred_out', 'deceased')),
        left_on             TEXT,
        left_to             TEXT,
        transferred_in_on   TEXT,
        transferred_from    TEXT,
        note                TEXT,
        ${stamps}
      ) STRICT;
      CREATE UNIQUE INDEX members_id_number ON members (id_number) WHERE id_number IS NOT NULL;
      CREATE INDEX members_org ON members (org_id, lifecycle, name_pinyin);
      CREATE INDEX members_pinyin ON members (lifecycle, name_pinyin);
      CREATE INDEX members_initials ON members (name_initials);
      CREATE INDEX members_name ON members (name);
      CREATE INDEX members_probation ON members (status, joined_on) WHERE status = 'probationary';

      CREATE TABLE member_events (
        id         TEXT PRIMARY KEY,
        member_id  TEXT NOT NULL REFERENCES members (id),
        kind       TEXT NOT NULL,
        on_date    TEXT NOT NULL,
        detail     TEXT NOT NULL,
        operator   TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX member_events_member ON member_events (member_id, on_date);

      CREATE TABLE served_households (
        id         TEXT PRIMARY KEY,
        member_id  TEXT NOT NULL REFERENCES members (id),
        household  TEXT NOT NULL,
        head_name  TEXT,
        note       TEXT,
        ${stamps}
      ) STRICT;
      CREATE INDEX served_households_member ON served_households (member_id);

      CREATE TABLE meetings (
        id         TEXT PRIMARY KEY,
        org_id     TEXT NOT NULL REFERENCES orgs (id),
        type       TEXT NOT NULL CHECK (type IN ('general', 'committee', 'group', 'lecture', 'theme_day')),
        held_on    TEXT NOT NULL,
        start_time TEXT,
        topic      TEXT NOT NULL,
        place      TEXT,
        host       TEXT,
        recorder   TEXT,
        minutes    TEXT,
        ${stamps}
      ) STRICT;
      CREATE INDEX meetings_org ON meetings (org_id, held_on);
      CREATE INDEX meetings_date ON meetings (held_on, type, org_id);

      CREATE TABLE meeting_attendance (
        id         TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        member_id  TEXT REFERENCES members (id),
        name       TEXT NOT NULL,
        status     TEXT NOT NULL CHECK (status IN ('present', 'absent', 'leave', 'guest')),
        reason     TEXT,
        seq        INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX meeting_attendance_member ON meeting_attendance (meeting_id, member_id)
        WHERE member_id IS NOT NULL;
      CREATE INDEX meeting_attendance_meeting ON meeting_attendance (meeting_id, seq);
      CREATE INDEX meeting_attendance_by_member ON meeting_attendance (member_id);

      CREATE TABLE meeting_resolutions (
        id         TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        seq        INTEGER NOT NULL,
        content    TEXT NOT NULL,
        owner      TEXT,
        due_on     TEXT,
        status     TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
        done_on    TEXT
      ) STRICT;
      CREATE INDEX meeting_resolutions_meeting ON meeting_resolutions (meeting_id, seq);
      CREATE INDEX meeting_resolutions_open ON meeting_resolutions (status, due_on);

      CREATE TABLE branch_ratings (
        id       TEXT PRIMARY KEY,
        org_id   TEXT NOT NULL REFERENCES orgs (id),
        year     INTEGER NOT NULL,
        stars    INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
        reasons  TEXT NOT NULL,
        rated_on TEXT NOT NULL,
        ${stamps},
        UNIQUE (org_id, year)
      ) STRICT;
    `);
  },
};
