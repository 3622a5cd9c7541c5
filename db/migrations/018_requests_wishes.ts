import type { Migration } from './types';

/**
 * 微心愿 and the needs list (issue 16, docs/requests.md): a community publishes a resident's small wish (微心愿) or
 * one of its own needs (需求清单); an 在职党员 of the register (双报到) or a work unit claims it and fulfils it. When a
 * member fulfils it, the hours served can go to the volunteer ledger: the fulfilment is then recorded as a volunteer
 * activity of the community (`activity_id`) and credited through the activity's one path, so the hours appear in the
 * activities register and the ledger like any other service.
 *
 * A wish's state facts are CHECKs: claimed and fulfilled ones have who claimed and when; a fulfilled one its day and
 * what was done; a withdrawn one its reason; only a need has no resident behind it; hours and the activity belong to a
 * fulfilled wish only.
 */
export const requestsWishes: Migration = {
  version: 18,
  name: 'requests_wishes',
  up(db) {
    db.exec(`
      CREATE TABLE wishes (
        id                TEXT PRIMARY KEY,
        kind              TEXT NOT NULL CHECK (kind IN ('wish', 'need')),
        place_id          TEXT NOT NULL REFERENCES places (id),
        title             TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 60),
        detail            TEXT CHECK (detail IS NULL OR length(detail) <= 1000),
        wisher_name       TEXT CHECK (wisher_name IS NULL OR length(wisher_name) BETWEEN 1 AND 40),
        wisher_phone      TEXT,
        published_on      TEXT NOT NULL,
        state             TEXT NOT NULL CHECK (state IN ('open', 'claimed', 'fulfilled', 'withdrawn')),
        claimer_member_id TEXT REFERENCES members (id),
        claimer_unit      TEXT CHECK (claimer_unit IS NULL OR length(claimer_unit) BETWEEN 1 AND 100),
        claimed_on        TEXT,
        fulfilled_on      TEXT,
        result            TEXT CHECK (result IS NULL OR length(result) BETWEEN 1 AND 1000),
        hours_tenths      INTEGER CHECK (hours_tenths IS NULL OR hours_tenths BETWEEN 1 AND 240),
        activity_id       TEXT REFERENCES volunteer_activities (id),
        withdrawn_reason  TEXT,
        created_at        TEXT NOT NULL,
        updated_at        TEXT NOT NULL,
        operator          TEXT NOT NULL,
        CHECK ((kind = 'wish') = (wisher_name IS NOT NULL) AND (kind = 'wish' OR wisher_phone IS NULL)),
        CHECK ((state IN ('claimed', 'fulfilled')) = (claimed_on IS NOT NULL)),
        CHECK (claimed_on IS NULL OR claimer_member_id IS NOT NULL OR claimer_unit IS NOT NULL),
        CHECK ((state = 'fulfilled') = (fulfilled_on IS NOT NULL AND result IS NOT NULL)),
        CHECK ((state = 'withdrawn') = (withdrawn_reason IS NOT NULL)),
        CHECK (state = 'fulfilled' OR (hours_tenths IS NULL AND activity_id IS NULL)),
        CHECK (activity_id IS NULL OR (hours_tenths IS NOT NULL AND claimer_member_id IS NOT NULL))
      ) STRICT;
      CREATE INDEX wishes_state ON wishes (state, published_on);
      CREATE INDEX wishes_published ON wishes (published_on, id);
      CREATE INDEX wishes_claimer ON wishes (claimer_member_id) WHERE claimer_member_id IS NOT NULL;
    `);
  },
};
