import type { Db } from '../open';
import { chunked } from '../chunked';
import { subtreeRange } from '../pinyin';
import type { MeetingType, MemberFields, MemberRecord, OrgLevel } from './types';

/**
 * The party module's records as they leave the installation (registers, data packages): one row per record,
 * ids kept (ULIDs, so units merge), names resolved where the receiver has no table to look them up in.
 * Members and meetings are read in chunks, so a 100k-member register streams instead of sitting in memory.
 */

export interface OrgExport {
  id: string;
  parentId: string | null;
  level: OrgLevel;
  kind: string;
  name: string;
  placeName: string | null;
  establishedOn: string | null;
  status: 'active' | 'dissolved';
  dissolvedOn: string | null;
  updatedAt: string;
}

/** A member as packages carry it: the register's fields (building by name), lifecycle and history dates. */
export type MemberExport = Omit<MemberFields, 'buildingId' | 'note'> &
  Pick<MemberRecord, 'id' | 'buildingName' | 'lifecycle' | 'leftOn' | 'leftTo' | 'transferredInOn' | 'transferredFrom' | 'updatedAt'>;

export interface MeetingExport {
  id: string;
  orgId: string;
  type: MeetingType;
  heldOn: string;
  topic: string;
  place: string | null;
  host: string | null;
  recorder: string | null;
  present: number;
  absent: number;
  leave: number;
  guest: number;
  resolutions: number;
  updatedAt: string;
}

export interface RatingExport {
  id: string;
  orgId: string;
  year: number;
  stars: number;
  reasons: string;
  ratedOn: string;
  updatedAt: string;
}

export function exportOrgs(db: Db, orgPath: string | null): OrgExport[] {
  return db
    .prepare(
      `SELECT o.id, o.parent_id AS parentId, o.level, o.kind, o.name, p.name AS placeName,
              o.established_on AS establishedOn, o.status, o.dissolved_on AS dissolvedOn, o.updated_at AS updatedAt
       FROM orgs o LEFT JOIN places p ON p.id = o.place_id
       WHERE o.path >= ? AND o.path < ? ORDER BY o.path`,
    )
    .all(...subtreeRange(orgPath)) as OrgExport[];
}

const MEMBER_ORDER = 'o.path, m.name_pinyin, m.id';

/** Every member of the subtree, whatever their lifecycle (the register and the figures pick by period). */
export function* exportMembers(db: Db, orgPath: string | null): Iterable<MemberExport> {
  // Units first, then their members through members_org: the same access path as the subtree counts.
  const rows = chunked<Omit<MemberExport, 'isCentreHousehold'> & { isCentreHousehold: number }>(
    db,
    `SELECT m.rowid FROM orgs o CROSS JOIN members m ON m.org_id = o.id WHERE o.path >= ? AND o.path < ? ORDER BY ${MEMBER_ORDER}`,
    subtreeRange(orgPath),
    `SELECT m.id, m.name, m.gender, m.ethnicity, m.education, m.birth_date AS birthDate, m.id_number AS idNumber,
            m.phone, m.joined_on AS joinedOn, m.full_on AS fullOn, m.status, m.category, m.work_unit AS workUnit,
            m.reported_on AS reportedOn, m.org_id AS orgId, b.name AS buildingName, m.address, m.role,
            m.is_centre_household AS isCentreHousehold, m.lifecycle, m.left_on AS leftOn, m.left_to AS leftTo,
            m.transferred_in_on AS transferredInOn, m.transferred_from AS transferredFrom, m.updated_at AS updatedAt
     FROM members m JOIN orgs o ON o.id = m.org_id LEFT JOIN places b ON b.id = m.building_id
     WHERE m.rowid IN (SELECT value FROM json_each(?)) ORDER BY ${MEMBER_ORDER}`,
  );
  for (const r of rows) yield { ...r, isCentreHousehold: r.isCentreHousehold === 1 };
}

const MEETING_ORDER = 'm.held_on, o.path, m.id';

/** Meetings of the subtree held within from..to, with attendance counted (names stay at the source). */
export function exportMeetings(db: Db, orgPath: string | null, from: string, to: string): Iterable<MeetingExport> {
  return chunked<MeetingExport>(
    db,
    `SELECT m.rowid FROM orgs o CROSS JOIN meetings m ON m.org_id = o.id
     WHERE o.path >= ? AND o.path < ? AND m.held_on >= ? AND m.held_on <= ? ORDER BY ${MEETING_ORDER}`,
    [...subtreeRange(orgPath), from, to],
    `SELECT m.id, m.org_id AS orgId, m.type, m.held_on AS heldOn, m.topic, m.place, m.host, m.recorder,
            COALESCE(SUM(a.status = 'present'), 0) AS present, COALESCE(SUM(a.status = 'absent'), 0) AS absent,
            COALESCE(SUM(a.status = 'leave'), 0) AS leave, COALESCE(SUM(a.status = 'guest'), 0) AS guest,
            (SELECT COUNT(*) FROM meeting_resolutions r WHERE r.meeting_id = m.id) AS resolutions,
            m.updated_at AS updatedAt
     FROM meetings m JOIN orgs o ON o.id = m.org_id LEFT JOIN meeting_attendance a ON a.meeting_id = m.id
     WHERE m.rowid IN (SELECT value FROM json_each(?)) GROUP BY m.id ORDER BY ${MEETING_ORDER}`,
  );
}

export function exportRatings(db: Db, orgPath: string | null): RatingExport[] {
  return db
    .prepare(
      `SELECT r.id, r.org_id AS orgId, r.year, r.stars, r.reasons, r.rated_on AS ratedOn, r.updated_at AS updatedAt
       FROM orgs o CROSS JOIN branch_ratings r ON r.org_id = o.id
       WHERE o.path >= ? AND o.path < ? ORDER BY r.year, o.path`,
    )
    .all(...subtreeRange(orgPath)) as RatingExport[];
}
