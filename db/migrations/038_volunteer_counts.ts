import type { Migration } from './types';

/**
 * Maintained counts and totals for the volunteer module's district-wide reads (issue 17: 100k members, 115k
 * volunteers, 2.2M points entries — the dashboard, 只看未认岗, the branch ranking and the register's first page
 * counted or summed tens of thousands of rows per view). Each is kept per unit, never per subtree, so moving a unit
 * in the tree moves nothing: a subtree's figure adds up its units' rows (at most 2,500) at read time.
 *
 * - volunteer_counts: volunteers per unit, member or resident, 在册 or not, and how many of them hold a post — kept
 *   by triggers on volunteers (which follow members through volunteers_follow_member), so every writer keeps it.
 *   Members without a post are a unit's active members (org_member_counts) less its active member volunteers
 *   holding one.
 * - volunteer_linkable: how many residents are now party members awaiting 关联党员档案 — triggers on both registers.
 * - points_rank_counts: how many people earned anything in a year or quarter (the district ranking's total) —
 *   kept by triggers on points_totals, so the bulk load's rebuild keeps it too.
 * - points_unit_totals: points and hours per unit, year and quarter (0: the year) — kept with the other points
 *   totals by addToTotals (db/volunteer/ledger.ts) beside each entry; a reversal's negative amounts subtract.
 *   Backfilled from points_org_totals' months (the same sums, 30k rows rather than 2.2M entries).
 */
