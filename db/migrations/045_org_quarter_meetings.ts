import { ORG_QUARTER_MEETINGS, quarterOfMonthSql as quarterOf, slotOfMonthSql as slotOf } from '../party/meeting-counts';
import { rebuildAll } from '../reconcile';
import type { Migration } from './types';

/** A month's own count `n` and a child's `n` (and whether it held one) spread over the quarter's three columns. */
const own = (month: string, n: string) => [0, 1, 2].map((i) => `(${slotOf(month)} = ${i}) * (${n})`).join(', ');
const child = (month: string, n: string, sign: string) =>
  [0, 1, 2].map((i) => `${sign}(${slotOf(month)} = ${i} AND ${n} > 0)`).concat([0, 1, 2].map((i) => `${sign}(${slotOf(month)} = ${i}) * (${n})`)).join(', ');
const ADD = `ON CONFLICT DO UPDATE SET n1 = n1 + excluded.n1, n2 = n2 + excluded.n2, n3 = n3 + excluded.n3,
  c1 = c1 + excluded.c1, c2 = c2 + excluded.c2, c3 = c3 + excluded.c3, cn1 = cn1 + excluded.cn1, cn2 = cn2 + excluded.cn2, cn3 = cn3 + excluded.cn3`;

/** One org_meeting_months row (`r`: NEW or OLD) added (sign '') or taken away ('-'): its unit's own columns, its parent's children's. */
const monthRow = (r: string, sign: '' | '-') => `
  INSERT INTO org_quarter_meetings VALUES (${quarterOf(`${r}.month`)}, ${r}.org_id, ${r}.type, ${own(`${r}.month`, `${sign}${r}.n`)}, 0, 0, 0, 0, 0, 0) ${ADD};
  INSERT INTO org_quarter_meetings
    SELECT ${quarterOf(`${r}.month`)}, u.parent_id, ${r}.type, 0, 0, 0, ${child(`${r}.month`, `${r}.n`, sign)}
    FROM orgs u WHERE u.id = ${r}.org_id AND u.status = 'active' AND u.parent_id IS NOT NULL ${ADD};`;

/** Every month of unit `u` (OLD or NEW of orgs) added to or taken from its parent's children's columns, while it is active. */
const unitMonths = (u: string, sign: '' | '-') => `
  INSERT INTO org_quarter_meetings
    SELECT ${quarterOf('k.month')}, ${u}.parent_id, k.type, 0, 0, 0, ${child('k.month', 'k.n', sign)}
    FROM org_meeting_months k
    WHERE k.org_id = ${u}.id AND ${u}.status = 'active' AND ${u}.parent_id IS NOT NULL ${ADD};`;

/** Where a unit's meetings count as a child's: its parent while it is active. */
const countsUnder = (u: string) => `CASE WHEN ${u}.status = 'active' THEN ${u}.parent_id END`;

/**
 * Held meetings per unit, quarter and type, each month of the quarter a column (issue 17): the compliance statement
 * (db/party/compliance.ts) read ~11,000 rows of org_meeting_months a quarter at a district — each branch's own
 * meetings per type and month, and each of its ~5 groups' per month — and the dashboard's trend six quarters of it
 * (≈56,000 lookups, 28 ms). Here a branch's quarter is one row per type: n1–n3 its own meetings in each month,
 * c1–c3 how many of its active child units held one, cn1–cn3 how many those held. The judgement against today
 * stays in the query.
 *
 * Kept by triggers from org_meeting_months (itself kept from meetings), and on orgs when a unit is moved to another
 * parent, dissolved or restored (its months leave one parent's children's columns and join the other's), so every
 * writer keeps it; units are never deleted (a dissolved one keeps its records). Children count under the tree as it stands now, as the compliance view always counted them.
 * Rows counted down to zero are kept. Plus the indexes these read by: a unit's months (for a move), a unit's active
 * children (the branch's group count), and members' category by id (db/party/member-history.ts: the window's
 * movements looked up in a 5 MB index instead of 100k full member rows).
 */
export const orgQuarterMeetings: Migration = {
  version: 45,
  name: 'org_quarter_meetings',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS org_quarter_meetings (
        quarter TEXT NOT NULL,
        org_id  TEXT NOT NULL REFERENCES orgs (id),
        type    TEXT NOT NULL,
        n1 INTEGER NOT NULL, n2 INTEGER NOT NULL, n3 INTEGER NOT NULL,
        c1 INTEGER NOT NULL, c2 INTEGER NOT NULL, c3 INTEGER NOT NULL,
        cn1 INTEGER NOT NULL, cn2 INTEGER NOT NULL, cn3 INTEGER NOT NULL,
        PRIMARY KEY (quarter, org_id, type)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS org_meeting_months_org ON org_meeting_months (org_id);
      CREATE INDEX IF NOT EXISTS orgs_parent_status ON orgs (parent_id, status);
      CREATE INDEX IF NOT EXISTS members_id_category ON members (id, category, org_id);

      CREATE TRIGGER IF NOT EXISTS org_meeting_months_quarter_insert AFTER INSERT ON org_meeting_months
      BEGIN ${monthRow('NEW', '')}
      END;
      CREATE TRIGGER IF NOT EXISTS org_meeting_months_quarter_delete AFTER DELETE ON org_meeting_months
      BEGIN ${monthRow('OLD', '-')}
      END;
      CREATE TRIGGER IF NOT EXISTS org_meeting_months_quarter_update AFTER UPDATE ON org_meeting_months
      BEGIN ${monthRow('OLD', '-')} ${monthRow('NEW', '')}
      END;

      CREATE TRIGGER IF NOT EXISTS orgs_quarter_meetings_update AFTER UPDATE OF parent_id, status ON orgs
        WHEN ${countsUnder('OLD')} IS NOT ${countsUnder('NEW')}
      BEGIN ${unitMonths('OLD', '-')} ${unitMonths('NEW', '')}
      END;
    `);
    // Counted from the monthly counts a file already holds (again on a second run: the same rows).
    rebuildAll(db, ORG_QUARTER_MEETINGS);
  },
};
