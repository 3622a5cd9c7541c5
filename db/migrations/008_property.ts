import type { Migration } from './types';

const stamps = `
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL`;

const PARTIES = `'party_org', 'residents_committee', 'owners_committee', 'property_company', 'department', 'other'`;

/**
 * Red property (红色物业), its core: property companies, the property profile of an estate (a place of kind
 * 'estate' — its name and households stay in `places`), service contracts with their periods, owners' committee
 * terms with members, and three-party joint meetings with resolutions and their deadline extensions.
 * Floor areas are integer hundredths of a square metre (12,345.67 m² = 1234567): exact sums, no floats.
 */
export const property: Migration = {
  version: 8,
  name: 'property',
  up(db) {
    db.exec(`
      CREATE TABLE property_companies (
        id             TEXT PRIMARY KEY,
        name           TEXT NOT NULL,
        name_pinyin    TEXT NOT NULL,
        name_initials  TEXT NOT NULL,
        credit_code    TEXT NOT NULL UNIQUE CHECK (length(credit_code) = 18),
        contact_person TEXT,
        contact_phone  TEXT,
        address        TEXT,
        party_org_form TEXT CHECK (party_org_form IN ('own', 'joint', 'sector')),
        party_members  INTEGER CHECK (party_members >= 0),
        note           TEXT,
        ${stamps}
      ) STRICT;
      CREATE INDEX property_companies_pinyin ON property_companies (name_pinyin);
      CREATE INDEX property_companies_initials ON property_companies (name_initials);

      CREATE TABLE property_estates (
        place_id              TEXT PRIMARY KEY REFERENCES places (id),
        management            TEXT NOT NULL CHECK (management IN ('company', 'self', 'abandoned')),
        floor_area_hundredths INTEGER CHECK (floor_area_hundredths >= 0),
        note                  TEXT,
        ${stamps}
      ) STRICT;
      -- A CHECK cannot look at another table: only places of kind 'estate' get a property profile.
      CREATE TRIGGER property_estates_are_estates BEFORE INSERT ON property_estates
      WHEN (SELECT kind FROM places WHERE id = NEW.place_id) IS NOT 'estate'
      BEGIN SELECT RAISE(ABORT, '物业档案只能建立在小区上'); END;

      CREATE TABLE property_contracts (
        id         TEXT PRIMARY KEY,
        estate_id  TEXT NOT NULL REFERENCES property_estates (place_id),
        company_id TEXT NOT NULL REFERENCES property_companies (id),
        starts_on  TEXT NOT NULL,
        ends_on    TEXT,
        note       TEXT,
        ${stamps},
        CHECK (ends_on IS NULL OR ends_on >= starts_on)
      ) STRICT;
      CREATE INDEX property_contracts_estate ON property_contracts (estate_id, starts_on);
      CREATE INDEX property_contracts_company ON property_contracts (company_id, starts_on);

      CREATE TABLE committee_terms (
        id               TEXT PRIMARY KEY,
        estate_id        TEXT NOT NULL REFERENCES property_estates (place_id),
        term_no          INTEGER NOT NULL CHECK (term_no BETWEEN 1 AND 99),
        elected_on       TEXT NOT NULL,
        starts_on        TEXT NOT NULL,
        ends_on          TEXT NOT NULL,
        filed_on         TEXT,
        first_meeting_on TEXT,
        note             TEXT,
        ${stamps},
        UNIQUE (estate_id, term_no),
        CHECK (starts_on >= elected_on),
        CHECK (ends_on > starts_on AND ends_on <= date(starts_on, '+5 years')),
        CHECK (filed_on IS NULL OR filed_on >= elected_on),
        CHECK (first_meeting_on IS NULL OR first_meeting_on >= elected_on)
      ) STRICT;
      CREATE INDEX committee_terms_estate ON committee_terms (estate_id, starts_on);
      -- Terms ending soon or past their end, across the street.
      CREATE INDEX committee_terms_ends ON committee_terms (ends_on);

      -- A party member from the register is referenced (name and party status live there, once); anyone else
      -- carries their own name.
      CREATE TABLE committee_members (
        id                     TEXT PRIMARY KEY,
        term_id                TEXT NOT NULL REFERENCES committee_terms (id) ON DELETE CASCADE,
        seq                    INTEGER NOT NULL,
        member_id              TEXT REFERENCES members (id),
        name                   TEXT,
        role                   TEXT NOT NULL CHECK (role IN ('chair', 'vice_chair', 'member')),
        is_party_member        INTEGER NOT NULL CHECK (is_party_member IN (0, 1)),
        on_residents_committee INTEGER NOT NULL DEFAULT 0 CHECK (on_residents_committee IN (0, 1)),
        CHECK ((member_id IS NULL) = (name IS NOT NULL)),
        CHECK (member_id IS NULL OR is_party_member = 1)
      ) STRICT;
      CREATE INDEX committee_members_term ON committee_members (term_id, seq);
      CREATE UNIQUE INDEX committee_members_member ON committee_members (term_id, member_id) WHERE member_id IS NOT NULL;
      CREATE INDEX committee_members_by_member ON committee_members (member_id) WHERE member_id IS NOT NULL;

      CREATE TABLE joint_meetings (
        id        TEXT PRIMARY KEY,
        estate_id TEXT NOT NULL REFERENCES property_estates (place_id),
        held_on   TEXT NOT NULL,
        convener  TEXT NOT NULL,
        place     TEXT,
        minutes   TEXT,
        ${stamps}
      ) STRICT;
      CREATE INDEX joint_meetings_estate ON joint_meetings (estate_id, held_on);
      CREATE INDEX joint_meetings_date ON joint_meetings (held_on);

      CREATE TABLE joint_meeting_attendees (
        id         TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES joint_meetings (id) ON DELETE CASCADE,
        seq        INTEGER NOT NULL,
        party      TEXT NOT NULL CHECK (party IN (${PARTIES})),
        name       TEXT NOT NULL,
        title      TEXT
      ) STRICT;
      CREATE INDEX joint_meeting_attendees_meeting ON joint_meeting_attendees (meeting_id, seq);

      CREATE TABLE joint_meeting_topics (
        id         TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES joint_meetings (id) ON DELETE CASCADE,
        seq        INTEGER NOT NULL,
        title      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX joint_meeting_topics_meeting ON joint_meeting_topics (meeting_id, seq);

      -- The status moves only open → in_progress → done | dropped (main/api/property/rules.ts); the CHECKs keep
      -- each state's own facts: done has its day, dropped its reason, only done ones are noticed and rated.
      CREATE TABLE joint_resolutions (
        id                 TEXT PRIMARY KEY,
        meeting_id         TEXT NOT NULL REFERENCES joint_meetings (id) ON DELETE CASCADE,
        seq                INTEGER NOT NULL,
        content            TEXT NOT NULL,
        responsible_party  TEXT NOT NULL CHECK (responsible_party IN (${PARTIES})),
        responsible_person TEXT,
        due_on             TEXT NOT NULL,
        status             TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
        done_on            TEXT,
        dropped_reason     TEXT,
        noticed_on         TEXT,
        rating             TEXT CHECK (rating IN ('satisfied', 'mostly_satisfied', 'unsatisfied')),
        ${stamps},
        CHECK ((status = 'done') = (done_on IS NOT NULL)),
        CHECK ((status = 'dropped') = (dropped_reason IS NOT NULL)),
        CHECK (noticed_on IS NULL OR (status = 'done' AND noticed_on >= done_on)),
        CHECK (rating IS NULL OR status = 'done')
      ) STRICT;
      CREATE INDEX joint_resolutions_meeting ON joint_resolutions (meeting_id, seq);
      -- The overdue list across the street: only unfinished resolutions, by deadline.
      CREATE INDEX joint_resolutions_unfinished ON joint_resolutions (due_on) WHERE status IN ('open', 'in_progress');

      -- Every extension keeps the deadline it replaced: the history of a resolution's promises.
      CREATE TABLE resolution_extensions (
        id            TEXT PRIMARY KEY,
        resolution_id TEXT NOT NULL REFERENCES joint_resolutions (id) ON DELETE CASCADE,
        old_due_on    TEXT NOT NULL,
        new_due_on    TEXT NOT NULL,
        reason        TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        operator      TEXT NOT NULL,
        CHECK (new_due_on > old_due_on)
      ) STRICT;
      CREATE INDEX resolution_extensions_resolution ON resolution_extensions (resolution_id, created_at);
    `);
  },
};
