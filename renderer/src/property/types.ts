import type { ApiOutput } from '../api/types';

/** The rows the red-property screens show, as the core answers them. */
export type CompanyRow = ApiOutput<'property.listCompanies'>['rows'][number];
export type EstateRow = ApiOutput<'property.listEstates'>['rows'][number];
export type EstateDetail = ApiOutput<'property.getEstate'>;
export type ContractRow = EstateDetail['contracts'][number];
export type TermView = EstateDetail['terms'][number];
export type CommitteeMemberRow = ApiOutput<'property.getTerm'>['members'][number];
export type JointMeetingRecord = ApiOutput<'property.getJointMeeting'>;
export type JointMeetingListRow = ApiOutput<'property.listJointMeetings'>['rows'][number];
export type ResolutionRow = JointMeetingRecord['resolutions'][number];
export type TemplateRow = ApiOutput<'property.listTemplates'>[number];
export type TemplateDetail = ApiOutput<'property.getTemplate'>;
export type AssessmentRow = ApiOutput<'property.listAssessments'>[number];
export type AssessmentDetail = ApiOutput<'property.getAssessment'>;
export type Ranking = ApiOutput<'property.getRanking'>;
export type ListEntry = Ranking['entries'][number];
export type ListSnapshot = Ranking['published'][number];
export type TemplateItemRow = TemplateDetail['categories'][number]['items'][number];
