import { z } from 'zod';
import type {
  BranchRatingsPage, MeetingListRow, MeetingRecord, MemberEvent, MemberListRow, MemberRecord, OpenResolution, OrgNode, OrgRow, PartyStats,
  PlaceRow, ProbationDue, RatingRow, ServedHousehold,
} from '../../../db/party/types';
import { read, task, write } from '../common/channel';
import type { FileOut } from '../common/files';
import { id, type Page } from '../common/fields';
import type { ComplianceView } from './compliance';
import {
  BecomeFull,
  BranchRatingList,
  ComplianceList,
  Deceased,
  MeetingInput,
  MeetingList,
  MeetingUpdate,
  MemberInput,
  MemberList,
  MemberUpdate,
  OrgChildren,
  OrgDissolve,
  OrgInput,
  OrgMove,
  OrgPath,
  OrgSearch,
  OrgUpdate,
  PlaceInput,
  PlaceUpdate,
  RatingInput,
  Readmit,
  Reveal,
  ServedHouseholds,
  TransferIn,
  TransferOut,
} from './schemas';

/** A member as lists and drawers show it: ID number and phone masked unless revealed through `revealMember`. */
export type MemberView = Omit<MemberRecord, 'idNumber' | 'phone'> & { idNumberMasked: string; phoneMasked: string };
export type MemberListView = Omit<MemberListRow, 'idNumber' | 'phone'> & { idNumberMasked: string; phoneMasked: string };

export interface MemberDetail {
  member: MemberView;
  events: MemberEvent[];
  households: ServedHousehold[];
}

export interface PartyDashboard {
  stats: PartyStats;
  probationDue: ProbationDue[];
  compliance: { year: number; quarter: number; branches: number; behind: number };
  overdueResolutions: OpenResolution[];
}

/**
 * The dashboard's two trends: per quarter, the 三会一课 slots judged so far and those missing (both 0 for a quarter
 * before the first recorded meeting: no records, not none held); per month, the members on the register at its end
 * (today for this month) by category.
 */
export interface PartyTrends {
  quarters: { year: number; quarter: number; due: number; missing: number }[];
  months: ({ month: string } & Record<'community' | 'in_service' | 'migrant', number>)[];
}

const byId = z.object({ id });
/** `label` tells same-named units apart (`orgLabelsOf`), as every other list names a unit. */
export type OrgNodeView = OrgNode & { label: string };
const scope = z.object({ orgId: id.nullish().transform((v) => v ?? null) });

export const partyContract = {
  'party.listPlaces': read<PlaceRow[]>()(z.object({})),
  'party.createPlace': write<PlaceRow>()(PlaceInput),
  'party.updatePlace': write<PlaceRow>()(PlaceUpdate),
  'party.deletePlace': write<null>()(byId),

  // The tree a level at a time (the roots when parentId is null), and a search that opens it down to any unit.
  'party.orgChildren': read<OrgNodeView[]>()(OrgChildren),
  'party.searchOrgs': read<OrgNodeView[]>()(OrgSearch),
  'party.orgPath': read<OrgNodeView[]>()(OrgPath),
  'party.createOrg': write<OrgRow>()(OrgInput),
  'party.updateOrg': write<OrgRow>()(OrgUpdate),
  'party.moveOrg': write<OrgRow>()(OrgMove),
  'party.dissolveOrg': write<OrgRow>()(OrgDissolve),

  'party.listMembers': read<Page<MemberListView>>()(MemberList),
  'party.getMember': read<MemberDetail>()(byId),
  'party.createMember': write<MemberView>()(MemberInput),
  'party.updateMember': write<MemberView>()(MemberUpdate),
  'party.transferIn': write<MemberView>()(TransferIn),
  'party.transferOut': write<MemberView>()(TransferOut),
  'party.markDeceased': write<MemberView>()(Deceased),
  'party.becomeFull': write<MemberView>()(BecomeFull),
  'party.readmitMember': write<MemberView>()(Readmit),
  'party.revealMember': write<{ value: string }>()(Reveal, { needs: 'review' }),
  'party.setServedHouseholds': write<ServedHousehold[]>()(ServedHouseholds),

  'party.listMeetings': read<Page<MeetingListRow>>()(MeetingList),
  'party.getMeeting': read<MeetingRecord>()(byId),
  'party.getRoster': read<{ id: string; name: string; role: string | null; orgName: string }[]>()(z.object({ orgId: id })),
  'party.createMeeting': write<MeetingRecord>()(MeetingInput),
  'party.updateMeeting': write<MeetingRecord>()(MeetingUpdate),
  'party.deleteMeeting': write<null>()(byId),
  // The 会议记录 as it is saved, on paper to sign (main/api/party/meeting-pdf.ts).
  'party.printMeeting': task<FileOut>()(byId),
  'party.getCompliance': read<ComplianceView>()(ComplianceList),

  'party.rateBranch': write<RatingRow>()(RatingInput),
  /** A branch's ratings, the latest year first (the rating drawer's history). */
  'party.listRatings': read<RatingRow[]>()(z.object({ orgId: id })),
  'party.listBranchRatings': read<BranchRatingsPage>()(BranchRatingList),

  'party.getDashboard': read<PartyDashboard>()(scope),
  // Its charts, asked for apart so the figures above them do not wait for six quarters of compliance.
  'party.getTrends': read<PartyTrends>()(scope),
};
