import type { Migration } from './types';

/**
 * Indexes and a maintained member count the district-scale benchmark showed missing (docs/benchmarks.md: 100k members, member list filters and
 * searches from 150–400 ms down to under 1 ms). The database carries no ANALYZE statistics, so SQLite takes any
 * equality on an indexed column as selective; the queries that need one of these name it (INDEXED BY) or keep
 * the planner off the wrong one, and these definitions are part of that contract.
 */
export const partyIndexes: Migration = {
  version: 3,
  name: 'party_indexes',
  up(db) {
    db.exec(`
      -- id completes the list order (pinyin, then id), so a page — however deep — is found in the index alone.
      DROP INDEX members_pinyin;
      CREATE INDEX members_pinyin ON members (lifecycle, name_pinyin, id);

      -- A unit's subtree: its filters, counts, figures and pinyin order without reading the members' rows.
      DROP INDEX members_org;
      CREATE INDEX members_org ON members (org_id, lifecycle, category, status, is_centre_household, name_pinyin, id);

      -- The full-pinyin half of a "zs / zhang" search (members_pinyin leads with lifecycle, so cannot serve it).
      CREATE INDEX members_name_pinyin ON members (name_pinyin);

      -- Register-wide totals by category, status and role (list totals, the dashboard's figures) in group order.
      CREATE INDEX members_kind ON members (lifecycle, category, status, is_centre_household, role);

      -- A unit's secretary, which the organisation tree shows for every unit.
      CREATE INDEX members_role ON members (org_id, role, lifecycle, name_pinyin) WHERE role IS NOT NULL;

      -- Active members per unit and kind, kept by triggers in the same transaction as every change to a member
      -- (form, import, seed alike): the tree's counts and the dashboard's figures read a few hundred rows
      -- instead of counting 100k members on every view.
      CREATE TABLE org_member_counts (
        org_id              TEXT NOT NULL REFERENCES orgs (id),
        category            TEXT NOT NULL,
        status              TEXT NOT NULL,
        is_centre_household INTEGER NOT NULL,
        n                   INTEGER NOT NULL,
        PRIMARY KEY (org_id, category, status, is_centre_household)
      ) STRICT, WITHOUT ROWID;

      INSERT INTO org_member_counts
        SELECT org_id, category, status, is_centre_household, COUNT(*) FROM members
        WHERE lifecycle = 'active' GROUP BY org_id, category, status, is_centre_household;

      CREATE TRIGGER members_count_insert AFTER INSERT ON members WHEN NEW.lifecycle = 'active'
      BEGIN
        INSERT INTO org_member_counts VALUES (NEW.org_id, NEW.category, NEW.status, NEW.is_centre_household, 1)
          ON CONFLICT DO UPDATE SET n = n + 1;
      END;

      CREATE TRIGGER members_count_delete AFTER DELETE ON members WHEN OLD.lifecycle = 'active'
      BEGIN
        UPDATE org_member_counts SET n = n - 1
          WHERE org_id = OLD.org_id AND category = OLD.category AND status = OLD.status
            AND is_centre_household = OLD.is_centre_household;
      END;

      CREATE TRIGGER members_count_update
        AFTER UPDATE OF org_id, category, status, is_centre_household, lifecycle ON members
      BEGIN
        UPDATE org_member_counts SET n = n - 1
          WHERE OLD.lifecycle = 'active' AND org_id = OLD.org_id AND category = OLD.category
            AND status = OLD.status AND is_centre_household = OLD.is_centre_household;
        INSERT INTO org_member_counts
          SELECT NEW.org_id, NEW.category, NEW.status, NEW.is_centre_household, 1 WHERE NEW.lifecycle = 'active'
          ON CONFLICT DO UPDATE SET n = n + 1;
      END;
    `);
  },
};
