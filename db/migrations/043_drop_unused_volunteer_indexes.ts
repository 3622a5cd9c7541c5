import type { Migration } from './types';

/**
 * Two indexes of migration 006 that nothing reads any more (issue 17): volunteers_residents (residents by unit) and
 * volunteers_member_posts (member post holders by unit) served the register's figures and "who has no post", which
 * since migration 038 come from the counts kept per unit (volunteer_counts). EXPLAIN QUERY PLAN over every
 * statement on volunteers — those the volunteer tests prepare, every filter combination of the register and the
 * post assignments, the triggers' and 核对数据's sources — on the district database chose neither; each still cost
 * every write to volunteers an index update.
 */
export const dropUnusedVolunteerIndexes: Migration = {
  version: 43,
  name: 'drop_unused_volunteer_indexes',
  up(db) {
    db.exec(`
      DROP INDEX IF EXISTS volunteers_residents;
      DROP INDEX IF EXISTS volunteers_member_posts;
    `);
  },
};
