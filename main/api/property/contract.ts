import { z } from 'zod';
import type {
  AssessmentRow, CommitteeMemberRow, CompanyRow, ContractRow, EstateRow, ExtensionRow, JointMeetingListRow,
  JointMeetingRecord, PeriodRow, ResolutionRow, SheetRow, TemplateRecord, TemplateRow, TermRow,
} from '../../../db/property/types';
import { read, task, write } from '../common/channel';
import type { FileOut } from '../common/files';
import { id, type Page } from '../common/fields';
import { cardsContract, type CompanyCards } from './cards-contract';
import { figuresContract } from './figures-contract';
import {
  AssessmentInput,
  AssessmentList,
  CorrectionInput,
  PeriodInput,
  SheetInput,
  SheetKey,
  TemplateInput,
  TemplateUpdate,
} from './assessment-schemas';
import type { DeadlineState, PropertySettings, RatioState, TermState } from './rules';
import type { AssessorBody, ListRule, RankedEntry, TotalProblem } from './scoring';
import {
  CompanyInput,
  CompanyList,
  CompanyUpdate,
  ContractInput,
  ContractUpdate,
  EstateInput,
  EstateList,
  ExtendResolution,
  JointMeetingInput,
  JointMeetingList,
  JointMeetingUpdate,
  MoveResolution,
  NoticeResolution,
  OverdueList,
  PropertySettingsInput,
  RateResolution,
  TermInput,
  TermUpdate,
  TermWarningList,
} from './schemas';

export interface CompanyDetail {
  company: CompanyRow;
  contracts: ContractRow[];
  /** Its yellow and red cards and its standing today. */
  cards: CompanyCards;
}

/** A committee term with what follows from its dates and roster today. */
export interface TermView extends TermRow {
  state: TermState;
  reelectionStartsOn: string;
  ratio: { partyMembers: number; total: number; state: RatioState; targetPercent: number };
  filing: { dueOn: string; state: DeadlineState };
  firstMeeting: { dueOn: string; state: DeadlineState };
}

export interface TermDetail {
  term: TermView;
  members: CommitteeMemberRow[];
}

export interface EstateDetail {
  estate: EstateRow;
  /** Every contract, newest first: who served the estate when. */
  contracts: ContractRow[];
  /** Every term, newest first; past ones are kept. */
  terms: TermView[];
}

export interface ResolutionDetail {
  resolution: ResolutionRow;
  overdue: boolean;
  extensions: ExtensionRow[];
}

/** A template version with what keeps it from being published (empty: it adds up). */
export interface TemplateDetail extends TemplateRecord {
  problems: TotalProblem[];
}

/** An assessment with the sheet it was scored on, each body's scores and the weighted result. */
export interface AssessmentDetail {
  assessment: AssessmentRow;
  template: TemplateRecord;
  sheets: SheetRow[];
  /** Σ weight × total / Σ weight over the weighted bodies that scored, tenths, half up; null before any. */
  scoreTenths: number | null;
  vetoed: boolean;
  weights: Readonly<Record<AssessorBody, number>>;
  /** The estate's collection and satisfaction rates for the period from the registers, tenths of a percent rounded down; null where none is on file. */
  registerRates: { collection: number | null; satisfaction: number | null };
}

/** One line of a red and black list, as published (the stored JSON has exactly these keys in this order). */
export type ListEntry = Omit<RankedEntry, 'sortKey'> & { bodies: { body: AssessorBody; totalTenths: number }[] };

export interface ListSnapshot {
  id: string;
  period: string;
  revision: number;
  reason: string | null;
  rule: ListRule;
  entries: ListEntry[];
  /** Assessments whose score, veto or standing differ from the revision before (empty for the first). */
  changed: string[];
  entriesSha256: string;
  publishedAt: string;
  operator: string;
}

export interface Ranking {
  period: string;
  rule: ListRule;
  ruleText: string;
  /** The ranking from the scores as they are now. */
  entries: ListEntry[];
  /** Assessments of the period without a weighted sheet yet: not ranked. */
  unscored: number;
  /** Every published revision, first to latest: frozen. */
  published: ListSnapshot[];
  /** The scores or rule now give another list than the latest published one: a 更正 is due. */
  differsFromPublished: boolean;
}

