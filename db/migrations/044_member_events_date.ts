import type { Migration } from './types';

/**
 * member_events by date (issue 15): the party dashboard's 党员人数变化 counts back from today's register over the
 * members who joined or left in the last twelve months (db/party/member-history.ts), found by this index instead of
 * a scan of every member's history.
 */
export const memberEventsDate: Migration = {
  version: 44,
  name: 'member_events_date',
  up(db) {
    db.exec(`CREATE INDEX IF NOT EXISTS member_events_date ON member_events (on_date, kind, member_id);`);
  },
};
