import { labelOrgName, labelOrgNames } from '../org-names';
import type { Db } from '../../../../db/open';
import {
  deleteMeeting,
  getMeeting,
  insertMeeting,
  listMeetings,
  updateMeeting,
  type MeetingFields,
} from '../../../../db/party/meetings';
import { getMember, rosterOf } from '../../../../db/party/members';
import { getOrg, scopePathOf } from '../../../../db/party/orgs';
import { getInstallation } from '../../../../db/settings';
import { pdfOut } from '../../../export/file-out';
import { complianceCounts, compliancePage } from '../../../../db/party/compliance';
import { DomainError, fieldError, notFound } from '../../common/errors';
import { todayIso } from '../../common/calendar';
import type { ParsedInputOf } from '../../common/channel';
import type { Handlers } from '../../router';
import { complianceQuery, complianceRow, quarterRange, type ComplianceView } from '../compliance';
import type { partyContract } from '../contract';
import { meetingTypes } from '../labels';
import { MEETING_RECORD_TITLE, renderMeetingRecord } from '../meeting-pdf';
import { reverseMeetingPoints } from '../../volunteer/handlers/meeting-credit';

type C = typeof partyContract;

function checkMeeting(db: Db, m: MeetingFields) {
  const org = getOrg(db, m.orgId);
  if (!org || org.status !== 'active') throw fieldError('orgId', '召开会议的组织不存在或已撤销');
  if (m.type === 'group' && org.level !== 'group') throw fieldError('type', '党小组会应由党小组召开');
  if (m.type !== 'group' && org.level !== 'branch') throw fieldError('orgId', `${meetingTypes[m.type]}应由党支部召开`);
  m.attendance.forEach((a, i) => {
    if (!a.memberId) return;
    const member = getMember(db, a.memberId);
    if (!member) throw fieldError(`attendance.${i}.name`, `${a.name}不在党员名册中`);
    if (!member.orgPath.startsWith(org.path) && a.status !== 'guest') {
      throw fieldError(`attendance.${i}.status`, `${member.name}不属于${org.name}，只能登记为列席`);
    }
  });
}

/** The subtree a compliance view covers: a unit's (or, for a party group, its branch's); null for the district. */
function complianceScope(db: Db, orgId: string | null): string | null {
  if (!orgId) return null;
  const org = getOrg(db, orgId);
  if (!org) throw notFound('党组织');
  return org.level === 'group' && org.parentId ? getOrg(db, org.parentId)!.path : org.path;
}

/** A page of the compliance view, counted in SQL over the kept meeting counts (db/party/compliance.ts). */
export function complianceFor(db: Db, input: ParsedInputOf<C['party.getCompliance']>): ComplianceView {
  const { year, quarter } = input;
  const today = todayIso();
  const q = complianceQuery(year, quarter, complianceScope(db, input.orgId), today);
  const page = compliancePage(db, q, input);
  const { from, to } = quarterRange(year, quarter);
  return { year, quarter, from, to, ...page, rows: page.rows.map((b) => complianceRow(year, quarter, b, today)) };
}

/** The dashboard's two figures: branches in scope and how many are behind this quarter. */
export function complianceCountsFor(db: Db, year: number, quarter: number, orgId: string | null, today = todayIso()) {
  return complianceCounts(db, complianceQuery(year, quarter, complianceScope(db, orgId), today));
}

export const meetingHandlers: Pick<
  Handlers<C>,
  | 'party.listMeetings'
  | 'party.getMeeting'
  | 'party.getRoster'
  | 'party.createMeeting'
  | 'party.updateMeeting'
  | 'party.deleteMeeting'
  | 'party.printMeeting'
  | 'party.getCompliance'
> = {
  'party.listMeetings': (input, { db }) => {
    const orgPath = scopePathOf(db, input.orgId);
    const page = listMeetings(db, { ...input, orgPath });
    return { ...page, rows: labelOrgNames(db, page.rows) };
  },

  'party.getMeeting': ({ id }, { db }) => {
    const m = getMeeting(db, id);
    if (!m) throw notFound('会议记录');
    return labelOrgName(db, m);
  },

  'party.getRoster': ({ orgId }, { db }) => {
    const org = getOrg(db, orgId);
    if (!org) throw notFound('党组织');
    return rosterOf(db, org.path);
  },

  'party.createMeeting': (input, { db, operator, audit }) => {
    checkMeeting(db, input);
    const id = insertMeeting(db, input, operator);
    const after = getMeeting(db, id)!;
    audit({ action: 'create', entity: 'meeting', entityId: id, after });
    return after;
  },

  'party.updateMeeting': ({ id, meeting }, { db, operator, audit }) => {
    const before = getMeeting(db, id);
    if (!before) throw notFound('会议记录');
    checkMeeting(db, meeting);
    updateMeeting(db, id, meeting, operator);
    const after = getMeeting(db, id)!;
    audit({ action: 'update', entity: 'meeting', entityId: id, before, after });
    return after;
  },

  'party.deleteMeeting': ({ id }, ctx) => {
    const { db, audit } = ctx;
    const before = getMeeting(db, id);
    if (!before) throw notFound('会议记录');
    if (before.resolutions.some((r) => r.status === 'done')) {
      throw new DomainError('CONFLICT', '这次会议的决议已有办结记录，不能删除；如有错误请修改会议记录', 'MEETING_HAS_DONE_RESOLUTIONS');
    }
    // Its base points go with it, reversed on the ledger (refused with the record kept if someone has spent them).
    const reversed = reverseMeetingPoints(ctx, id, `冲正：删除会议记录“${before.topic}”`);
    deleteMeeting(db, id);
    // The audit entry keeps the whole record, so a deletion can be looked up later.
    audit({ action: 'delete', entity: 'meeting', entityId: id, before, after: reversed.people ? { reversedPoints: reversed } : undefined });
    return null;
  },

  'party.printMeeting': async ({ id }, { db, audit }) => {
    const m = getMeeting(db, id);
    if (!m) throw notFound('会议记录');
    const record = labelOrgName(db, m);
    const pdf = await renderMeetingRecord(record, getInstallation(db)?.unitName ?? '');
    // Names of the attendees left the system on paper: logged, like every export.
    audit({ action: 'print', entity: 'meeting', entityId: id, after: { document: MEETING_RECORD_TITLE } });
    return pdfOut(`${MEETING_RECORD_TITLE}-${record.orgName}-${meetingTypes[record.type]}-${record.heldOn}.pdf`, pdf);
  },

  'party.getCompliance': (input, { db }) => complianceFor(db, input),
};
