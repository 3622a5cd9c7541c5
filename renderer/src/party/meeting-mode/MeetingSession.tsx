import { Autocomplete, Box, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { meetingTypes } from '../../../../main/api/party/labels';
import { MeetingInput } from '../../../../main/api/party/schemas';
import { ApiError } from '../../api/client';
import { callApi, useApiQuery } from '../../api/queries';
import { navigate } from '../../app/router';
import { pm } from '../../i18n/party-meetings';
import { AttendanceEditor } from '../meetings/AttendanceEditor';
import { ResolutionsEditor } from '../meetings/ResolutionsEditor';
import { useUnits } from '../../components/UnitSelect';
import { topicDefault } from '../meetings/meetingDraft';
import type { MeetingDraft } from '../meetings/types';
import { LARGE_TYPE } from './largeType';
import { dropDraft, keepDraft } from './localDraft';
import { ModeHeader } from './ModeHeader';
import { useAutosave } from './useAutosave';

function issuesOf(err: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of err.issues) out[i.path.map(String).join('.')] ??= i.message;
  return out;
}

/** Not sent: the schema already says what to correct, beside the field. */
class InvalidDraft extends Error {}

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
  const [draft, setDraft] = useState(props.initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const latest = useRef(props.initial);
  const idRef = useRef(props.initialId);
  const keyRef = useRef(props.initialId ?? props.draftKey);
  const client = useQueryClient();
  const { byId, labelOf } = useUnits();
  const roster = useApiQuery('party.getRoster', { orgId: draft.orgId });
  const names = [...new Set((roster.data ?? []).map((m) => m.name))];

  const autosave = useAutosave<MeetingDraft>(async (value) => {
    const check = MeetingInput.safeParse(value);
    if (!check.success) {
      setErrors(issuesOf(check.error));
      throw new InvalidDraft(check.error.issues[0]!.message);
    }
    try {
      if (idRef.current) {
        await callApi('party.updateMeeting', { id: idRef.current, meeting: value });
      } else {
        const created = await callApi('party.createMeeting', value);
        idRef.current = created.id;
        dropDraft(keyRef.current);
        keyRef.current = created.id;
        props.onCreated(created.id);
      }
    } catch (err) {
      if (err instanceof ApiError && err.body.fields?.length) setErrors(Object.fromEntries(err.body.fields.map((f) => [f.path, f.message])));
      throw err;
    }
    setErrors({});
    // The local copy goes once the service holds the newest state; a newer edit keeps it for its own save.
    if (latest.current === value) dropDraft(keyRef.current);
    else keepDraft(keyRef.current, latest.current);
  });

  const change = (patch: Partial<MeetingDraft>) => {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setDraft(next);
    keepDraft(keyRef.current, next);
    autosave.push(next);
  };

  const { push } = autosave;
  useEffect(() => {
    if (props.restored) push(latest.current);
    // Once, on mount: later renders must not push again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => () => void client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('party.') }), [client]);

  const end = async () => {
    await autosave.flush();
    const leave = () => navigate('/party/meetings', { org: latest.current.orgId });
    if (!autosave.dirty()) return leave();
    modals.openConfirmModal({
      title: pm.mode.endTitle,
      children: <Text size="sm">{pm.mode.endBody}</Text>,
      labels: { confirm: pm.mode.endAnyway, cancel: pm.mode.stay },
      confirmProps: { color: 'red' },
      onConfirm: leave,
    });
  };

  const unit = byId.get(draft.orgId);
  const parent = unit?.parentId ? byId.get(unit.parentId) : undefined;
  return (
    <Box style={{ ...LARGE_TYPE, height: '100vh', display: 'flex', flexDirection: 'column' }} bg="gray.0">
      <ModeHeader
        unitName={labelOf(draft.orgId)}
        unitTitle={unit && parent ? `${unit.name} · ${parent.name}` : undefined}
        typeLabel={meetingTypes[draft.type]}
        topic={draft.topic}
        topicError={errors.topic}
        topicIsDefault={!!draft.topic && draft.topic === topicDefault(draft)}
        onTopic={(topic) => change({ topic })}
        heldOn={String(draft.heldOn)}
        startTime={draft.startTime}
        state={autosave.state}
        onRetry={() => void autosave.flush()}
        onEnd={() => void end()}
      />
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
