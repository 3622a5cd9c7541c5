/**
 * The row types of db/requests/'s repositories, as the contract sends them to the window. Type-only and free of Node
 * and SQLite: the shared files import them, and the renderer's typecheck reads them (docs/architecture.md, layers).
 */

// grids.ts

export interface GridFields {
  communityId: string;
  name: string;
  workerName: string;
  workerPhone: string | null;
  orgId: string | null;
  note: string | null;
  buildingIds: string[];
}

export interface GridBuilding {
  id: string;
  name: string;
  estateName: string;
  households: number | null;
}

export interface GridRow extends Omit<GridFields, 'buildingIds'> {
  id: string;
  communityName: string;
  orgName: string | null;
  buildings: GridBuilding[];
  /** Σ households of its buildings (a building with none recorded counts 0 and is named in `buildingsWithoutHouseholds`). */
  households: number;
  buildingsWithoutHouseholds: number;
  createdAt: string;
  updatedAt: string;
  operator: string;
}

// requests.ts

/** The home page's counts (今日待办). */
export interface RequestTodos {
  awaitingSorting: number;
  overdue: number;
  dueToday: number;
  awaitingEvaluation: number;
  /** 微心愿 and needs published and not yet claimed. */
  openWishes: number;
  /** 重点关爱户 still cared for and past their colour's visit interval. */
  careVisitsDue: number;
}

export type RequestStateCode = 'reported' | 'sorted' | 'not_accepted' | 'assigned' | 'supervised' | 'done' | 'publicised' | 'evaluated';

export interface ReportFields {
  reportedOn: string;
  source: string;
  anonymous: boolean;
  reporterName: string | null;
  reporterPhone: string | null;
  placeId: string;
  gridId: string | null;
  content: string;
}

/** What the steps after 上报 have settled; each step changes some of these (the handler says which). */
export interface RequestFacts {
  category: string | null;
  urgency: string | null;
  answer: string | null;
  reason: string | null;
  handlerKind: string | null;
  handlerName: string | null;
  dueOn: string | null;
  doneOn: string | null;
  result: string | null;
  publicisedOn: string | null;
  rating: string | null;
}

export interface RequestRow extends Omit<ReportFields, 'anonymous'>, RequestFacts {
  id: string;
  anonymous: boolean;
  state: RequestStateCode;
  placeName: string;
  placeKind: string;
  gridName: string | null;
  /** How often it was handed over again after a 不满意 rating (重新交办). */
  reopened: number;
  createdAt: string;
  updatedAt: string;
  operator: string;
}

export interface StepRow {
  id: string;
  seq: number;
  fromState: RequestStateCode | null;
  toState: RequestStateCode;
  onDay: string;
  detail: Record<string, unknown>;
  note: string | null;
  createdAt: string;
  operator: string;
}

// stewards.ts

export interface StewardFields {
  memberId: string;
  duty: string | null;
  /** The steward agreed that the public card shows the full phone; otherwise it is masked. */
  phonePublic: boolean;
  buildingIds: string[];
}

export interface StewardBuilding {
  id: string;
  name: string;
  estateName: string;
  communityId: string;
  communityName: string;
}

export interface StewardRow extends Omit<StewardFields, 'buildingIds'> {
  id: string;
  name: string;
  orgName: string;
  /** The member's phone as the register holds it (the handlers mask it). */
  phone: string | null;
  /** Still in the register (在册); a transferred or deceased member's card lines are left out. */
  active: boolean;
  buildings: StewardBuilding[];
  createdAt: string;
  updatedAt: string;
  operator: string;
}

/** One building's 楼栋公示 card: where it is, its grid and worker, and its stewards in the register. */
export interface BuildingCard {
  buildingId: string;
  buildingName: string;
  estateName: string;
  communityName: string;
  gridName: string | null;
  workerName: string | null;
  workerPhone: string | null;
  gridOrgName: string | null;
  stewards: { name: string; orgName: string; duty: string | null; phone: string | null; phonePublic: boolean }[];
}

/** A request as the 问题墙 notice prints it: no reporter field at all, so none can reach the notice. */
export interface WallRow {
  id: string;
  source: string;
  placeName: string;
  content: string;
  result: string | null;
  state: RequestStateCode;
  rating: string | null;
  publicisedOn: string;
}

