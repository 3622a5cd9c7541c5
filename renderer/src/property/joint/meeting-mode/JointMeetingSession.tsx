import { Box, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useRef, useState, type KeyboardEvent } from 'react';
import { JointMeetingInput } from '../../../../../main/api/property/schemas';
import { callApi } from '../../../api/queries';
import { navigate } from '../../../app/router';
import { LARGE_TYPE } from '../../../components/meeting-mode/largeType';
import { ModeHeader } from '../../../components/meeting-mode/ModeHeader';
import { useLiveRecord } from '../../../components/meeting-mode/useLiveRecord';
import { pj } from '../../../i18n/property-meetings';
import { useEstateOptions } from '../../common/EstateSelect';
import type { JointMeetingRecord, ResolutionRow } from '../../types';
import { AttendeesEditor } from '../AttendeesEditor';
import type { JointDraft } from '../jointDraft';
import { JointResolutionsEditor } from '../JointResolutionsEditor';
import { TopicsEditor } from '../TopicsEditor';

/** What meeting mode keeps locally: the meeting as typed, and when this session opened it (the clock's start). */
export type LiveJointDraft = JointDraft & { startTime: string | null };

const m = pj.mode;
const d = pj.drawer;

/** The channels' input: the local start time and the new resolutions' handles stay on this machine. */
const inputOf = ({ startTime: _, ...meeting }: LiveJointDraft): JointDraft => ({
  ...meeting,
  resolutions: meeting.resolutions.map(({ key: _key, ...r }) => r),
});

const rowsOf = (record: JointMeetingRecord | null) => new Map((record?.resolutions ?? []).map((r) => [r.id, r]));

/**
 * The keyboard's way through the meeting: Enter on an empty entry row (or on the header's fields) goes to the next
 * section's first field to type in — attendees, topics, resolutions, minutes — so nobody tabs past every chip.
 */
type Section = 'jm-attendees' | 'jm-topics' | 'jm-resolutions' | 'jm-minutes';
// Not a Select's own input (read-only) nor its hidden form value: the first field that takes typing.
const TYPABLE = 'input:not([readonly]):not([disabled]):not([type="hidden"]), textarea';
const focusSection = (section: Section) => () => document.querySelector<HTMLElement>(`[aria-labelledby="${section}"] :is(${TYPABLE})`)?.focus();
const enterTo = (next: () => void) => (e: KeyboardEvent<HTMLInputElement>) => {
  if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
    e.preventDefault();
    next();
  }
};
const focusPlace = () => document.getElementById('jm-place')?.focus();

/**
 * One joint meeting being held: created once it has its convener and a topic, then replaced as the clerk types.
 * A resolution added here is new until the service answers; from then on it goes by the id it was given (found
 * by its local handle), so later saves update it instead of adding it again.
 */