export const volunteerCounts: Migration = {
  version: 38,
  name: 'volunteer_counts',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS volunteer_counts (
        org_id    TEXT NOT NULL REFERENCES orgs (id),
        is_member INTEGER NOT NULL,
        active    INTEGER NOT NULL,
        n         INTEGER NOT NULL,
        with_post INTEGER NOT NULL,
        PRIMARY KEY (org_id, is_member, active)
      ) STRICT, WITHOUT ROWID;
      DELETE FROM volunteer_counts;
      INSERT INTO volunteer_counts
        SELECT org_id, member_id IS NOT NULL, active, COUNT(*), COUNT(post_id) FROM volunteers
        GROUP BY org_id, member_id IS NOT NULL, active;

      CREATE TRIGGER IF NOT EXISTS volunteers_count_insert AFTER INSERT ON volunteers
      BEGIN
        INSERT INTO volunteer_counts VALUES (NEW.org_id, NEW.member_id IS NOT NULL, NEW.active, 1, NEW.post_id IS NOT NULL)
          ON CONFLICT DO UPDATE SET n = n + 1, with_post = with_post + excluded.with_post;
      END;

      CREATE TRIGGER IF NOT EXISTS volunteers_count_delete AFTER DELETE ON volunteers
      BEGIN
        UPDATE volunteer_counts SET n = n - 1, with_post = with_post - (OLD.post_id IS NOT NULL)
          WHERE org_id = OLD.org_id AND is_member = (OLD.member_id IS NOT NULL) AND active = OLD.active;
      END;

      CREATE TRIGGER IF NOT EXISTS volunteers_count_update AFTER UPDATE OF org_id, member_id, active, post_id ON volunteers
        WHEN OLD.org_id IS NOT NEW.org_id OR (OLD.member_id IS NULL) IS NOT (NEW.member_id IS NULL)
          OR OLD.active IS NOT NEW.active OR (OLD.post_id IS NULL) IS NOT (NEW.post_id IS NULL)
      BEGIN
        UPDATE volunteer_counts SET n = n - 1, with_post = with_post - (OLD.post_id IS NOT NULL)
          WHERE org_id = OLD.org_id AND is_member = (OLD.member_id IS NOT NULL) AND active = OLD.active;
        INSERT INTO volunteer_counts VALUES (NEW.org_id, NEW.member_id IS NOT NULL, NEW.active, 1, NEW.post_id IS NOT NULL)
          ON CONFLICT DO UPDATE SET n = n + 1, with_post = with_post + excluded.with_post;
      END;

      -- Residents whose ID number is now a party member's (待关联): ID numbers are unique on each side, so a
      -- resident is linkable exactly when a member holds their number; either side's change moves it.
      CREATE TABLE IF NOT EXISTS volunteer_linkable (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL) STRICT;
      INSERT OR REPLACE INTO volunteer_linkable (id, n)
        SELECT 1, COUNT(*) FROM volunteers v JOIN members m ON m.id_number = v.id_number WHERE v.member_id IS NULL;

      CREATE TRIGGER IF NOT EXISTS members_linkable_insert AFTER INSERT ON members WHEN NEW.id_number IS NOT NULL
      BEGIN
        UPDATE volunteer_linkable SET n = n + EXISTS (SELECT 1 FROM volunteers WHERE id_number = NEW.id_number AND member_id IS NULL);
      END;
      CREATE TRIGGER IF NOT EXISTS members_linkable_delete AFTER DELETE ON members WHEN OLD.id_number IS NOT NULL
      BEGIN
        UPDATE volunteer_linkable SET n = n - EXISTS (SELECT 1 FROM volunteers WHERE id_number = OLD.id_number AND member_id IS NULL);
      END;
      CREATE TRIGGER IF NOT EXISTS members_linkable_update AFTER UPDATE OF id_number ON members
        WHEN OLD.id_number IS NOT NEW.id_number
      BEGIN
        UPDATE volunteer_linkable SET n = n
          + EXISTS (SELECT 1 FROM volunteers WHERE id_number = NEW.id_number AND member_id IS NULL)
          - EXISTS (SELECT 1 FROM volunteers WHERE id_number = OLD.id_number AND member_id IS NULL);
      END;
      CREATE TRIGGER IF NOT EXISTS volunteers_linkable_insert AFTER INSERT ON volunteers
        WHEN NEW.member_id IS NULL AND NEW.id_number IS NOT NULL
      BEGIN
        UPDATE volunteer_linkable SET n = n + EXISTS (SELECT 1 FROM members WHERE id_number = NEW.id_number);
      END;
      CREATE TRIGGER IF NOT EXISTS volunteers_linkable_delete AFTER DELETE ON volunteers
        WHEN OLD.member_id IS NULL AND OLD.id_number IS NOT NULL
      BEGIN
        UPDATE volunteer_linkable SET n = n - EXISTS (SELECT 1 FROM members WHERE id_number = OLD.id_number);
      END;
      CREATE TRIGGER IF NOT EXISTS volunteers_linkable_update AFTER UPDATE OF id_number, member_id ON volunteers
      BEGIN
        UPDATE volunteer_linkable SET n = n
          + (NEW.member_id IS NULL AND EXISTS (SELECT 1 FROM members WHERE id_number = NEW.id_number))
          - (OLD.member_id IS NULL AND EXISTS (SELECT 1 FROM members WHERE id_number = OLD.id_number));
      END;

      CREATE TABLE IF NOT EXISTS points_rank_counts (
        year    INTEGER NOT NULL,
        quarter INTEGER NOT NULL,
        ranked  INTEGER NOT NULL,
        PRIMARY KEY (year, quarter)
      ) STRICT, WITHOUT ROWID;
      DELETE FROM points_rank_counts;
      INSERT INTO points_rank_counts
        SELECT year, quarter, COUNT(*) FROM points_totals WHERE earned <> 0 GROUP BY year, quarter;

      CREATE TRIGGER IF NOT EXISTS points_totals_rank_insert AFTER INSERT ON points_totals WHEN NEW.earned <> 0
      BEGIN
        INSERT INTO points_rank_counts VALUES (NEW.year, NEW.quarter, 1) ON CONFLICT DO UPDATE SET ranked = ranked + 1;
      END;

      CREATE TRIGGER IF NOT EXISTS points_totals_rank_delete AFTER DELETE ON points_totals WHEN OLD.earned <> 0
      BEGIN
        UPDATE points_rank_counts SET ranked = ranked - 1 WHERE year = OLD.year AND quarter = OLD.quarter;
      END;

      -- Most updates add to a total that stays above zero: the WHEN lets them pass without a write.
      CREATE TRIGGER IF NOT EXISTS points_totals_rank_update AFTER UPDATE OF year, quarter, earned ON points_totals
        WHEN (OLD.earned <> 0) IS NOT (NEW.earned <> 0) OR OLD.year IS NOT NEW.year OR OLD.quarter IS NOT NEW.quarter
      BEGIN
        UPDATE points_rank_counts SET ranked = ranked - 1 WHERE OLD.earned <> 0 AND year = OLD.year AND quarter = OLD.quarter;
        INSERT INTO points_rank_counts SELECT NEW.year, NEW.quarter, 1 WHERE NEW.earned <> 0
          ON CONFLICT DO UPDATE SET ranked = ranked + 1;
      END;

      CREATE TABLE IF NOT EXISTS points_unit_totals (
        org_id       TEXT NOT NULL REFERENCES orgs (id),
        year         INTEGER NOT NULL,
        quarter      INTEGER NOT NULL,
        base         INTEGER NOT NULL,
        service      INTEGER NOT NULL,
        contribution INTEGER NOT NULL,
        redeemed     INTEGER NOT NULL,
        hours_tenths INTEGER NOT NULL,
        PRIMARY KEY (org_id, year, quarter)
      ) STRICT, WITHOUT ROWID;
      DELETE FROM points_unit_totals;
      INSERT INTO points_unit_totals
        SELECT org_id, year, q, SUM(base), SUM(service), SUM(contribution), SUM(redeemed), SUM(hours_tenths)
        FROM (SELECT org_id, year, 0 AS q, base, service, contribution, redeemed, hours_tenths FROM points_org_totals
              UNION ALL
              SELECT org_id, year, (month + 2) / 3, base, service, contribution, redeemed, hours_tenths FROM points_org_totals)
        GROUP BY org_id, year, q;
    `);
  },
};
