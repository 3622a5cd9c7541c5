import type { z } from 'zod';
import type { InputOf, OutputOf } from '../../../../main/api/common/channel';
import type { Contract } from '../../api/contract';
import type { AttendanceInput, ResolutionInput } from '../../../../main/api/party/schemas';

// Row types come through the contract: the renderer may not import db/, not even its types.
type Out<K extends keyof Contract> = OutputOf<Contract[K]>;

export type OrgRow = Out<'party.orgPath'>[number];
export type OrgLevel = OrgRow['level'];
export type MeetingRecord = Out<'party.getMeeting'>;
export type MeetingListRow = Out<'party.listMeetings'>['rows'][number];
export type RosterEntry = Out<'party.getRoster'>[number];
export type ComplianceReport = Out<'party.getCompliance'>;
export type ComplianceRow = ComplianceReport['rows'][number];
export type RatingRow = Out<'party.listRatings'>[number];
export type PartyDashboard = Out<'party.getDashboard'>;
export type MeetingType = MeetingRecord['type'];

/** A meeting as the forms hold it: what the user typed, before the schema normalises it. */
export type MeetingDraft = InputOf<Contract['party.createMeeting']>;
export type AttendanceDraft = z.input<typeof AttendanceInput>;
export type ResolutionDraft = z.input<typeof ResolutionInput>;
