import { Center, Loader } from '@mantine/core';
import { useState } from 'react';
import { todayIso } from '../../../main/api/common/calendar';
import { useApiQuery } from '../api/queries';
import { navigate, useRoute } from '../app/router';
import { pm } from '../i18n/party-meetings';
import { readDraft } from '../components/meeting-mode/localDraft';
import { SessionLoad } from '../components/meeting-mode/SessionLoad';
import { useRestoredNotice } from '../components/meeting-mode/useLiveRecord';
import { MeetingSession } from './meeting-mode/MeetingSession';
import { StartMeeting } from './meeting-mode/StartMeeting';
import { nowHm } from '../app/clock';
import { draftOf, isMeetingType, newMeeting, typesFor } from './meetings/meetingDraft';
import { useOrg } from '../components/UnitSelect';
import type { MeetingDraft } from './meetings/types';

/**
 * Meetings this tab created, by id → the session that created them. When a new meeting is first saved its address
 * becomes `?id=`; the running session must carry on (with whatever was typed meanwhile), not reload from the service.
 */
const adopted = new Map<string, string>();

/** Full-screen meeting mode: `?org=&type=` starts a meeting, `?id=` continues one, neither asks which. */
export function MeetingModePage() {
  const { params } = useRoute();
  const id = params.get('id');
  const org = params.get('org');
  const type = params.get('type');
  const unit = useOrg(org);

  if (id && adopted.has(id)) return <NewSession key={adopted.get(id)} org={org ?? ''} type={type} />;
  if (id) return <ExistingSession key={id} id={id} />;
  if (org && isMeetingType(type)) {
    if (unit.isPending) return <Center h="100vh"><Loader /></Center>;
    if (typesFor(unit.active?.level).includes(type)) return <NewSession key={`new.${org}.${type}`} org={org} type={type} />;
  }
  return <StartMeeting org={org} type={isMeetingType(type) ? type : null} />;
}

function NewSession({ org, type }: { org: string; type: string | null }) {
  // Created once: the start time is when the secretary opened the meeting, and today's unsaved copy (if the
  // window closed before the first save) comes back.
  const [start] = useState(() => {
    const draftKey = `new.${org}.${type}.${todayIso()}`;
    const saved = readDraft<MeetingDraft>(draftKey);
    const initial = saved ?? newMeeting({ orgId: org, type: type as MeetingDraft['type'], startTime: nowHm() });
    return { draftKey, initial, restored: !!saved };
  });
  useRestoredNotice(start.restored);
  return (
    <MeetingSession
      draftKey={start.draftKey}
      initialId={null}
      initial={start.initial}
      restored={start.restored}
      onCreated={(id) => {
        adopted.set(id, `new.${org}.${type}`);
        navigate('/party/meeting-mode', { id }, true);
      }}
    />
  );
}

function ExistingSession({ id }: { id: string }) {
  const meeting = useApiQuery('party.getMeeting', { id }, { staleTime: 0 });
  const [local] = useState(() => readDraft<MeetingDraft>(id));
  useRestoredNotice(!!local && !!meeting.data);
  if (!meeting.data) return <SessionLoad query={meeting} notFound={pm.mode.notFound} backPath="/party/meetings" backLabel={pm.mode.backToList} />;
  return <MeetingSession draftKey={id} initialId={id} initial={local ?? draftOf(meeting.data)} restored={!!local} onCreated={() => undefined} />;
}
