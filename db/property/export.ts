import type { Db } from '../open';
import type { CommitteeRole, JointParty, ManagementType, PartyOrgForm, ResidentRating, ResolutionStatus } from './types';

/**
 * The red-property module's records as they leave the installation (registers, data packages): ids kept (ULIDs and
 * place ids, so units merge), names resolved (estate, community, company), since the receiver has no places or
 * companies to look them up in. `communityId` limits them to one community's estates (a street exporting a
 * community it keeps); null is everything. Row counts are a few thousand per street, read at once.
 */

export interface EstateExport {
  id: string;
  name: string;
  community: string;
  management: ManagementType;
  households: number | null;
  floorAreaHundredths: number | null;
  /** The company under a contract in force on `asOf`, and that contract's period. */
  companyId: string | null;
  companyName: string | null;
  contractStartsOn: string | null;
  contractEndsOn: string | null;
  note: string | null;
  updatedAt: string;
}

export interface CompanyExport {
  id: string;
  name: string;
  creditCode: string;
  contactPerson: string | null;
  contactPhone: string | null;
  address: string | null;
  partyOrgForm: PartyOrgForm | null;
  partyMembers: number | null;
  /** Estates of the scope it serves on `asOf`, by name (、). */
  estates: string;
  estatesServed: number;
  updatedAt: string;
}

export interface TermExport {
  id: string;
  estateId: string;
  estateName: string;
  community: string;
  termNo: number;
  electedOn: string;
  startsOn: string;
  endsOn: string;
  filedOn: string | null;
  firstMeetingOn: string | null;
  memberCount: number;
  partyMemberCount: number;
  /** Members also on the residents' committee (交叉任职). */
  crossPosts: number;
  /** 主任 and the roster as one line: 张三（主任，党员）、李四（委员）. */
  chair: string | null;
  roster: string;
  /** A later term of the same estate exists. */
  succeeded: boolean;
  updatedAt: string;
}

export interface MeetingExport {
  id: string;
  estateId: string;
  estateName: string;
  community: string;
  heldOn: string;
  convener: string;
  place: string | null;
  attendees: number;
  /** The parties that attended, by code, in the order first seen (the register names them). */
  parties: string;
  topics: string;
  resolutions: number;
  done: number;
  /** Open or in progress, with the deadline each has. */
  unfinished: number;
  /** The deadlines of the unfinished ones, earliest first, comma-separated (the figures count the overdue ones). */
  unfinishedDueOns: string;
  updatedAt: string;
}

export interface AssessmentBase {
  id: string;
  period: string;
  estateId: string;
  estateName: string;
  community: string;
  companyId: string;
  companyName: string;
  templateName: string;
  templateVersion: number;
  sheets: number;
  updatedAt: string;
}

const inScope = (alias: string) => `(? IS NULL OR ${alias}.parent_id = ?)`;
const scopeArgs = (communityId: string | null) => [communityId, communityId];

const CONTRACT_ON = `
  LEFT JOIN property_contracts k ON k.id = (
    SELECT id FROM property_contracts WHERE estate_id = e.place_id AND starts_on <= ?
      AND COALESCE(ends_on, '9999-12-31') >= ? ORDER BY starts_on DESC LIMIT 1)
  LEFT JOIN property_companies co ON co.id = k.company_id`;

export function exportEstates(db: Db, communityId: string | null, asOf: string): EstateExport[] {
  return db
    .prepare(
      `SELECT e.place_id AS id, p.name, c.name AS community, e.management, p.households,
              e.floor_area_hundredths AS floorAreaHundredths, k.company_id AS companyId, co.name AS companyName,
              k.starts_on AS contractStartsOn, k.ends_on AS contractEndsOn, e.note, e.updated_at AS updatedAt
       FROM property_estates e JOIN places p ON p.id = e.place_id JOIN places c ON c.id = p.parent_id ${CONTRACT_ON}
       WHERE ${inScope('p')} ORDER BY c.name, p.name, e.place_id`,
    )
    .all(asOf, asOf, ...scopeArgs(communityId)) as EstateExport[];
}

/** Every company at a community installation or the whole street; one community's: those that ever served its estates. */
export function exportCompanies(db: Db, communityId: string | null, asOf: string): CompanyExport[] {
  return db
    .prepare(
      `SELECT co.id, co.name, co.credit_code AS creditCode, co.contact_person AS contactPerson, co.contact_phone AS contactPhone,
              co.address, co.party_org_form AS partyOrgForm, co.party_members AS partyMembers,
              COALESCE((SELECT group_concat(name, '、') FROM (
                SELECT DISTINCT p.name FROM property_contracts k JOIN places p ON p.id = k.estate_id
                WHERE k.company_id = co.id AND k.starts_on <= ? AND COALESCE(k.ends_on, '9999-12-31') >= ? AND ${inScope('p')}
                ORDER BY p.name)), '') AS estates,
              (SELECT COUNT(DISTINCT k.estate_id) FROM property_contracts k JOIN places p ON p.id = k.estate_id
                WHERE k.company_id = co.id AND k.starts_on <= ? AND COALESCE(k.ends_on, '9999-12-31') >= ? AND ${inScope('p')}) AS estatesServed,
              co.updated_at AS updatedAt
       FROM property_companies co
       WHERE ? IS NULL OR EXISTS (SELECT 1 FROM property_contracts k JOIN places p ON p.id = k.estate_id
                                  WHERE k.company_id = co.id AND p.parent_id = ?)
       ORDER BY co.name_pinyin, co.id`,
    )
    .all(asOf, asOf, ...scopeArgs(communityId), asOf, asOf, ...scopeArgs(communityId), ...scopeArgs(communityId)) as CompanyExport[];
}