export function JointMeetingSession(props: {
  draftKey: string;
  initialId: string | null;
  initial: LiveJointDraft;
  record: JointMeetingRecord | null;
  restored: boolean;
  onCreated: (id: string) => void;
}) {
  const { byId } = useEstateOptions();
  const [saved, setSaved] = useState<Map<string, ResolutionRow>>(() => rowsOf(props.record));
  const idsByKey = useRef(new Map<string, string>());
  const withIds = (v: LiveJointDraft): LiveJointDraft => ({
    ...v,
    resolutions: v.resolutions.map((r) => (!r.id && r.key && idsByKey.current.has(r.key) ? { ...r, id: idsByKey.current.get(r.key) } : r)),
  });

  const { draft, errors, change, state, flush, end } = useLiveRecord<LiveJointDraft>({
    ...props,
    schema: JointMeetingInput,
    queryPrefix: 'property.',
    send: async (id, value) => {
      const sent = withIds(value);
      const meeting = inputOf(sent);
      const record = id ? await callApi('property.updateJointMeeting', { id, meeting }) : await callApi('property.createJointMeeting', meeting);
      // The service keeps the order it was sent: the i-th resolution sent is the i-th answered.
      sent.resolutions.forEach((r, i) => {
        if (!r.id && r.key) idsByKey.current.set(r.key, record.resolutions[i]!.id);
      });
      setSaved(rowsOf(record));
      return record.id;
    },
    adopt: withIds,
  });

  const estate = byId.get(draft.estateId);
  return (
    <Box style={{ ...LARGE_TYPE, height: '100vh', display: 'flex', flexDirection: 'column' }} bg="gray.0">
      <ModeHeader
        kindLabel={m.kind}
        name={estate?.name ?? ''}
        nameTitle={estate ? `${estate.name} · ${estate.communityName}` : undefined}
        heldOn={draft.heldOn}
        startTime={draft.startTime}
        state={state}
        onRetry={() => void flush()}
        onEnd={() => void end(() => navigate('/property/meetings', { estate: draft.estateId }))}
      >
        <Group gap="sm" wrap="nowrap" align="flex-start">
          {/* The labels inside the fields: the header stays one row, and a filled field still says what it is. */}
          <TextInput size="md" w={240} aria-label={d.convener} placeholder={m.required} value={draft.convener} error={errors.convener}
            leftSection={<Text size="xs" c="dimmed">{d.convener}</Text>} leftSectionWidth={64}
            maxLength={30} autoFocus={!draft.convener} onChange={(e) => change({ convener: e.currentTarget.value })}
            onKeyDown={enterTo(focusPlace)} />
          <TextInput id="jm-place" size="md" style={{ flex: 1 }} miw={0} aria-label={d.place} onKeyDown={enterTo(focusSection('jm-attendees'))} placeholder={m.optional} value={draft.place}
            leftSection={<Text size="xs" c="dimmed">{d.place}</Text>} leftSectionWidth={48}
            maxLength={100} onChange={(e) => change({ place: e.currentTarget.value })} />
          <Text size="sm" c="dimmed" pt={10} style={{ whiteSpace: 'nowrap' }}>{m.heldOn(draft.heldOn)}</Text>
        </Group>
      </ModeHeader>
      <Box component="main" p="md" style={{ flex: 1, minHeight: 0, display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1.3fr)', gap: 16 }}>
        <Stack gap="md" style={{ overflow: 'auto' }}>
          <Paper withBorder p="md" component="section" aria-labelledby="jm-attendees">
            <Group justify="space-between" mb="sm">
              <Title order={2} fz="lg" id="jm-attendees">{d.attendees}</Title>
              <Text size="sm" c="dimmed">{m.attendeeCount(draft.attendees.length)}</Text>
            </Group>
            <AttendeesEditor value={draft.attendees} onChange={(attendees) => change({ attendees })} errors={errors} large autoFocus={!!draft.convener}
              onDone={focusSection('jm-topics')} />
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="jm-topics">
            <Title order={2} fz="lg" mb="sm" id="jm-topics">{d.topics}</Title>
            <TopicsEditor value={draft.topics} onChange={(topics) => change({ topics })} error={errors.topics} large onDone={focusSection('jm-resolutions')} />
          </Paper>
        </Stack>
        <Stack gap="md" style={{ overflow: 'auto' }}>
          <Paper withBorder p="md" component="section" aria-labelledby="jm-resolutions">
            <Title order={2} fz="lg" mb="sm" id="jm-resolutions">{d.resolutions}</Title>
            <JointResolutionsEditor value={draft.resolutions} onChange={(resolutions) => change({ resolutions })} saved={saved} errors={errors} large
              onDone={focusSection('jm-minutes')} />
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="jm-minutes">
            <Title order={2} fz="lg" mb="sm" id="jm-minutes">{d.minutes}</Title>
            <Textarea aria-labelledby="jm-minutes" autosize minRows={5} maxRows={14} value={draft.minutes} error={errors.minutes}
              placeholder={m.minutesPlaceholder} onChange={(e) => change({ minutes: e.currentTarget.value })} />
          </Paper>
        </Stack>
      </Box>
    </Box>
  );
}