// wishes.ts

export type WishKind = 'wish' | 'need';
export type WishState = 'open' | 'claimed' | 'fulfilled' | 'withdrawn';

export interface WishFields {
  kind: WishKind;
  placeId: string;
  title: string;
  detail: string | null;
  wisherName: string | null;
  wisherPhone: string | null;
  publishedOn: string;
}

export interface WishRow extends WishFields {
  id: string;
  placeName: string;
  state: WishState;
  claimerMemberId: string | null;
  claimerName: string | null;
  claimerUnit: string | null;
  claimedOn: string | null;
  fulfilledOn: string | null;
  result: string | null;
  hoursTenths: number | null;
  activityId: string | null;
  withdrawnReason: string | null;
  createdAt: string;
  updatedAt: string;
  operator: string;
}

// care.ts (重点关爱户 and their visits)

export type CareColourCode = 'red' | 'yellow' | 'green';

export interface CareFields {
  buildingId: string;
  room: string | null;
  category: string;
  colour: CareColourCode;
  personName: string;
  personPhone: string | null;
  idNumber: string | null;
  situation: string | null;
  /** The party member paired with the household (党员一对一 / 结对帮扶). */
  memberId: string | null;
  registeredOn: string;
}

export interface CareRow extends CareFields {
  id: string;
  buildingName: string;
  estateName: string;
  communityId: string;
  communityName: string;
  memberName: string | null;
  memberOrgName: string | null;
  closedOn: string | null;
  closedReason: string | null;
  /** The day of the last visit that stands (a corrected entry counts through its correction). */
  lastVisitOn: string | null;
  visitCount: number;
  createdAt: string;
  updatedAt: string;
  operator: string;
}

export interface VisitFields {
  visitedOn: string;
  visitorMemberId: string | null;
  visitorName: string;
  content: string;
  followUp: string | null;
}

export interface VisitRow extends VisitFields {
  id: string;
  householdId: string;
  /** The entry this one corrects, and why; the entry that corrects this one (it no longer stands). */
  correctsId: string | null;
  correctionReason: string | null;
  correctedBy: string | null;
  createdAt: string;
  operator: string;
}

// export.ts (the 月上报 tally, main/api/requests/export/tally.ts, and the on-screen 日登记 / 周汇总)

/** A period's counts of requests, for one community and category (or any grouping): the 月上报 figures. */
export interface Tally {
  /** Reported in the period. */
  received: number;
  /** Reported in the period and not accepted (不予受理). */
  notAccepted: number;
  /** Closed (办结) in the period, whenever reported. */
  done: number;
  /** Of those, closed on or before their deadline. */
  doneOnTime: number;
  /** Reported by the period's end, accepted or awaiting 梳理, and not closed by then. */
  inProgress: number;
  /** Closed in the period and evaluated. */
  rated: number;
  /** Of those, 满意 or 基本满意. */
  satisfied: number;
}

/** 街道受理: the street's answer to one escalation of a community's request (migrations 030, 032). */
export interface StreetAnswerRow {
  id: string;
  unitCode: string;
  requestId: string;
  /** The escalation it answers: the request's 重新交办次数 when the street answered (0 the first time it came up). */
  round: number;
  measures: string;
  answeredBy: string;
  answeredOn: string;
  createdAt: string;
  operator: string;
}

// dashboard.ts (民呼必应概览)

/** One month of the trend: requests reported in it, and closed (办结) in it whenever reported. */
export interface MonthCounts {
  month: string;
  received: number;
  done: number;
}

/** Requests of one category or source (a null category: not yet sorted). */
export interface KeyCount {
  key: string | null;
  count: number;
}

export interface DashboardFigures {
  /** This month so far, counted as the 月上报 counts it (export/tally.ts), at today. */
  month: Tally;
  /** The twelve months ending with this one, oldest first. */
  months: MonthCounts[];
  /** Reported in those twelve months, by category and by source, the most first. */
  byCategory: KeyCount[];
  bySource: KeyCount[];
  /** Being handled and past the deadline today. */
  overdue: number;
  /** Of those, this installation's own: the ones its 督办 list shows (a copy is followed up in its community's ledger). */
  overdueHere: number;
}
