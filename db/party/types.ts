/**
 * The row types of db/party/'s repositories, as the contract sends them to the window. Type-only and free of Node and
 * SQLite: the shared files import them, and the renderer's typecheck reads them (docs/architecture.md, layers).
 */

// meetings.ts

export type MeetingType = 'general' | 'committee' | 'group' | 'lecture' | 'theme_day';

export type AttendanceStatus = 'present' | 'absent' | 'leave' | 'guest';

export interface Attendance {
  memberId: string | null;
  name: string;
  status: AttendanceStatus;
  reason: string | null;
}

export interface Resolution {
  id?: string;
  content: string;
  owner: string | null;
  dueOn: string | null;
  status: 'open' | 'done';
  doneOn: string | null;
}

export interface MeetingFields {
  orgId: string;
  type: MeetingType;
  heldOn: string;
  startTime: string | null;
  topic: string;
  place: string | null;
  host: string | null;
  recorder: string | null;
  minutes: string | null;
  attendance: Attendance[];
  resolutions: Resolution[];
}

export interface MeetingRecord extends MeetingFields {
  id: string;
  orgName: string;
  resolutions: (Resolution & { id: string })[];
  createdAt: string;
  updatedAt: string;
  operator: string;
}

export interface MeetingListRow {
  id: string;
  orgId: string;
  orgName: string;
  type: MeetingType;
  heldOn: string;
  topic: string;
  place: string | null;
  host: string | null;
  present: number;
  absent: number;
  leave: number;
  resolutions: number;
}

export interface OpenResolution {
  id: string;
  meetingId: string;
  orgId: string;
  orgName: string;
  heldOn: string;
  content: string;
  owner: string | null;
  dueOn: string | null;
}

// members.ts

export type MemberStatus = 'full' | 'probationary';

export type MemberCategory = 'community' | 'in_service' | 'migrant';

export type MemberRole = 'secretary' | 'deputy_secretary' | 'committee' | 'group_leader';

export type Lifecycle = 'active' | 'transferred_out' | 'deceased';

/** Every stored field of a member, as the register holds it (unmasked). */
export interface MemberFields {
  name: string;
  gender: 'male' | 'female';
  ethnicity: string | null;
  education: string | null;
  birthDate: string | null;
  idNumber: string | null;
  phone: string | null;
  joinedOn: string;
  fullOn: string | null;
  status: MemberStatus;
  category: MemberCategory;
  workUnit: string | null;
  reportedOn: string | null;
  orgId: string;
  buildingId: string | null;
  address: string | null;
  role: MemberRole | null;
  isCentreHousehold: boolean;
  note: string | null;
}

export interface MemberRecord extends MemberFields {
  id: string;
  orgName: string;
  orgPath: string;
  buildingName: string | null;
  lifecycle: Lifecycle;
  leftOn: string | null;
  leftTo: string | null;
  transferredInOn: string | null;
  transferredFrom: string | null;
  createdAt: string;
  updatedAt: string;
  operator: string;
}

export interface MemberEvent {
  id: string;
  kind: string;
  onDate: string;
  detail: Record<string, unknown>;
  operator: string;
  createdAt: string;
}

export interface MemberListRow {
  id: string;
  name: string;
  gender: 'male' | 'female';
  birthDate: string | null;
  idNumber: string | null;
  phone: string | null;
  joinedOn: string;
  status: MemberStatus;
  category: MemberCategory;
  workUnit: string | null;
  orgId: string;
  orgName: string;
  address: string | null;
  role: MemberRole | null;
  isCentreHousehold: boolean;
  lifecycle: Lifecycle;
}

export interface ServedHousehold {
  id: string;
  household: string;
  headName: string | null;
  note: string | null;
}

// orgs.ts

export type OrgLevel = 'street_committee' | 'community_committee' | 'branch' | 'group';

