import type { TermRow } from '../../../../db/property/committees';
import type { TermView } from '../contract';
import { deadlineState, filingDueOn, firstMeetingDueOn, partyRatio, reelectionStartsOn, termState, type PropertySettings } from '../rules';

/** A term as lists show it: its state, ratio and deadlines on the request's day, under the street's settings. */
export function termView(t: TermRow, today: string, settings: PropertySettings): TermView {
  const filingDue = filingDueOn(t.electedOn);
  const meetingDue = firstMeetingDueOn(t.electedOn);
  return {
    ...t,
    state: termState(t, today, settings.reelectionLeadMonths, t.succeeded),
    reelectionStartsOn: reelectionStartsOn(t.endsOn, settings.reelectionLeadMonths),
    ratio: { ...partyRatio(t.partyMemberCount, t.memberCount, settings.partyRatioTargetPercent), targetPercent: settings.partyRatioTargetPercent },
    filing: { dueOn: filingDue, state: deadlineState(filingDue, t.filedOn, today) },
    firstMeeting: { dueOn: meetingDue, state: deadlineState(meetingDue, t.firstMeetingOn, today) },
  };
}
