import { z } from 'zod';
import type { CompanyRow } from '../../../db/property/companies';
import type { CommitteeMemberRow, TermRow } from '../../../db/property/committees';
import type { ContractRow } from '../../../db/property/contracts';
import type { EstateRow } from '../../../db/property/estates';
import type { JointMeetingListRow, JointMeetingRecord } from '../../../db/property/joint-meetings';
import type { ExtensionRow, ResolutionRow } from '../../../db/property/resolutions';
import { read, write } from '../common/channel';
import { id, type Page } from '../common/fields';
import { figuresContract } from './figures-contract';
import type { DeadlineState, PropertySettings, RatioState, TermState } from './rules';
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

const byId = z.object({ id });

export const propertyContract = {
  'property.getSettings': read<PropertySettings>()(z.object({})),
  'property.updateSettings': write<PropertySettings>()(PropertySettingsInput),

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
};
