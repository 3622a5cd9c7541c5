import type { JointMeetingRecord, ResolutionRow } from '../types';

export interface ResolutionDraft {
  id?: string;
  content: string;
  responsibleParty: ResolutionRow['responsibleParty'];
  responsiblePerson: string | null;
  dueOn: string;
  /** A new resolution's handle on this machine until the service gives it an id (meeting mode saves as it goes). */
  key?: string;
}

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

/** A resolution that has moved or been extended keeps its deadline and its place (RESOLUTION_HAS_HISTORY). */
export const hasHistory = (row: ResolutionRow | undefined): boolean => !!row && (row.status !== 'open' || row.extensions > 0);

/**
 * The deadlines of resolutions with history as the service has them now: an 延期 made while the form is open
 * moves the deadline on the service, and the form's older copy must not be sent back against it.
 */
export function withCurrentDeadlines<R extends { id?: string; dueOn: string }>(list: R[], saved: Map<string, ResolutionRow>): R[] {
  return list.map((r) => {
    const row = r.id ? saved.get(r.id) : undefined;
    return row && hasHistory(row) ? { ...r, dueOn: row.dueOn } : r;
  });
}