const ROLE_TEXT: Record<CommitteeRole, string> = { chair: '主任', vice_chair: '副主任', member: '委员' };

/** Every term, past ones included (the register picks the ones serving at the period's end). */
export function exportTerms(db: Db, communityId: string | null): TermExport[] {
  const terms = db
    .prepare(
      `SELECT t.id, t.estate_id AS estateId, p.name AS estateName, c.name AS community, t.term_no AS termNo,
              t.elected_on AS electedOn, t.starts_on AS startsOn, t.ends_on AS endsOn, t.filed_on AS filedOn,
              t.first_meeting_on AS firstMeetingOn,
              EXISTS (SELECT 1 FROM committee_terms s WHERE s.estate_id = t.estate_id AND s.starts_on > t.starts_on) AS succeeded,
              t.updated_at AS updatedAt
       FROM committee_terms t JOIN places p ON p.id = t.estate_id JOIN places c ON c.id = p.parent_id
       WHERE ${inScope('p')} ORDER BY c.name, p.name, t.term_no`,
    )
    .all(...scopeArgs(communityId)) as (Omit<TermExport, 'succeeded' | 'memberCount' | 'partyMemberCount' | 'crossPosts' | 'chair' | 'roster'> & { succeeded: number })[];
  const members = db.prepare(
    `SELECT COALESCE(c.name, m.name) AS name, c.role, c.is_party_member AS party, c.on_residents_committee AS cross
     FROM committee_members c LEFT JOIN members m ON m.id = c.member_id WHERE c.term_id = ? ORDER BY c.seq`,
  );
  return terms.map((t) => {
    const roster = members.all(t.id) as { name: string; role: CommitteeRole; party: number; cross: number }[];
    const describe = (r: (typeof roster)[number]) => `${r.name}（${[ROLE_TEXT[r.role], r.party ? '党员' : null, r.cross ? '交叉任职' : null].filter(Boolean).join('，')}）`;
    return {
      ...t,
      succeeded: t.succeeded === 1,
      memberCount: roster.length,
      partyMemberCount: roster.filter((r) => r.party).length,
      crossPosts: roster.filter((r) => r.cross).length,
      chair: roster.find((r) => r.role === 'chair')?.name ?? null,
      roster: roster.map(describe).join('、'),
    };
  });
}

/** Every joint meeting with its counts (the register picks the month's; the figures count what is overdue). */
export function exportMeetings(db: Db, communityId: string | null): MeetingExport[] {
  return db
    .prepare(
      `SELECT j.id, j.estate_id AS estateId, p.name AS estateName, c.name AS community, j.held_on AS heldOn, j.convener, j.place,
              (SELECT COUNT(*) FROM joint_meeting_attendees a WHERE a.meeting_id = j.id) AS attendees,
              COALESCE((SELECT group_concat(party, ',') FROM (SELECT party, MIN(seq) AS s FROM joint_meeting_attendees
                 WHERE meeting_id = j.id GROUP BY party ORDER BY s)), '') AS parties,
              COALESCE((SELECT group_concat(title, '；') FROM (SELECT title FROM joint_meeting_topics WHERE meeting_id = j.id ORDER BY seq)), '') AS topics,
              (SELECT COUNT(*) FROM joint_resolutions r WHERE r.meeting_id = j.id) AS resolutions,
              (SELECT COUNT(*) FROM joint_resolutions r WHERE r.meeting_id = j.id AND r.status = 'done') AS done,
              (SELECT COUNT(*) FROM joint_resolutions r WHERE r.meeting_id = j.id AND r.status IN ('open', 'in_progress')) AS unfinished,
              COALESCE((SELECT group_concat(due_on, ',') FROM (SELECT due_on FROM joint_resolutions r
                 WHERE r.meeting_id = j.id AND r.status IN ('open', 'in_progress') ORDER BY due_on)), '') AS unfinishedDueOns,
              MAX(j.updated_at, COALESCE((SELECT MAX(updated_at) FROM joint_resolutions r WHERE r.meeting_id = j.id), '')) AS updatedAt
       FROM joint_meetings j JOIN places p ON p.id = j.estate_id JOIN places c ON c.id = p.parent_id
       WHERE ${inScope('p')} ORDER BY j.held_on, p.name, j.id`,
    )
    .all(...scopeArgs(communityId)) as MeetingExport[];
}

