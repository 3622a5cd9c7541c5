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
