import { Autocomplete, Box, Group, Paper, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { meetingTypes } from '../../../../main/api/party/labels';
import { MeetingInput } from '../../../../main/api/party/schemas';
import { callApi, useApiQuery } from '../../api/queries';
import { navigate } from '../../app/router';
import { LARGE_TYPE } from '../../components/meeting-mode/largeType';
import { ModeHeader } from '../../components/meeting-mode/ModeHeader';
import { useLiveRecord } from '../../components/meeting-mode/useLiveRecord';
import { replaceOnEdit } from '../../components/replaceOnEdit';
import { useOrg } from '../../components/UnitSelect';
import { pm } from '../../i18n/party-meetings';
import { AttendanceEditor } from '../meetings/AttendanceEditor';
import { topicDefault } from '../meetings/meetingDraft';
import { ResolutionsEditor } from '../meetings/ResolutionsEditor';
import type { MeetingDraft } from '../meetings/types';

/**
 * One meeting being held: the record is created on the first change and replaced as the secretary types.
 * Only the first props count; afterwards the session owns the meeting (its address may switch to `?id=`).
 */
export function MeetingSession(props: {
  draftKey: string;
  initialId: string | null;
  initial: MeetingDraft;
  /** The initial value came from the local copy of an unsaved session: save it straight away. */
  restored: boolean;
  onCreated: (id: string) => void;
}) {
  const { draft, errors, change, state, flush, end } = useLiveRecord<MeetingDraft>({
    ...props,
    schema: MeetingInput,
    queryPrefix: 'party.',
    send: async (id, meeting) => {
      if (id) return (await callApi('party.updateMeeting', { id, meeting }), id);
      return (await callApi('party.createMeeting', meeting)).id;
    },
  });
  const roster = useApiQuery('party.getRoster', { orgId: draft.orgId });
  const names = [...new Set((roster.data ?? []).map((m) => m.name))];

  const { org: unit, path } = useOrg(draft.orgId || null);
  const parent = path.at(-2);
  return (
    <Box style={{ ...LARGE_TYPE, height: '100vh', display: 'flex', flexDirection: 'column' }} bg="gray.0">
      <ModeHeader
        name={unit?.label ?? ''}
        nameTitle={unit && parent ? `${unit.name} · ${parent.name}` : undefined}
        kindLabel={meetingTypes[draft.type]}
        heldOn={String(draft.heldOn)}
        startTime={draft.startTime}
        state={state}
        onRetry={() => void flush()}
        onEnd={() => void end(() => navigate('/party/meetings', { org: draft.orgId }))}
      >
        <TextInput
          size="md"
          aria-label={pm.mode.topic}
          value={draft.topic}
          error={errors.topic}
          maxLength={200}
          onChange={(e) => change({ topic: e.currentTarget.value })}
          {...replaceOnEdit(!!draft.topic && draft.topic === topicDefault(draft))}
          styles={{ input: { fontSize: 24, fontWeight: 600, height: 52 } }}
        />
      </ModeHeader>
      <Box component="main" p="md" style={{ flex: 1, minHeight: 0, display: 'grid', gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr)', gap: 16 }}>
        <Paper withBorder p="md" style={{ overflow: 'auto' }} component="section" aria-labelledby="mm-attendance">
          <Title order={2} fz="lg" mb="sm" id="mm-attendance">{pm.drawer.attendance}</Title>
          <AttendanceEditor roster={roster.data} value={draft.attendance} onChange={(attendance) => change({ attendance })} large errors={errors} autoFocus />
        </Paper>
        <Stack gap="md" style={{ overflow: 'auto' }}>
          <Paper withBorder p="md" component="section" aria-labelledby="mm-resolutions">
            <Title order={2} fz="lg" mb="sm" id="mm-resolutions">{pm.drawer.resolutions}</Title>
            <ResolutionsEditor value={draft.resolutions} onChange={(resolutions) => change({ resolutions })} large errors={errors} />
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="mm-minutes">
            <Title order={2} fz="lg" mb="sm" id="mm-minutes">{pm.mode.minutes}</Title>
            <Textarea aria-labelledby="mm-minutes" autosize minRows={5} maxRows={16} value={draft.minutes ?? ''} error={errors.minutes}
              placeholder={pm.mode.minutesPlaceholder} onChange={(e) => change({ minutes: e.currentTarget.value })} />
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="mm-info">
            <Title order={2} fz="lg" mb="sm" id="mm-info">{pm.mode.info}</Title>
            <Group grow gap="sm">
              <TextInput label={pm.drawer.place} value={draft.place ?? ''} maxLength={100} onChange={(e) => change({ place: e.currentTarget.value })} />
              <Autocomplete label={pm.drawer.host} data={names} value={draft.host ?? ''} maxLength={30} onChange={(host) => change({ host })} />
              <Autocomplete label={pm.drawer.recorder} data={names} value={draft.recorder ?? ''} maxLength={30} onChange={(recorder) => change({ recorder })} />
            </Group>
          </Paper>
        </Stack>
      </Box>
    </Box>
  );
}
