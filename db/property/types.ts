/**
 * The row types of db/property/'s repositories, as the contract sends them to the window. Type-only and free of Node and
 * SQLite: the shared files import them, and the renderer's typecheck reads them (docs/architecture.md, layers).
 */

// figures.ts

export interface SurveyFields {
  households: number;
  sampleSize: number;
  reached: number;
  satisfied: number;
  mostlySatisfied: number;
  unsatisfied: number;
  note: string | null;
}

export interface FeeFields {
  receivableFen: number;
  unpaidFen: number;
  arrearsCollectedFen: number;
  note: string | null;
}

export type FigureRow<F> = F & { id: string; estateId: string; period: string; createdAt: string; updatedAt: string; operator: string };

/** An estate of the street as a period grid lists it, with its row for the period if there is one. */
export interface EstateFigures<F> {
  estateId: string;
  estateName: string;
  communityName: string;
  management: 'company' | 'self' | 'abandoned';
  /** Households in the places register today (what a new survey row starts from). */
  households: number | null;
  row: FigureRow<F> | null;
}

export interface EstateRef {
  estateId: string;
  estateName: string;
  communityName: string;
}

// estates.ts

export type ManagementType = 'company' | 'self' | 'abandoned';

export interface EstateFields {
  placeId: string;
  management: ManagementType;
  floorAreaHundredths: number | null;
  note: string | null;
}

/** An estate's property profile with what the places register and the contracts say about it. */
export interface EstateRow extends EstateFields {
  name: string;
  communityId: string;
  communityName: string;
  households: number | null;
  /** The company under a contract in force today, if any. */
  companyId: string | null;
  companyName: string | null;
  createdAt: string;
  updatedAt: string;
  operator: string;
}

// resolutions.ts

export type JointParty = 'party_org' | 'residents_committee' | 'owners_committee' | 'property_company' | 'department' | 'other';

export type ResolutionStatus = 'open' | 'in_progress' | 'done' | 'dropped';

export type ResidentRating = 'satisfied' | 'mostly_satisfied' | 'unsatisfied';

export interface ResolutionFields {
  id?: string;
  content: string;
  responsibleParty: JointParty;
  responsiblePerson: string | null;
  dueOn: string;
}

export interface ResolutionRow extends Required<ResolutionFields> {
  meetingId: string;
  estateId: string;
  estateName: string;
  heldOn: string;
  status: ResolutionStatus;
  doneOn: string | null;
  droppedReason: string | null;
  noticedOn: string | null;
  rating: ResidentRating | null;
  extensions: number;
  updatedAt: string;
  operator: string;
}

export interface ExtensionRow {
  oldDueOn: string;
  newDueOn: string;
  reason: string;
  createdAt: string;
  operator: string;
}

// companies.ts

export type PartyOrgForm = 'own' | 'joint' | 'sector';

export interface CompanyFields {
  name: string;
  creditCode: string;
  contactPerson: string | null;
  contactPhone: string | null;
  address: string | null;
  partyOrgForm: PartyOrgForm | null;
  partyMembers: number | null;
  note: string | null;
}

export interface CompanyRow extends CompanyFields {
  id: string;
  /** Estates under a contract in force today. */
  estatesServed: number;
  createdAt: string;
  updatedAt: string;
  operator: string;
}

// committees.ts

export type CommitteeRole = 'chair' | 'vice_chair' | 'member';

export interface CommitteeMemberFields {
  /** A party member from the register (then `name` is null: it is read from there). */
  memberId: string | null;
  name: string | null;
  role: CommitteeRole;
  isPartyMember: boolean;
  /** 交叉任职: also sits on the residents' committee. */
  onResidentsCommittee: boolean;
}

export interface CommitteeMemberRow extends CommitteeMemberFields {
  name: string;
}

export interface TermFields {
  estateId: string;
  termNo: number;
  electedOn: string;
  startsOn: string;
  endsOn: string;
  filedOn: string | null;
  firstMeetingOn: string | null;
  note: string | null;
  members: CommitteeMemberFields[];
}

export interface TermRow extends Omit<TermFields, 'members'> {
  id: string;
  estateName: string;
  communityId: string;
  memberCount: number;
  partyMemberCount: number;
  /** A later term of the same estate exists: this one is history. */
  succeeded: boolean;
  createdAt: string;
  updatedAt: string;
  operator: string;
}

// contracts.ts

export interface ContractFields {
  estateId: string;
  companyId: string;
  startsOn: string;
  /** null: no fixed end (until a new contract or a change of management). */
  endsOn: string | null;
  note: string | null;
}

