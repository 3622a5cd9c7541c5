/**
 * The row types of db/volunteer/'s repositories, as the contract sends them to the window. Type-only and free of Node and
 * SQLite: the shared files import them, and the renderer's typecheck reads them (docs/architecture.md, layers).
 */

// activities.ts

export type Attendance = 'pending' | 'present' | 'absent';

export interface ActivityFields {
  title: string;
  postId: string | null;
  onDate: string;
  startTime: string | null;
  endTime: string | null;
  place: string | null;
  organiserOrgId: string;
  capacity: number | null;
  description: string | null;
}

export interface Participant {
  id: string;
  volunteerId: string;
  kind: 'member' | 'resident';
  name: string;
  orgId: string;
  orgName: string;
  signedUp: boolean;
  walkIn: boolean;
  attendance: Attendance;
  /** Tenths of an hour. */
  hours: number;
  note: string | null;
}

export interface Application {
  id: string;
  ruleId: string;
  ruleVersion: number;
  entries: number;
  appliedAt: string;
  operator: string;
}

export interface ActivityRecord extends ActivityFields {
  id: string;
  postName: string | null;
  organiserName: string;
  recorderOrgId: string | null;
  recorderOrgName: string | null;
  recordedBy: string | null;
  recordedAt: string | null;
  participants: Participant[];
  createdAt: string;
  updatedAt: string;
  operator: string;
}

export type ActivityStatus = 'planned' | 'recorded' | 'credited';

export interface ActivityListRow {
  id: string;
  title: string;
  onDate: string;
  startTime: string | null;
  postName: string | null;
  organiserName: string;
  place: string | null;
  capacity: number | null;
  signedUp: number;
  present: number;
  hours: number;
  status: ActivityStatus;
}

// entries.ts

export interface EntryListRow {
  id: string;
  onDate: string;
  volunteerId: string;
  name: string;
  orgId: string;
  orgName: string;
  category: Category;
  amount: number;
  hours: number;
  reason: string;
  sourceKind: SourceKind;
  sourceId: string | null;
  sourceTitle: string | null;
  reversesId: string | null;
  /** The entry that cancelled this one. */
  reversedBy: string | null;
  ruleVersion: number | null;
  operator: string;
  createdAt: string;
}

// honours.ts

export type HonourTitle = 'vanguard' | 'star' | 'excellent';

export interface HonourFields {
  volunteerId: string;
  title: HonourTitle;
  year: number;
  quarter: number | null;
  orgId: string;
  awardedOn: string;
  /** Points earned in the period when awarded (tenths), kept as the reason it was given. */
  points: number | null;
  note: string | null;
}

export interface HonourRow extends HonourFields {
  id: string;
  name: string;
  orgName: string;
  operator: string;
}

// ledger.ts

export type Category = 'base' | 'service' | 'contribution' | 'redeem';

export type SourceKind = 'activity' | 'meeting' | 'donation' | 'redemption' | 'manual' | 'opening';

export interface PersonYear {
  year: number;
  base: number;
  service: number;
  contribution: number;
  redeemed: number;
  earned: number;
  hours: number;
}

// posts.ts

export interface PostRow {
  id: string;
  kind: 'standard' | 'custom';
  code: string | null;
  orgId: string | null;
  orgName: string | null;
  /** The unit's materialised path: a custom post is for the people of its subtree. */
  orgPath: string | null;
  name: string;
  description: string | null;
  seq: number;
  status: 'active' | 'retired';
  /** Active volunteers holding the post. */
  holders: number;
}

export interface AssignmentRow {
  memberId: string;
  name: string;
  role: string | null;
  orgId: string;
  orgName: string;
  /** The member's unit's path: which custom posts they may hold (those of a unit above it). */
  orgPath: string;
  volunteerId: string | null;
  postId: string | null;
  postName: string | null;
}

// rankings.ts

