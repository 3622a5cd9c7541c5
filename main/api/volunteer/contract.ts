import { z } from 'zod';
import type {
  ActivityListRow, ActivityRecord, Application, AssignmentRow, EntryListRow, HonourRow, ItemRow, MonthFigure,
  PendingMeeting, PeriodTotals, PersonPick, PersonYear, PostRow, RankRow, RedemptionRow, RuleRow, ServiceLine, UnitRankRow,
  VolunteerListRow, VolunteerRecord,
} from '../../../db/volunteer/types';
import { read, task, write } from '../common/channel';
import type { FileOut } from '../common/files';
import { id, type Page } from '../common/fields';
import {
  ActivityInput,
  ActivityList,
  ActivityUpdate,
  ApplyActivity,
  ApplyMeeting,
  AssignmentList,
  AssignPosts,
  CancelSignUp,
  EntryList,
  HonourInput,
  HonourList,
  ItemInput,
  ItemUpdate,
  LinkMember,
  ManualEntry,
  MemberVolunteerInput,
  PostInput,
  PostUpdate,
  Ranking,
  RecordHours,
  Redeem,
  RedemptionList,
  Restock,
  ResidentInput,
  RetirePost,
  ReverseApplication,
  ReverseEntry,
  RevealVolunteer,
  RuleInput,
  Scope,
  SearchPeople,
  ServiceRecord,
  SetVolunteerLeft,
  SignUp,
  UnitRanking,
  VolunteerList,
  VolunteerUpdate,
} from './schemas';

/** A volunteer as screens show them: ID number and phone masked unless revealed through `revealVolunteer`. */
export type VolunteerView = Omit<VolunteerRecord, 'idNumber' | 'phone'> & { idNumberMasked: string; phoneMasked: string };
export type VolunteerListView = Omit<VolunteerListRow, 'idNumber' | 'phone'> & { idNumberMasked: string; phoneMasked: string };

export interface VolunteerDetail {
  volunteer: VolunteerView;
  years: PersonYear[];
  /** What may be spent now, under the rule in force (yearly expiry: this year's points only). */
  balance: number;
  expiry: RuleRow['expiry'];
  honours: HonourRow[];
  recentActivities: ServiceLine[];
}

/** Someone to pick (a volunteer, or an active party member not on the volunteer register yet), with their points to spend. */
export interface PersonHit extends PersonPick {
  balance: number;
}

export interface ActivityDetail extends ActivityRecord {
  application: Application | null;
}

export interface ApplyResult {
  entries: number;
  points: number;
  ruleVersion: number;
}

/** A meeting's base points still standing: the people credited and their points (tenths). */
export interface MeetingCredit {
  people: number;
  points: number;
}

export interface VolunteerDashboard {
  year: number;
  volunteers: { total: number; members: number; residents: number };
  unassignedMembers: number;
  thisYear: PeriodTotals;
  months: MonthFigure[];
  top: RankRow[];
  upcoming: ActivityListRow[];
  pendingMeetings: number;
  linkable: number;
}

export interface ServiceRecordData {
  volunteer: VolunteerView;
  from: string;
  to: string;
  lines: ServiceLine[];
  totalHours: number;
  activities: number;
  unitName: string;
}

const byId = z.object({ id });
const none = z.object({});

export const volunteerContract = {
  'volunteer.listVolunteers': read<Page<VolunteerListView>>()(VolunteerList),
  'volunteer.getVolunteer': read<VolunteerDetail>()(byId),
  'volunteer.searchPeople': read<PersonHit[]>()(SearchPeople),
  'volunteer.createResident': write<VolunteerView>()(ResidentInput),
  'volunteer.addMember': write<VolunteerView>()(MemberVolunteerInput),
  'volunteer.updateVolunteer': write<VolunteerView>()(VolunteerUpdate),
  'volunteer.revealVolunteer': write<{ value: string }>()(RevealVolunteer, { needs: 'review' }),
  'volunteer.linkMember': write<VolunteerView>()(LinkMember),
  'volunteer.setLeft': write<VolunteerView>()(SetVolunteerLeft),

  'volunteer.listPosts': read<PostRow[]>()(z.object({ includeRetired: z.boolean().default(false) })),
  'volunteer.createPost': write<PostRow>()(PostInput),
  'volunteer.updatePost': write<PostRow>()(PostUpdate),
  'volunteer.retirePost': write<PostRow>()(RetirePost),
  'volunteer.listAssignments': read<Page<AssignmentRow>>()(AssignmentList),
  'volunteer.assignPosts': write<{ changed: number }>()(AssignPosts),

  'volunteer.listActivities': read<Page<ActivityListRow>>()(ActivityList),
  'volunteer.getActivity': read<ActivityDetail>()(byId),
  'volunteer.createActivity': write<ActivityDetail>()(ActivityInput),
  'volunteer.updateActivity': write<ActivityDetail>()(ActivityUpdate),
  'volunteer.deleteActivity': write<null>()(byId),
  'volunteer.signUp': write<ActivityDetail>()(SignUp),
  'volunteer.cancelSignUp': write<ActivityDetail>()(CancelSignUp),
  'volunteer.recordHours': write<ActivityDetail>()(RecordHours),
  'volunteer.applyActivity': write<ApplyResult>()(ApplyActivity),
  'volunteer.reverseActivity': write<{ reversed: number }>()(ReverseApplication),
  'volunteer.listPendingMeetings': read<Page<PendingMeeting>>()(z.object({ limit: z.number().int().min(1).max(200).default(50) })),
  'volunteer.applyMeeting': write<ApplyResult>()(ApplyMeeting),
  /** What deleting the meeting would reverse (the delete's confirmation says it). */
  'volunteer.meetingCredit': read<MeetingCredit>()(ApplyMeeting),

  'volunteer.listRules': read<RuleRow[]>()(none),
  'volunteer.addRule': write<RuleRow>()(RuleInput),
  'volunteer.listEntries': read<Page<EntryListRow> & { capped: boolean }>()(EntryList),
  'volunteer.addEntry': write<EntryListRow>()(ManualEntry),
  'volunteer.reverseEntry': write<EntryListRow>()(ReverseEntry),

  'volunteer.ranking': read<Page<RankRow>>()(Ranking),
  'volunteer.unitRanking': read<UnitRankRow[]>()(UnitRanking),
  'volunteer.unitTotals': read<PeriodTotals>()(z.object({ orgId: id, year: z.number().int(), quarter: z.number().int().min(0).max(4) })),
  'volunteer.listHonours': read<HonourRow[]>()(HonourList),
  'volunteer.awardHonour': write<HonourRow>()(HonourInput),
  'volunteer.revokeHonour': write<null>()(byId),

  'volunteer.listItems': read<ItemRow[]>()(z.object({ includeRetired: z.boolean().default(false) })),
  'volunteer.createItem': write<ItemRow>()(ItemInput),
  'volunteer.updateItem': write<ItemRow>()(ItemUpdate),
  'volunteer.restock': write<ItemRow>()(Restock),
  'volunteer.redeem': write<{ redemptionId: string; entry: EntryListRow; balance: number; stock: number }>()(Redeem),
  'volunteer.listRedemptions': read<RedemptionRow[]>()(RedemptionList),

  'volunteer.getServiceRecord': read<ServiceRecordData>()(ServiceRecord),
  'volunteer.printServiceRecord': task<FileOut>()(ServiceRecord),
  'volunteer.getDashboard': read<VolunteerDashboard>()(Scope),
};
