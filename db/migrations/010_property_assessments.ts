import type { Migration } from './types';

const stamps = `
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL`;

const BODIES = `'street', 'residents_committee', 'housing_bureau', 'owners_committee', 'third_party'`;

/**
 * Red property, part 3: service-quality assessments (物业服务质量考评) and the red and black list (红黑榜).
 * Points are integer tenths (7.5 points = 75), rates integer tenths of a percent (95.5% = 955): exact sums.
 *
 * - A score-sheet template is one version of a lineage; a published version is frozen by trigger (its categories
 *   and items too), so an assessment scored with it always reads the sheet it was scored on.
 * - An assessment (period × estate × company) has one sheet per assessor body; each item's score is stored with its
 *   standard beside it, and a CHECK keeps it between 0 and that standard.
 * - A published list is a frozen snapshot (rule, entries, who, when); a correction is a later revision marked 更正
 *   with a reason. Triggers make the table append-only.
 */
export const propertyAssessments: Migration = {
  version: 10,
  name: 'property_assessments',
  up(db) {
    db.exec(`
      CREATE TABLE assessment_templates (
        id           TEXT PRIMARY KEY,
        -- The first version's id: every version of one sheet shares it.
        lineage_id   TEXT NOT NULL,
        version      INTEGER NOT NULL CHECK (version >= 1),
        name         TEXT NOT NULL,
        total_tenths INTEGER NOT NULL CHECK (total_tenths > 0),
        status       TEXT NOT NULL CHECK (status IN ('draft', 'published')),
        published_at TEXT,
        note         TEXT,
        ${stamps},
        UNIQUE (lineage_id, version),
        CHECK ((status = 'published') = (published_at IS NOT NULL))
      ) STRICT;
      -- One draft at a time per sheet: the next version is edited in one place.
      CREATE UNIQUE INDEX assessment_templates_one_draft ON assessment_templates (lineage_id) WHERE status = 'draft';
      CREATE TRIGGER assessment_templates_frozen BEFORE UPDATE ON assessment_templates
      WHEN OLD.status = 'published'
      BEGIN SELECT RAISE(ABORT, '已发布的考评表不能修改，请建立新版本'); END;
      CREATE TRIGGER assessment_templates_kept BEFORE DELETE ON assessment_templates
      WHEN OLD.status = 'published'
      BEGIN SELECT RAISE(ABORT, '已发布的考评表不能删除'); END;

      CREATE TABLE assessment_categories (
        id           TEXT PRIMARY KEY,
        template_id  TEXT NOT NULL REFERENCES assessment_templates (id) ON DELETE CASCADE,
        seq          INTEGER NOT NULL,
        name         TEXT NOT NULL,
        points_tenths INTEGER NOT NULL CHECK (points_tenths >= 0),
        UNIQUE (template_id, seq)
      ) STRICT;

      -- binary: 符合 full / 不符合 0. deduction: per_finding off for each finding, never below 0.
      -- band: full at a rate ≥ band_full, band_part_tenths at ≥ band_part, else 0. veto: no points; 一票否决.
      CREATE TABLE assessment_items (
        id                TEXT PRIMARY KEY,
        template_id       TEXT NOT NULL REFERENCES assessment_templates (id) ON DELETE CASCADE,
        category_id       TEXT NOT NULL REFERENCES assessment_categories (id) ON DELETE CASCADE,
        seq               INTEGER NOT NULL,
        content           TEXT NOT NULL,
        method            TEXT NOT NULL CHECK (method IN ('binary', 'deduction', 'band', 'veto')),
        points_tenths     INTEGER NOT NULL CHECK (points_tenths >= 0),
        per_finding_tenths INTEGER,
        band_full_permille INTEGER,
        band_part_permille INTEGER,
        band_part_tenths  INTEGER,
        rate_kind         TEXT CHECK (rate_kind IN ('collection', 'satisfaction', 'other')),
        guidance          TEXT,
        UNIQUE (template_id, seq),
        CHECK ((method = 'deduction') = (per_finding_tenths IS NOT NULL)),
        CHECK (per_finding_tenths IS NULL OR per_finding_tenths BETWEEN 1 AND points_tenths),
        CHECK ((method = 'band') = (band_full_permille IS NOT NULL AND band_part_permille IS NOT NULL
                                    AND band_part_tenths IS NOT NULL AND rate_kind IS NOT NULL)),
        CHECK (band_full_permille IS NULL OR (band_part_permille BETWEEN 0 AND band_full_permille AND band_full_permille <= 1000)),
        CHECK (band_part_tenths IS NULL OR band_part_tenths BETWEEN 0 AND points_tenths),
        CHECK (method <> 'veto' OR points_tenths = 0)
      ) STRICT;
      CREATE INDEX assessment_items_category ON assessment_items (category_id, seq);

      -- Categories and items of a published version cannot change: what was scored stays what was printed.
      CREATE TRIGGER assessment_categories_frozen_ins BEFORE INSERT ON assessment_categories
      WHEN (SELECT status FROM assessment_templates WHERE id = NEW.template_id) = 'published'
      BEGIN SELECT RAISE(ABORT, '已发布的考评表不能修改，请建立新版本'); END;
      CREATE TRIGGER assessment_categories_frozen_upd BEFORE UPDATE ON assessment_categories
      WHEN (SELECT status FROM assessment_templates WHERE id = OLD.template_id) = 'published'
      BEGIN SELECT RAISE(ABORT, '已发布的考评表不能修改，请建立新版本'); END;
      CREATE TRIGGER assessment_categories_frozen_del BEFORE DELETE ON assessment_categories
      WHEN (SELECT status FROM assessment_templates WHERE id = OLD.template_id) = 'published'
      BEGIN SELECT RAISE(ABORT, '已发布的考评表不能修改，请建立新版本'); END;
      CREATE TRIGGER assessment_items_frozen_ins BEFORE INSERT ON assessment_items
      WHEN (SELECT status FROM assessment_templates WHERE id = NEW.template_id) = 'published'
      BEGIN SELECT RAISE(ABORT, '已发布的考评表不能修改，请建立新版本'); END;
      CREATE TRIGGER assessment_items_frozen_upd BEFORE UPDATE ON assessment_items
      WHEN (SELECT status FROM assessment_templates WHERE id = OLD.template_id) = 'published'
      BEGIN SELECT RAISE(ABORT, '已发布的考评表不能修改，请建立新版本'); END;
      CREATE TRIGGER assessment_items_frozen_del BEFORE DELETE ON assessment_items
      WHEN (SELECT status FROM assessment_templates WHERE id = OLD.template_id) = 'published'
      BEGIN SELECT RAISE(ABORT, '已发布的考评表不能修改，请建立新版本'); END;

      -- Periods: 2026 (a year), 2026-H2 (a half), 2026-Q4 (a quarter), 2026-11 (a month).
      CREATE TABLE assessments (
        id          TEXT PRIMARY KEY,
        period      TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]' OR period GLOB '[0-9][0-9][0-9][0-9]-H[12]'
                                         OR period GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]' OR period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
        estate_id   TEXT NOT NULL REFERENCES property_estates (place_id),
        company_id  TEXT NOT NULL REFERENCES property_companies (id),
        template_id TEXT NOT NULL REFERENCES assessment_templates (id),
        note        TEXT,
        ${stamps},
        UNIQUE (period, estate_id, company_id)
      ) STRICT;
      CREATE INDEX assessments_estate ON assessments (estate_id, period);
      CREATE INDEX assessments_company ON assessments (company_id, period);
      CREATE INDEX assessments_template ON assessments (template_id);
      -- Only a published version is scored with.
      CREATE TRIGGER assessments_published_template BEFORE INSERT ON assessments
      WHEN (SELECT status FROM assessment_templates WHERE id = NEW.template_id) IS NOT 'published'
      BEGIN SELECT RAISE(ABORT, '只能用已发布的考评表考评'); END;

      CREATE TABLE assessment_sheets (
        id            TEXT PRIMARY KEY,
        assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        body          TEXT NOT NULL CHECK (body IN (${BODIES})),
        assessor      TEXT,
        scored_on     TEXT NOT NULL,
        total_tenths  INTEGER NOT NULL CHECK (total_tenths >= 0),
        vetoed        INTEGER NOT NULL CHECK (vetoed IN (0, 1)),
        ${stamps},
        UNIQUE (assessment_id, body)
      ) STRICT;

      -- One row per item of the sheet; the facts entered for its method, and the score they give.
      CREATE TABLE assessment_scores (
        id              TEXT PRIMARY KEY,
        sheet_id        TEXT NOT NULL REFERENCES assessment_sheets (id) ON DELETE CASCADE,
        item_id         TEXT NOT NULL REFERENCES assessment_items (id),
        met             INTEGER CHECK (met IN (0, 1)),
        rate_permille   INTEGER CHECK (rate_permille BETWEEN 0 AND 1000),
        vetoed          INTEGER CHECK (vetoed IN (0, 1)),
        veto_note       TEXT,
        standard_tenths INTEGER NOT NULL,
        score_tenths    INTEGER NOT NULL,
        UNIQUE (sheet_id, item_id),
        CHECK (score_tenths BETWEEN 0 AND standard_tenths),
        CHECK (vetoed IS NOT 1 OR veto_note IS NOT NULL)
      ) STRICT;

      CREATE TABLE assessment_findings (
        id       TEXT PRIMARY KEY,
        score_id TEXT NOT NULL REFERENCES assessment_scores (id) ON DELETE CASCADE,
        seq      INTEGER NOT NULL,
        note     TEXT NOT NULL,
        UNIQUE (score_id, seq)
      ) STRICT;

      -- The published red and black lists: revision 1 is the list, later ones are 更正 with their reason.
      CREATE TABLE assessment_lists (
        id            TEXT PRIMARY KEY,
        period        TEXT NOT NULL,
        revision      INTEGER NOT NULL CHECK (revision >= 1),
        reason        TEXT,
        rule_json     TEXT NOT NULL,
        entries_json  TEXT NOT NULL,
        entries_sha256 TEXT NOT NULL CHECK (length(entries_sha256) = 64),
        published_at  TEXT NOT NULL,
        operator      TEXT NOT NULL,
        UNIQUE (period, revision),
        CHECK ((revision = 1) = (reason IS NULL))
      ) STRICT;
      CREATE TRIGGER assessment_lists_append_only_upd BEFORE UPDATE ON assessment_lists
      BEGIN SELECT RAISE(ABORT, '已公布的红黑榜不能修改，请发布更正'); END;
      CREATE TRIGGER assessment_lists_append_only_del BEFORE DELETE ON assessment_lists
      BEGIN SELECT RAISE(ABORT, '已公布的红黑榜不能删除，请发布更正'); END;
    `);
  },
};
