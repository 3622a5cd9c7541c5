import { newId } from '../ids';
import { nowIso } from '../moment';
import { pinyinKeys } from '../pinyin';
import type { Migration } from './types';

const stamps = `
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL`;

/** The "8" of "8+x": a street renames them freely; `code` stays, so registers from several units still merge. */
export const STANDARD_POSTS: readonly [code: string, name: string][] = [
  ['policy', '政策科普宣传岗'],
  ['hygiene', '环境卫生维护岗'],
  ['persuasion', '文明劝导岗'],
  ['elderly', '关爱老人岗'],
  ['patrol', '安全巡逻岗'],
  ['mediation', '矛盾调解岗'],
  ['culture', '文体活动岗'],
  ['disabled', '助残服务岗'],
];

const SYSTEM = '系统初始化';

/**
 * Volunteers (a person: a party member by reference, or a resident with their own data), posts and assignments,
 * activities with participants' hours, the append-only points ledger with its maintained totals, versioned
 * points rules, honours and the redemption shop. Hours and points are integer tenths (2.5 h = 25).
 */
export const volunteer: Migration = {
  version: 6,
  name: 'volunteer',
  up(db) {
    db.exec(`
      CREATE TABLE volunteer_posts (
        id          TEXT PRIMARY KEY,
        kind        TEXT NOT NULL CHECK (kind IN ('standard', 'custom')),
        code        TEXT UNIQUE,
        org_id      TEXT REFERENCES orgs (id),
        name        TEXT NOT NULL,
        name_pinyin TEXT NOT NULL,
        description TEXT,
        seq         INTEGER NOT NULL DEFAULT 0,
        status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
        ${stamps},
        CHECK ((kind = 'standard') = (org_id IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX volunteer_posts_name ON volunteer_posts (COALESCE(org_id, ''), name);

      -- A member volunteers through their member record (name, ID, phone, address live there, once); a resident
      -- holds their own. name_pinyin, name_initials, org_id and active are kept equal to the member's by a trigger,
      -- so the register sorts, searches and scopes from this table's indexes alone.
      CREATE TABLE volunteers (
        id            TEXT PRIMARY KEY,
        member_id     TEXT UNIQUE REFERENCES members (id),
        name          TEXT,
        gender        TEXT CHECK (gender IN ('male', 'female')),
        id_number     TEXT,
        phone         TEXT,
        address       TEXT,
        name_pinyin   TEXT NOT NULL,
        name_initials TEXT NOT NULL,
        org_id        TEXT NOT NULL REFERENCES orgs (id),
        active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        team          TEXT,
        skills        TEXT,
        post_id       TEXT REFERENCES volunteer_posts (id),
        post_since    TEXT,
        registered_on TEXT NOT NULL,
        left_on       TEXT,
        note          TEXT,
        ${stamps},
        CHECK ((member_id IS NULL) = (name IS NOT NULL)),
        CHECK (member_id IS NULL OR (gender IS NULL AND id_number IS NULL AND phone IS NULL AND address IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX volunteers_id_number ON volunteers (id_number) WHERE id_number IS NOT NULL;
      CREATE INDEX volunteers_org ON volunteers (org_id, active, name_pinyin, id);
      CREATE INDEX volunteers_pinyin ON volunteers (active, name_pinyin, id);
      CREATE INDEX volunteers_name_pinyin ON volunteers (name_pinyin);
      CREATE INDEX volunteers_initials ON volunteers (name_initials);
      CREATE INDEX volunteers_name ON volunteers (name) WHERE name IS NOT NULL;
      CREATE INDEX volunteers_post ON volunteers (post_id, org_id);
      -- Residents by unit: the register's figures are volunteers (volunteers_org) less these and more.
      CREATE INDEX volunteers_residents ON volunteers (org_id, active) WHERE member_id IS NULL;
      -- Members holding a post, by unit: "who has no post" is members less these (db/volunteer/posts.ts).
      CREATE INDEX volunteers_member_posts ON volunteers (org_id)
        WHERE member_id IS NOT NULL AND post_id IS NOT NULL AND active = 1;

      CREATE TRIGGER volunteers_follow_member AFTER UPDATE OF name_pinyin, name_initials, org_id, lifecycle ON members
      BEGIN
        UPDATE volunteers
           SET name_pinyin = NEW.name_pinyin, name_initials = NEW.name_initials, org_id = NEW.org_id,
               active = (NEW.lifecycle = 'active')
         WHERE member_id = NEW.id;
      END;

      CREATE TABLE volunteer_activities (
        id               TEXT PRIMARY KEY,
        title            TEXT NOT NULL,
        post_id          TEXT REFERENCES volunteer_posts (id),
        on_date          TEXT NOT NULL,
        start_time       TEXT,
        end_time         TEXT,
        place            TEXT,
        organiser_org_id TEXT NOT NULL REFERENCES orgs (id),
        capacity         INTEGER CHECK (capacity IS NULL OR capacity > 0),
        description      TEXT,
        recorder_org_id  TEXT REFERENCES orgs (id),
        recorded_by      TEXT,
        recorded_at      TEXT,
        ${stamps}
      ) STRICT;
      CREATE INDEX volunteer_activities_date ON volunteer_activities (on_date, id);
      CREATE INDEX volunteer_activities_org ON volunteer_activities (organiser_org_id, on_date);

      CREATE TABLE activity_participants (
        id           TEXT PRIMARY KEY,
        activity_id  TEXT NOT NULL REFERENCES volunteer_activities (id) ON DELETE CASCADE,
        volunteer_id TEXT NOT NULL REFERENCES volunteers (id),
        signed_up    INTEGER NOT NULL DEFAULT 1 CHECK (signed_up IN (0, 1)),
        walk_in      INTEGER NOT NULL DEFAULT 0 CHECK (walk_in IN (0, 1)),
        attendance   TEXT NOT NULL DEFAULT 'pending' CHECK (attendance IN ('pending', 'present', 'absent')),
        hours_tenths INTEGER NOT NULL DEFAULT 0 CHECK (hours_tenths BETWEEN 0 AND 240),
        note         TEXT,
        seq          INTEGER NOT NULL,
        UNIQUE (activity_id, volunteer_id)
      ) STRICT;
      CREATE INDEX activity_participants_volunteer ON activity_participants (volunteer_id, activity_id);

      -- Versioned: a change is a new row from a date on; rows are never updated, so entries keep their rule.
      CREATE TABLE points_rules (
        id                    TEXT PRIMARY KEY,
        version               INTEGER NOT NULL UNIQUE,
        effective_from        TEXT NOT NULL,
        points_per_hour       INTEGER NOT NULL CHECK (points_per_hour BETWEEN 0 AND 1000),
        max_hours_per_activity INTEGER CHECK (max_hours_per_activity IS NULL OR max_hours_per_activity > 0),
        meeting_base_points   INTEGER NOT NULL CHECK (meeting_base_points BETWEEN 0 AND 1000),
        expiry                TEXT NOT NULL CHECK (expiry IN ('rollover', 'yearly')),
        note                  TEXT,
        created_at            TEXT NOT NULL,
        operator              TEXT NOT NULL
      ) STRICT;
      CREATE INDEX points_rules_effective ON points_rules (effective_from, version);

      -- The ledger. Append-only (the triggers below refuse UPDATE and DELETE); a wrong entry is cancelled by a
      -- reversal, which points at it (reverses_id, unique: once only) and carries its date, category and unit.
      CREATE TABLE points_entries (
        id           TEXT PRIMARY KEY,
        volunteer_id TEXT NOT NULL REFERENCES volunteers (id),
        org_id       TEXT NOT NULL REFERENCES orgs (id),
        on_date      TEXT NOT NULL,
        year         INTEGER NOT NULL,
        quarter      INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        category     TEXT NOT NULL CHECK (category IN ('base', 'service', 'contribution', 'redeem')),
        amount       INTEGER NOT NULL,
        hours_tenths INTEGER NOT NULL DEFAULT 0,
        reason       TEXT NOT NULL,
        source_kind  TEXT NOT NULL
                     CHECK (source_kind IN ('activity', 'meeting', 'donation', 'redemption', 'manual', 'opening')),
        source_id    TEXT,
        rule_id      TEXT REFERENCES points_rules (id),
        reverses_id  TEXT UNIQUE REFERENCES points_entries (id),
        operator     TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        CHECK (amount <> 0 OR hours_tenths <> 0),
        CHECK ((category = 'redeem') = (source_kind = 'redemption'))
      ) STRICT;
      CREATE INDEX points_entries_person ON points_entries (volunteer_id, on_date, id);
      CREATE INDEX points_entries_date ON points_entries (on_date, id);
      CREATE INDEX points_entries_org ON points_entries (org_id, on_date, id);
      CREATE INDEX points_entries_source ON points_entries (source_kind, source_id);
      CREATE TRIGGER points_entries_no_update BEFORE UPDATE ON points_entries
      BEGIN SELECT RAISE(ABORT, '积分台账只能追加，错误的记录请冲正'); END;
      CREATE TRIGGER points_entries_no_delete BEFORE DELETE ON points_entries
      BEGIN SELECT RAISE(ABORT, '积分台账只能追加，错误的记录请冲正'); END;

      -- Which rule was applied to an activity or a meeting; one live application per source (idempotent apply).
      CREATE TABLE points_applications (
        id          TEXT PRIMARY KEY,
        source_kind TEXT NOT NULL CHECK (source_kind IN ('activity', 'meeting')),
        source_id   TEXT NOT NULL,
        rule_id     TEXT NOT NULL REFERENCES points_rules (id),
        entries     INTEGER NOT NULL,
        applied_at  TEXT NOT NULL,
        operator    TEXT NOT NULL,
        reversed_at TEXT,
        reversed_by TEXT
      ) STRICT;
      CREATE UNIQUE INDEX points_applications_live ON points_applications (source_kind, source_id)
        WHERE reversed_at IS NULL;

      -- Maintained totals, changed in the same transaction as each entry (db/volunteer/ledger.ts):
      -- per person and year (quarter 0) and quarter, for balances and rankings; per unit and month, for a
      -- branch's or community's figures; per month, for the whole district's chart.
      CREATE TABLE points_totals (
        volunteer_id TEXT NOT NULL REFERENCES volunteers (id),
        year         INTEGER NOT NULL,
        quarter      INTEGER NOT NULL CHECK (quarter BETWEEN 0 AND 4),
        base         INTEGER NOT NULL DEFAULT 0,
        service      INTEGER NOT NULL DEFAULT 0,
        contribution INTEGER NOT NULL DEFAULT 0,
        redeemed     INTEGER NOT NULL DEFAULT 0,
        hours_tenths INTEGER NOT NULL DEFAULT 0,
        -- base + service + contribution, kept as a column (not a generated one) so the ranking index covers it.
        earned       INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (volunteer_id, year, quarter)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX points_totals_rank ON points_totals (year, quarter, earned DESC, volunteer_id);

      CREATE TABLE points_org_totals (
        org_id       TEXT NOT NULL REFERENCES orgs (id),
        year         INTEGER NOT NULL,
        month        INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
        base         INTEGER NOT NULL DEFAULT 0,
        service      INTEGER NOT NULL DEFAULT 0,
        contribution INTEGER NOT NULL DEFAULT 0,
        redeemed     INTEGER NOT NULL DEFAULT 0,
        hours_tenths INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (year, month, org_id)
      ) STRICT, WITHOUT ROWID;
      -- Clustered by period (a district's month is one range); a subtree's units find theirs by this index.
      CREATE INDEX points_org_totals_org ON points_org_totals (org_id, year, month);

      -- Everything, per month: the whole district's monthly figures without adding up every unit's.
      CREATE TABLE points_month_totals (
        year         INTEGER NOT NULL,
        month        INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
        base         INTEGER NOT NULL DEFAULT 0,
        service      INTEGER NOT NULL DEFAULT 0,
        contribution INTEGER NOT NULL DEFAULT 0,
        redeemed     INTEGER NOT NULL DEFAULT 0,
        hours_tenths INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (year, month)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE volunteer_honours (
        id           TEXT PRIMARY KEY,
        volunteer_id TEXT NOT NULL REFERENCES volunteers (id),
        title        TEXT NOT NULL CHECK (title IN ('vanguard', 'star', 'excellent')),
        year         INTEGER NOT NULL,
        quarter      INTEGER CHECK (quarter IS NULL OR quarter BETWEEN 1 AND 4),
        org_id       TEXT NOT NULL REFERENCES orgs (id),
        awarded_on   TEXT NOT NULL,
        points       INTEGER,
        note         TEXT,
        ${stamps}
      ) STRICT;
      CREATE UNIQUE INDEX volunteer_honours_once ON volunteer_honours (volunteer_id, title, year, COALESCE(quarter, 0));
      CREATE INDEX volunteer_honours_period ON volunteer_honours (year, quarter);

      CREATE TABLE redemption_items (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE,
        name_pinyin TEXT NOT NULL,
        price       INTEGER NOT NULL CHECK (price > 0),
        stock       INTEGER NOT NULL CHECK (stock >= 0),
        unit        TEXT NOT NULL DEFAULT '件',
        description TEXT,
        status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
        ${stamps}
      ) STRICT;

      CREATE TABLE redemptions (
        id           TEXT PRIMARY KEY,
        item_id      TEXT NOT NULL REFERENCES redemption_items (id),
        volunteer_id TEXT NOT NULL REFERENCES volunteers (id),
        quantity     INTEGER NOT NULL CHECK (quantity > 0),
        points       INTEGER NOT NULL CHECK (points > 0),
        entry_id     TEXT NOT NULL UNIQUE REFERENCES points_entries (id),
        on_date      TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        operator     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX redemptions_item ON redemptions (item_id, on_date);
      CREATE INDEX redemptions_person ON redemptions (volunteer_id, on_date);
    `);

    const at = nowIso();
    const post = db.prepare(
      `INSERT INTO volunteer_posts (id, kind, code, name, name_pinyin, seq, created_at, updated_at, operator)
       VALUES (?, 'standard', ?, ?, ?, ?, ?, ?, ?)`,
    );
    STANDARD_POSTS.forEach(([code, name], i) => post.run(newId(), code, name, pinyinKeys(name, false).sort, i + 1, at, at, SYSTEM));
    // The common default (1 hour = 1 point, no cap, 1 point a meeting, points kept); each place sets its own.
    db.prepare(
      `INSERT INTO points_rules (id, version, effective_from, points_per_hour, max_hours_per_activity,
                                 meeting_base_points, expiry, note, created_at, operator)
       VALUES (?, 1, '2000-01-01', 10, NULL, 10, 'rollover', '默认规则', ?, ?)`,
    ).run(newId(), at, SYSTEM);
  },
};