export interface ContractRow extends ContractFields {
  id: string;
  estateName: string;
  companyName: string;
  createdAt: string;
  updatedAt: string;
  operator: string;
}

// joint-meetings.ts

export interface Attendee {
  party: JointParty;
  name: string;
  title: string | null;
}

export interface JointMeetingFields {
  estateId: string;
  heldOn: string;
  convener: string;
  place: string | null;
  minutes: string | null;
  attendees: Attendee[];
  topics: string[];
  resolutions: ResolutionFields[];
}

export interface JointMeetingRecord extends Omit<JointMeetingFields, 'resolutions'> {
  id: string;
  estateName: string;
  resolutions: ResolutionRow[];
  createdAt: string;
  updatedAt: string;
  operator: string;
}

export interface JointMeetingListRow {
  id: string;
  estateId: string;
  estateName: string;
  heldOn: string;
  convener: string;
  topics: number;
  resolutions: number;
  unfinished: number;
}

// assessments.ts

export type AssessorBodyCode = 'street' | 'residents_committee' | 'housing_bureau' | 'owners_committee' | 'third_party';

export interface AssessmentFields {
  period: string;
  estateId: string;
  companyId: string;
  templateId: string;
  note: string | null;
}

export interface AssessmentRow extends AssessmentFields {
  id: string;
  estateName: string;
  communityName: string;
  companyName: string;
  templateName: string;
  templateVersion: number;
  /** The bodies that have scored it. */
  sheets: number;
  createdAt: string;
  updatedAt: string;
  operator: string;
}

export interface ScoreFields {
  itemId: string;
  met: boolean | null;
  findings: string[];
  ratePermille: number | null;
  vetoed: boolean;
  vetoNote: string | null;
  standardTenths: number;
  scoreTenths: number;
}

export interface SheetFields {
  body: AssessorBodyCode;
  assessor: string | null;
  scoredOn: string;
  totalTenths: number;
  vetoed: boolean;
}

export interface SheetRow extends SheetFields {
  id: string;
  createdAt: string;
  updatedAt: string;
  operator: string;
  scores: ScoreFields[];
}

export interface PeriodRow {
  period: string;
  assessments: number;
  /** Assessments with at least one sheet. */
  scored: number;
  /** The latest published revision, 0 when none. */
  revision: number;
  lastChangeAt: string;
}

// templates.ts

export type ScoringMethodCode = 'binary' | 'deduction' | 'band' | 'veto';

export type RateKind = 'collection' | 'satisfaction' | 'other';

export interface TemplateItemFields {
  content: string;
  method: ScoringMethodCode;
  pointsTenths: number;
  perFindingTenths: number | null;
  bandFullPermille: number | null;
  bandPartPermille: number | null;
  bandPartTenths: number | null;
  rateKind: RateKind | null;
  guidance: string | null;
}

export interface TemplateRow {
  id: string;
  lineageId: string;
  version: number;
  name: string;
  totalTenths: number;
  status: 'draft' | 'published';
  publishedAt: string | null;
  note: string | null;
  /** Assessments scored with this version. */
  assessments: number;
  createdAt: string;
  updatedAt: string;
  operator: string;
}

export interface TemplateItemRow extends TemplateItemFields {
  id: string;
  categoryId: string;
  seq: number;
}

export interface TemplateCategoryRow {
  id: string;
  seq: number;
  name: string;
  pointsTenths: number;
  items: TemplateItemRow[];
}

export interface TemplateRecord {
  template: TemplateRow;
  categories: TemplateCategoryRow[];
}

// cards.ts

export type CardColour = 'yellow' | 'red';
/** What a card answers: an overdue joint-meeting resolution, another overdue rectification, or (red) the yellows. */
export type CardBasis = 'resolution' | 'rectification' | 'yellows';

/** A card as issued, with its withdrawal when it has one (the record itself never changes). */
export interface CardRow {
  id: string;
  companyId: string;
  companyName: string;
  colour: CardColour;
  basis: CardBasis;
  resolutionId: string | null;
  /** The resolution's wording, read from it (null for other bases). */
  resolutionContent: string | null;
  /** The deadline that passed: the resolution's as it stood at issue, or the rectification's; null for a red. */
  dueOn: string | null;
  reason: string;
  issuedOn: string;
  createdAt: string;
  operator: string;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  withdrawnBy: string | null;
}

/** An overdue resolution the company serving its estate on the deadline answers for, with no yellow card for it yet. */
export interface CardProposal {
  resolutionId: string;
  meetingId: string;
  estateName: string;
  content: string;
  dueOn: string;
  companyId: string;
  companyName: string;
}