export interface OrgRow {
  id: string;
  parentId: string | null;
  level: OrgLevel;
  kind: string;
  name: string;
  placeId: string | null;
  placeName: string | null;
  path: string;
  establishedOn: string | null;
  status: 'active' | 'dissolved';
  dissolvedOn: string | null;
  /** Active members belonging directly to this unit. */
  memberCount: number;
  secretaryName: string | null;
  updatedAt: string;
  operator: string;
}

/** A unit as one level of the tree sends it: its row, how many active units sit directly below it, its subtree's members. */
export interface OrgNode extends OrgRow {
  childCount: number;
  /** Active units anywhere below it (what a move carries along). */
  descendantCount: number;
  /** Active members of the unit and every unit below it. */
  subtreeMembers: number;
}

// places.ts

export type PlaceKind = 'community' | 'estate' | 'building';

export interface PlaceRow {
  id: string;
  kind: PlaceKind;
  parentId: string | null;
  name: string;
  code: string | null;
  unitCount: number | null;
  households: number | null;
  note: string | null;
  childCount: number;
  updatedAt: string;
  operator: string;
}

// ratings.ts

export interface RatingRow {
  id: string;
  orgId: string;
  orgName: string;
  year: number;
  stars: number;
  reasons: string;
  ratedOn: string;
  updatedAt: string;
  operator: string;
}

/** One active branch as 五星支部 lists it, with the year's rating (all nulls when it is still to be rated). */
export interface BranchRating {
  orgId: string;
  name: string;
  parentName: string | null;
  stars: number | null;
  reasons: string | null;
  ratedOn: string | null;
}

export interface BranchRatingsPage {
  rows: BranchRating[];
  /** Branches in scope (the list's length). */
  total: number;
  rated: number;
  /** How many branches have 1–5 stars: `byStars[s - 1]`. */
  byStars: number[];
}

// stats.ts

export interface PartyStats {
  active: number;
  byCategory: Record<'community' | 'in_service' | 'migrant', number>;
  byStatus: Record<'full' | 'probationary', number>;
  centreHouseholds: number;
  transferredOutThisYear: number;
  /** The largest branches; `orgName` the bare name here, labelled apart from a same-named one by the core. */
  byBranch: { orgId: string; orgName: string; count: number }[];
}

export interface ProbationDue {
  id: string;
  name: string;
  orgId: string;
  orgName: string;
  joinedOn: string;
  dueOn: string;
  /** The year ended before today and the member is still probationary (已超期未转正). */
  overdue: boolean;
}

/** A place found by the picker's search (db/party/places.ts `searchPlaces`). */
export interface PlaceHit {
  id: string;
  kind: PlaceKind;
  /** With its parents: 西里社区 阳光小区 3号楼. */
  label: string;
}

/**
 * What db/party/compliance.ts counts compliance for. Which meetings are required is the caller's data
 * (main/api/party/compliance.ts's meetingRules); whether a period is over depends on today, so the caller says which of the quarter's months (and the quarter) have ended.
 */
export interface ComplianceQuery {
  rules: readonly { type: MeetingType; every: 'month' | 'quarter' }[];
  /** The quarter's three months, `2026-10`. */
  months: readonly string[];
  /** Per month: whether it is over (or today is its last day), so an unheld meeting is missing, not pending. */
  monthEnded: readonly boolean[];
  quarterEnded: boolean;
  scopePath: string | null;
}

export interface CompliancePage {
  onlyBehind: boolean;
  order: 'behind' | 'name';
  offset: number;
  limit: number;
}

/**
 * One branch's facts for the quarter. `held[type]`: per month for a monthly rule, one figure for a quarterly one;
 * group meetings are held by the branch's groups, so they come as per-month sums and how many groups held one.
 */
export interface BranchCompliance {
  orgId: string;
  name: string;
  parentName: string | null;
  groups: number;
  held: Partial<Record<MeetingType, number[]>>;
  groupsHeld: number[];
  missing: number;
}
