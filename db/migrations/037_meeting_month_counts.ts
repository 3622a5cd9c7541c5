import type { Migration } from './types';

/**
 * Held meetings per unit, type and month, kept by triggers on meetings (issue 17), as org_member_counts is kept on
 * members (migration 003): every writer — forms, import, seed — keeps it without remembering. The compliance view
 * and the dashboard read these few thousand rows instead of grouping 48k meetings through a temporary B-tree on
 * every view. Facts only: whether a month is 待开 or 缺 depends on today, so the judgement stays in code. Keyed by
 * the meeting's own unit, so moving or dissolving a unit changes none of its rows (the view picks its units).
 * Plus members (lifecycle, left_on): the dashboard's 本年转出 counted by the index alone.
 */
export const meetingMonthCounts: Migration = {
  version: 37,
  name: 'meeting_month_counts',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS org_meeting_months (
        org_id TEXT NOT NULL REFERENCES orgs (id),
        type   TEXT NOT NULL,
        month  TEXT NOT NULL,
        n      INTEGER NOT NULL,
        PRIMARY KEY (month, org_id, type)
      ) STRICT, WITHOUT ROWID;

      DELETE FROM org_meeting_months;
      INSERT INTO org_meeting_months
        SELECT org_id, type, substr(held_on, 1, 7), COUNT(*) FROM meetings GROUP BY org_id, type, substr(held_on, 1, 7);

      CREATE TRIGGER IF NOT EXISTS meetings_month_insert AFTER INSERT ON meetings
      BEGIN
        INSERT INTO org_meeting_months VALUES (NEW.org_id, NEW.type, substr(NEW.held_on, 1, 7), 1)
          ON CONFLICT DO UPDATE SET n = n + 1;
      END;

      CREATE TRIGGER IF NOT EXISTS meetings_month_delete AFTER DELETE ON meetings
      BEGIN
        UPDATE org_meeting_months SET n = n - 1
          WHERE month = substr(OLD.held_on, 1, 7) AND org_id = OLD.org_id AND type = OLD.type;
      END;

      CREATE TRIGGER IF NOT EXISTS meetings_month_update AFTER UPDATE OF org_id, type, held_on ON meetings
      BEGIN
        UPDATE org_meeting_months SET n = n - 1
          WHERE month = substr(OLD.held_on, 1, 7) AND org_id = OLD.org_id AND type = OLD.type;
        INSERT INTO org_meeting_months VALUES (NEW.org_id, NEW.type, substr(NEW.held_on, 1, 7), 1)
          ON CONFLICT DO UPDATE SET n = n + 1;
      END;

      CREATE INDEX IF NOT EXISTS members_left ON members (lifecycle, left_on);
    `);
  },
};