const byId = z.object({ id });

export const propertyContract = {
  'property.getSettings': read<PropertySettings>()(z.object({})),
  'property.updateSettings': write<PropertySettings>()(PropertySettingsInput, { needs: 'admin' }),

  'property.listCompanies': read<Page<CompanyRow>>()(CompanyList),
  'property.getCompany': read<CompanyDetail>()(byId),
  'property.createCompany': write<CompanyRow>()(CompanyInput),
  'property.updateCompany': write<CompanyRow>()(CompanyUpdate),
  'property.deleteCompany': write<null>()(byId),

  'property.listEstates': read<Page<EstateRow>>()(EstateList),
  'property.getEstate': read<EstateDetail>()(byId),
  'property.createEstate': write<EstateRow>()(EstateInput),
  'property.updateEstate': write<EstateRow>()(EstateInput),
  'property.deleteEstate': write<null>()(byId),

  'property.createContract': write<ContractRow>()(ContractInput),
  'property.updateContract': write<ContractRow>()(ContractUpdate),
  'property.deleteContract': write<null>()(byId),

  'property.getTerm': read<TermDetail>()(byId),
  'property.createTerm': write<TermDetail>()(TermInput),
  'property.updateTerm': write<TermDetail>()(TermUpdate),
  'property.deleteTerm': write<null>()(byId),
  'property.listTermWarnings': read<TermView[]>()(TermWarningList),

  'property.listJointMeetings': read<Page<JointMeetingListRow>>()(JointMeetingList),
  'property.getJointMeeting': read<JointMeetingRecord>()(byId),
  'property.createJointMeeting': write<JointMeetingRecord>()(JointMeetingInput),
  'property.updateJointMeeting': write<JointMeetingRecord>()(JointMeetingUpdate),
  'property.deleteJointMeeting': write<null>()(byId),

  'property.getResolution': read<ResolutionDetail>()(byId),
  'property.moveResolution': write<ResolutionDetail>()(MoveResolution),
  'property.extendResolution': write<ResolutionDetail>()(ExtendResolution),
  'property.noticeResolution': write<ResolutionDetail>()(NoticeResolution),
  'property.rateResolution': write<ResolutionDetail>()(RateResolution),
  'property.listOverdueResolutions': read<Page<ResolutionRow>>()(OverdueList),

  ...figuresContract,
  ...cardsContract,
  'property.listTemplates': read<TemplateRow[]>()(z.object({})),
  'property.getTemplate': read<TemplateDetail>()(byId),
  'property.createTemplate': write<TemplateDetail>()(TemplateInput),
  'property.updateTemplate': write<TemplateDetail>()(TemplateUpdate),
  'property.deleteTemplate': write<null>()(byId),
  'property.publishTemplate': write<TemplateDetail>()(byId),
  'property.newTemplateVersion': write<TemplateDetail>()(byId),
  'property.printBlankSheet': task<FileOut>()(byId),

  'property.listAssessmentPeriods': read<PeriodRow[]>()(z.object({})),
  'property.listAssessments': read<AssessmentRow[]>()(AssessmentList),
  'property.getAssessment': read<AssessmentDetail>()(byId),
  'property.createAssessment': write<AssessmentDetail>()(AssessmentInput),
  'property.deleteAssessment': write<null>()(byId),
  'property.saveAssessmentSheet': write<AssessmentDetail>()(SheetInput),
  'property.deleteAssessmentSheet': write<AssessmentDetail>()(SheetKey),

  'property.getRanking': read<Ranking>()(PeriodInput),
  /** Published periods whose scores or rule now give another list than the latest revision: a 更正 is due. */
  'property.listListsToCorrect': read<{ period: string; revision: number }[]>()(z.object({})),
  'property.publishList': write<ListSnapshot>()(PeriodInput, { needs: 'review' }),
  'property.correctList': write<ListSnapshot>()(CorrectionInput, { needs: 'review' }),
  'property.printList': task<FileOut>()(byId),
};
