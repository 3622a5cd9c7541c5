import { nowHm, today } from '../../../app/clock';
import { navigate } from '../../../app/router';
import { keepDraft } from '../../../components/meeting-mode/localDraft';
import type { JointDraft } from '../jointDraft';

/** The local copy of a new meeting not saved yet: one per estate and day. */
export const newMeetingDraftKey = (estateId: string) => `joint.new.${estateId}.${today()}`;

/**
 * Opens meeting mode for a saved meeting or a new one at an estate (none: it asks which). What is typed in the
 * drawer goes along as the session's local copy, which the session saves straight away.
 */
export function openJointMeetingMode(target: { id: string } | { estateId: string | null }, typed?: JointDraft) {
  if ('id' in target) {
    if (typed) keepDraft(target.id, { ...typed, startTime: null });
    return navigate('/property/meeting-mode', { id: target.id });
  }
  if (typed && target.estateId) keepDraft(newMeetingDraftKey(target.estateId), { ...typed, startTime: nowHm() });
  navigate('/property/meeting-mode', { estate: target.estateId });
}
