import type { Db } from '../open';
import type { ManagementType } from './types';

/** Aggregates of the red-property overview (概览), each one statement. */

export function estatesByManagement(db: Db): Record<ManagementType, number> {
  const rows = db.prepare('SELECT management, COUNT(*) AS n FROM property_estates GROUP BY management').all() as { management: ManagementType; n: number }[];
  return { company: 0, self: 0, abandoned: 0, ...Object.fromEntries(rows.map((r) => [r.management, r.n])) };
}

/**
 * The current committees — each estate's latest term that has started — grouped by (party members, members):
 * a handful of rows whatever the street's size, which the ratio rule then judges (the rule stays in one place).
 */
export function currentRosterShapes(db: Db, today: string): { partyMembers: number; total: number; terms: number }[] {
  return db
    .prepare(
      `SELECT party AS partyMembers, total, COUNT(*) AS terms FROM (
         SELECT t.id, COUNT(m.id) AS total, COALESCE(SUM(m.is_party_member), 0) AS party
         FROM committee_terms t LEFT JOIN committee_members m ON m.term_id = t.id
         WHERE t.starts_on <= ? AND NOT EXISTS
           (SELECT 1 FROM committee_terms s WHERE s.estate_id = t.estate_id AND s.starts_on > t.starts_on AND s.starts_on <= ?)
         GROUP BY t.id)
       GROUP BY party, total`,
    )
    .all(today, today) as { partyMembers: number; total: number; terms: number }[];
}
