import type { Migration } from './types';

/**
 * Indexes the district-scale benchmark showed missing (docs/benchmarks.md: 100k members, member list filters and
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
    `);
  },
};
