import type { ApiOutput as Out } from '../api/types';

export type { OrgLevel, OrgRow } from '../components/UnitSelect';
export type PlaceRow = Out<'party.listPlaces'>[number];
export type PlaceKind = PlaceRow['kind'];
export type MemberDetail = Out<'party.getMember'>;
export type MemberView = MemberDetail['member'];
export type MemberEvent = MemberDetail['events'][number];
export type MemberListView = Out<'party.listMembers'>['rows'][number];