/** A joint-meeting resolution as the registers list them, one per row, with its history in short. */
export interface ResolutionExport {
  id: string;
  meetingId: string;
  estateId: string;
  estateName: string;
  community: string;
  heldOn: string;
  seq: number;
  content: string;
  responsibleParty: JointParty;
  responsiblePerson: string | null;
  dueOn: string;
  /** The deadline set at the meeting, before any extension (equal to dueOn when never extended). */
  firstDueOn: string;
  extensions: number;
  status: ResolutionStatus;
  doneOn: string | null;
  droppedReason: string | null;
  noticedOn: string | null;
  rating: ResidentRating | null;
  updatedAt: string;
}

/** Every resolution of every meeting (registers keep history; the register picks the period's). */
export function exportResolutions(db: Db, communityId: string | null): ResolutionExport[] {
  return db
    .prepare(
      `SELECT r.id, r.meeting_id AS meetingId, j.estate_id AS estateId, p.name AS estateName, c.name AS community, j.held_on AS heldOn,
              r.seq, r.content, r.responsible_party AS responsibleParty, r.responsible_person AS responsiblePerson, r.due_on AS dueOn,
              COALESCE((SELECT x.old_due_on FROM resolution_extensions x WHERE x.resolution_id = r.id ORDER BY x.created_at, x.id LIMIT 1), r.due_on) AS firstDueOn,
              (SELECT COUNT(*) FROM resolution_extensions x WHERE x.resolution_id = r.id) AS extensions,
              r.status, r.done_on AS doneOn, r.dropped_reason AS droppedReason, r.noticed_on AS noticedOn, r.rating, r.updated_at AS updatedAt
       FROM joint_resolutions r JOIN joint_meetings j ON j.id = r.meeting_id JOIN places p ON p.id = j.estate_id JOIN places c ON c.id = p.parent_id
       WHERE ${inScope('p')} ORDER BY j.held_on, p.name, j.id, r.seq`,
    )
    .all(...scopeArgs(communityId)) as ResolutionExport[];
}

/** Every assessment with its estate and company; the score and standing are the module's to compute. */
export function exportAssessments(db: Db, communityId: string | null): AssessmentBase[] {
  return db
    .prepare(
      `SELECT a.id, a.period, a.estate_id AS estateId, p.name AS estateName, c.name AS community, a.company_id AS companyId,
              co.name AS companyName, t.name AS templateName, t.version AS templateVersion,
              (SELECT COUNT(*) FROM assessment_sheets s WHERE s.assessment_id = a.id) AS sheets,
              MAX(a.updated_at, COALESCE((SELECT MAX(updated_at) FROM assessment_sheets s WHERE s.assessment_id = a.id), '')) AS updatedAt
       FROM assessments a JOIN places p ON p.id = a.estate_id JOIN places c ON c.id = p.parent_id
       JOIN property_companies co ON co.id = a.company_id JOIN assessment_templates t ON t.id = a.template_id
       WHERE ${inScope('p')} ORDER BY a.period, c.name, p.name, a.id`,
    )
    .all(...scopeArgs(communityId)) as AssessmentBase[];
}

/** An estate's quarter: its fee collection and its satisfaction survey, either of which may be missing. */
export interface QuarterExport {
  /** The fee row's id, or the survey's when there is no fee row: one record per estate and quarter. */
  id: string;
  estateId: string;
  estateName: string;
  community: string;
  period: string;
  /** Fen. */
  receivableFen: number | null;
  unpaidFen: number | null;
  arrearsCollectedFen: number | null;
  households: number | null;
  sampleSize: number | null;
  reached: number | null;
  satisfied: number | null;
  mostlySatisfied: number | null;
  unsatisfied: number | null;
  updatedAt: string;
}

/** Every quarter with a fee or a survey row, per estate (a few hundred rows a street a year). */
export function exportQuarters(db: Db, communityId: string | null): QuarterExport[] {
  return db
    .prepare(
      `WITH q AS (SELECT estate_id, period FROM property_fees UNION SELECT estate_id, period FROM property_surveys)
       SELECT COALESCE(f.id, s.id) AS id, q.estate_id AS estateId, p.name AS estateName, c.name AS community, q.period,
              f.receivable_fen AS receivableFen, f.unpaid_fen AS unpaidFen, f.arrears_collected_fen AS arrearsCollectedFen,
              s.households, s.sample_size AS sampleSize, s.reached, s.satisfied, s.mostly_satisfied AS mostlySatisfied,
              s.unsatisfied, MAX(COALESCE(f.updated_at, ''), COALESCE(s.updated_at, '')) AS updatedAt
       FROM q JOIN places p ON p.id = q.estate_id JOIN places c ON c.id = p.parent_id
       LEFT JOIN property_fees f ON f.estate_id = q.estate_id AND f.period = q.period
       LEFT JOIN property_surveys s ON s.estate_id = q.estate_id AND s.period = q.period
       WHERE ${inScope('p')} ORDER BY q.period, c.name, p.name, q.estate_id`,
    )
    .all(...scopeArgs(communityId)) as QuarterExport[];
}
