import type { JointMeetingRecord } from '../types';
import type { ResolutionDraft } from './JointResolutionsEditor';

/**
 * A joint meeting as its forms edit it (the drawer and meeting mode): the input of create/updateJointMeeting.
 * A type, not an interface: the drawer's form takes it as a record of fields.
 */
export type JointDraft = {
  estateId: string;
  heldOn: string;
  convener: string;
  place: string;
  minutes: string;
  attendees: JointMeetingRecord['attendees'];
  topics: string[];
  resolutions: ResolutionDraft[];
};

export const blankJointMeeting = (estateId: string, heldOn: string): JointDraft => ({
  estateId, heldOn, convener: '', place: '', minutes: '', attendees: [], topics: [], resolutions: [],
});

export const jointDraftOf = (m: JointMeetingRecord): JointDraft => ({
  estateId: m.estateId, heldOn: m.heldOn, convener: m.convener, place: m.place ?? '', minutes: m.minutes ?? '',
  attendees: m.attendees, topics: m.topics,
  resolutions: m.resolutions.map(({ id, content, responsibleParty, responsiblePerson, dueOn }) => ({ id, content, responsibleParty, responsiblePerson, dueOn })),
});