export interface RankRow {
  rank: number;
  volunteerId: string;
  name: string;
  kind: 'member' | 'resident';
  orgId: string;
  orgName: string;
  base: number;
  service: number;
  contribution: number;
  earned: number;
  hours: number;
}

export interface PeriodTotals {
  base: number;
  service: number;
  contribution: number;
  redeemed: number;
  earned: number;
  hours: number;
}

export interface UnitRankRow extends PeriodTotals {
  rank: number;
  orgId: string;
  name: string;
  parentName: string | null;
}

export interface MonthFigure extends PeriodTotals {
  /** YYYY-MM */
  month: string;
}

// rules.ts

export type Expiry = 'rollover' | 'yearly';

export interface RuleFields {
  effectiveFrom: string;
  /** Points (tenths) per served hour. */
  pointsPerHour: number;
  /** Hours (tenths) credited per activity at most; null: no cap. */
  maxHoursPerActivity: number | null;
  /** Base points (tenths) for attending a branch meeting; 0: none. */
  meetingBasePoints: number;
  expiry: Expiry;
  note: string | null;
}

export interface RuleRow extends RuleFields {
  id: string;
  version: number;
  createdAt: string;
  operator: string;
}

// shop.ts

export interface ItemFields {
  name: string;
  /** Points (tenths) per unit. */
  price: number;
  unit: string;
  description: string | null;
}

export interface ItemRow extends ItemFields {
  id: string;
  stock: number;
  status: 'active' | 'retired';
  redeemed: number;
  updatedAt: string;
  operator: string;
}

export interface RedemptionRow {
  id: string;
  onDate: string;
  itemName: string;
  quantity: number;
  points: number;
  volunteerId: string;
  name: string;
  entryId: string;
  reversed: boolean;
  operator: string;
}

// people.ts

export interface VolunteerFields {
  team: string | null;
  skills: string | null;
  registeredOn: string;
  note: string | null;
}

export interface VolunteerRecord extends VolunteerFields {
  id: string;
  kind: 'member' | 'resident';
  memberId: string | null;
  name: string;
  gender: 'male' | 'female' | null;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
  orgId: string;
  orgName: string;
  orgPath: string;
  active: boolean;
  postId: string | null;
  postName: string | null;
  postSince: string | null;
  leftOn: string | null;
  /** A resident whose ID number is now a party member's: link them (linkMember) so they stay one person. */
  linkableMemberId: string | null;
  createdAt: string;
  updatedAt: string;
  operator: string;
}

/** A row of the volunteer list: the record's identity and post, with the year's figures. */
export type VolunteerListRow = Pick<
  VolunteerRecord,
  'id' | 'kind' | 'memberId' | 'name' | 'gender' | 'idNumber' | 'phone' | 'address' | 'orgId' | 'orgName' | 'active' | 'team' | 'skills' | 'postId' | 'postName'
  | 'registeredOn'
> & {
  /** Points earned in `year` (tenths). */
  yearEarned: number;
  yearHours: number;
  linkable: boolean;
};

// service-record.ts

export interface ServiceLine {
  activityId: string;
  title: string;
  onDate: string;
  startTime: string | null;
  endTime: string | null;
  postName: string | null;
  place: string | null;
  organiserName: string;
  recorderOrgName: string | null;
  recordedBy: string | null;
  /** Tenths of an hour. */
  hours: number;
}

export interface PendingMeeting {
  meetingId: string;
  orgId: string;
  orgName: string;
  type: string;
  heldOn: string;
  topic: string;
  present: number;
}

/** Someone a person picker offers: a volunteer, or an active party member not on the volunteer register yet. */
export interface PersonPick {
  volunteerId: string | null;
  memberId: string | null;
  name: string;
  orgId: string;
  orgName: string;
  kind: 'member' | 'resident';
  postName: string | null;
}

/** The person an import row names — a party member or a registered resident — and where they belong. */
export interface PersonEntry {
  volunteerId: string | null;
  memberId: string | null;
  name: string;
  orgId: string;
  orgPath: string;
  postId: string | null;
}
