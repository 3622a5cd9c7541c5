import type { ApiOutput as Out } from '../api/types';

export type VolunteerListView = Out<'volunteer.listVolunteers'>['rows'][number];
export type VolunteerDetail = Out<'volunteer.getVolunteer'>;
export type VolunteerView = VolunteerDetail['volunteer'];
export type PersonHit = Out<'volunteer.searchPeople'>[number];
export type PostRow = Out<'volunteer.listPosts'>[number];
export type AssignmentRow = Out<'volunteer.listAssignments'>['rows'][number];
export type ActivityListRow = Out<'volunteer.listActivities'>['rows'][number];
export type ActivityDetail = Out<'volunteer.getActivity'>;
export type Participant = ActivityDetail['participants'][number];
export type EntryRow = Out<'volunteer.listEntries'>['rows'][number];
export type RankRow = Out<'volunteer.ranking'>['rows'][number];
export type UnitRankRow = Out<'volunteer.unitRanking'>[number];
export type HonourRow = Out<'volunteer.listHonours'>[number];
export type ItemRow = Out<'volunteer.listItems'>[number];
export type RuleRow = Out<'volunteer.listRules'>[number];
export type Dashboard = Out<'volunteer.getDashboard'>;
export type MonthFigure = Dashboard['months'][number];
