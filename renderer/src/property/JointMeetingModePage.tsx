import { useState } from 'react';
import { useApiQuery } from '../api/queries';
import { nowHm, today } from '../app/clock';
import { navigate, useRoute } from '../app/router';
import { readDraft } from '../components/meeting-mode/localDraft';
import { SessionLoad } from '../components/meeting-mode/SessionLoad';
import { useRestoredNotice } from '../components/meeting-mode/useLiveRecord';
import { pj } from '../i18n/property-meetings';
import { blankJointMeeting, jointDraftOf } from './joint/jointDraft';
import { JointMeetingSession, type LiveJointDraft } from './joint/meeting-mode/JointMeetingSession';
import { newMeetingDraftKey } from './joint/meeting-mode/openMeetingMode';
import { StartJointMeeting } from './joint/meeting-mode/StartJointMeeting';

/**
 * Joint meetings this tab created, by id → the session that created them: when a new meeting is first saved its
 * address becomes `?id=`, and the running session carries on with whatever was typed meanwhile.
 */
const adopted = new Map<string, string>();

/** Full-screen meeting mode of 三方联动: `?estate=` starts a meeting there, `?id=` continues one, neither asks which estate. */
export function JointMeetingModePage() {
  const { params } = useRoute();
  const id = params.get('id');
  const estate = params.get('estate');
  if (id && adopted.has(id)) return <NewSession key={adopted.get(id)} estateId={estate ?? ''} />;
  if (id) return <ExistingSession key={id} id={id} />;
  if (estate) return <NewSession key={`joint.new.${estate}`} estateId={estate} />;
  return <StartJointMeeting />;
}

function NewSession({ estateId }: { estateId: string }) {
  // Once: the clock starts when the meeting was opened, and today's unsaved copy (the window closed before the
  // first save — a meeting needs its convener and a topic first) comes back.
  const [start] = useState(() => {
    const draftKey = newMeetingDraftKey(estateId);
    const saved = readDraft<LiveJointDraft>(draftKey);
    return { draftKey, initial: saved ?? { ...blankJointMeeting(estateId, today()), startTime: nowHm() }, restored: !!saved };
  });
  useRestoredNotice(start.restored);
  return (
    <JointMeetingSession draftKey={start.draftKey} initialId={null} initial={start.initial} record={null} restored={start.restored}
      onCreated={(id) => {
        adopted.set(id, `joint.new.${estateId}`);
        navigate('/property/meeting-mode', { id, estate: estateId }, true);
      }} />
  );
}

function ExistingSession({ id }: { id: string }) {
  const meeting = useApiQuery('property.getJointMeeting', { id }, { staleTime: 0 });
  const [local] = useState(() => readDraft<LiveJointDraft>(id));
  useRestoredNotice(!!local && !!meeting.data);
  if (!meeting.data) return <SessionLoad query={meeting} notFound={pj.mode.notFound} backPath="/property/meetings" backLabel={pj.mode.backToList} />;
  return (
    <JointMeetingSession draftKey={id} initialId={id} record={meeting.data} restored={!!local}
      initial={local ?? { ...jointDraftOf(meeting.data), startTime: null }} onCreated={() => undefined} />
  );
}
