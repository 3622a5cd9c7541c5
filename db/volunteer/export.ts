import type { Db } from '../open';
import { chunked } from '../chunked';
import { subtreeRange } from '../pinyin';

/**
 * The volunteer module's records as they leave the installation (registers, data packages): ids kept (ULIDs, so
 * units merge), names resolved where the receiver may have no table to look them up in (posts; a member's
 * name, ID and phone, which live on the member record). Volunteers and entries are read in chunks, as the party
 * export does, so no statement stays open while the export yields (an open iterator makes every write "busy").
 */

export interface VolunteerExport {
  id: string;
  isMember: boolean;
  name: string;
  gender: 'male' | 'female' | null;
  idNumber: string | null;
  phone: string | null;
  orgId: string;
  postName: string | null;
  team: string | null;
  skills: string | null;
  registeredOn: string;
  leftOn: string | null;
  updatedAt: string;
}

export interface ActivityExport {
  id: string;
  title: string;
  onDate: string;
  organiserOrgId: string;
  postName: string | null;
  place: string | null;
  participants: number;
  hoursTenths: number;
  updatedAt: string;
}

export interface EntryExport {
  id: string;
  volunteerId: string;
  volunteerName: string;
  orgId: string;
  onDate: string;
  category: 'base' | 'service' | 'contribution' | 'redeem';
  amount: number;
  hoursTenths: number;
  reason: string;
  sourceKind: 'activity' | 'meeting' | 'donation' | 'redemption' | 'manual' | 'opening';
  reversal: boolean;
  updatedAt: string;
}

const VOLUNTEER_ORDER = 'o.path, v.name_pinyin, v.id';

/** Every volunteer of the subtree, left ones included (the register picks by period). */
export function* exportVolunteers(db: Db, orgPath: string | null): Iterable<VolunteerExport> {
  const rows = chunked<Omit<VolunteerExport, 'isMember'> & { isMember: number }>(
    db,
    `SELECT v.rowid FROM orgs o CROSS JOIN volunteers v ON v.org_id = o.id WHERE o.path >= ? AND o.path < ? ORDER BY ${VOLUNTEER_ORDER}`,
    subtreeRange(orgPath),
    // A member's personal data lives on the member record; the later of the two stamps keeps updatedAt growing.
    `SELECT v.id, v.member_id IS NOT NULL AS isMember, COALESCE(m.name, v.name) AS name,
            COALESCE(m.gender, v.gender) AS gender, COALESCE(m.id_number, v.id_number) AS idNumber,
            COALESCE(m.phone, v.phone) AS phone, v.org_id AS orgId, p.name AS postName, v.team, v.skills,
            v.registered_on AS registeredOn, v.left_on AS leftOn,
            MAX(v.updated_at, COALESCE(m.updated_at, v.updated_at)) AS updatedAt
     FROM volunteers v JOIN orgs o ON o.id = v.org_id LEFT JOIN members m ON m.id = v.member_id
          LEFT JOIN volunteer_posts p ON p.id = v.post_id
     WHERE v.rowid IN (SELECT value FROM json_each(?)) ORDER BY ${VOLUNTEER_ORDER}`,
  );
  for (const r of rows) yield { ...r, isMember: r.isMember === 1 };
}

/** Activities organised in the subtree within from..to, with who was present and their hours summed. */
export function exportActivities(db: Db, orgPath: string | null, from: string, to: string): ActivityExport[] {
  return db
    .prepare(
      `SELECT a.id, a.title, a.on_date AS onDate, a.organiser_org_id AS organiserOrgId, p.name AS postName, a.place,
              COALESCE(SUM(x.attendance = 'present'), 0) AS participants,
              COALESCE(SUM(CASE WHEN x.attendance = 'present' THEN x.hours_tenths END), 0) AS hoursTenths,
              a.updated_at AS updatedAt
       FROM orgs o CROSS JOIN volunteer_activities a ON a.organiser_org_id = o.id
            LEFT JOIN volunteer_posts p ON p.id = a.post_id LEFT JOIN activity_participants x ON x.activity_id = a.id
       WHERE o.path >= ? AND o.path < ? AND a.on_date >= ? AND a.on_date <= ?
       GROUP BY a.id ORDER BY a.on_date, o.path, a.id`,
    )
    .all(...subtreeRange(orgPath), from, to) as ActivityExport[];
}

const ENTRY_ORDER = 'e.on_date, e.id';

/** Ledger entries of the subtree's units within from..to; entries never change, so created_at is their stamp. */
export function* exportEntries(db: Db, orgPath: string | null, from: string, to: string): Iterable<EntryExport> {
  const rows = chunked<Omit<EntryExport, 'reversal'> & { reversal: number }>(
    db,
    `SELECT e.rowid FROM orgs o CROSS JOIN points_entries e ON e.org_id = o.id
     WHERE o.path >= ? AND o.path < ? AND e.on_date >= ? AND e.on_date <= ? ORDER BY ${ENTRY_ORDER}`,
    [...subtreeRange(orgPath), from, to],
    `SELECT e.id, e.volunteer_id AS volunteerId, COALESCE(m.name, v.name) AS volunteerName, e.org_id AS orgId,
            e.on_date AS onDate, e.category, e.amount, e.hours_tenths AS hoursTenths, e.reason,
            e.source_kind AS sourceKind, e.reverses_id IS NOT NULL AS reversal, e.created_at AS updatedAt
     FROM points_entries e JOIN volunteers v ON v.id = e.volunteer_id LEFT JOIN members m ON m.id = v.member_id
     WHERE e.rowid IN (SELECT value FROM json_each(?)) ORDER BY ${ENTRY_ORDER}`,
  );
  for (const r of rows) yield { ...r, reversal: r.reversal === 1 };
}
