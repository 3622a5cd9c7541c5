import { Button, Center, Drawer, Group, Loader, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPresentation, IconTrash } from '@tabler/icons-react';
import { useMemo } from 'react';
import { JointMeetingInput } from '../../../../main/api/property/schemas';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { today } from '../../app/clock';
import { DateField, TextAreaField, TextField } from '../../components/fields';
import { FormDrawer } from '../../components/FormDrawer';
import { SectionTitle } from '../../components/SectionTitle';
import { useZodForm } from '../../components/useZodForm';
import { pj } from '../../i18n/property-meetings';
import { confirmDelete } from '../../components/confirmDelete';
import { EstateSelect } from '../common/EstateSelect';
import type { JointMeetingRecord } from '../types';
import { AttendeesEditor } from './AttendeesEditor';
import { JointResolutionsEditor } from './JointResolutionsEditor';
import { blankJointMeeting, jointDraftOf, withCurrentDeadlines, type JointDraft, type ResolutionDraft } from './jointDraft';
import { openJointMeetingMode } from './meeting-mode/openMeetingMode';
import { TopicsEditor } from './TopicsEditor';

const d = pj.drawer;

/** Record a joint meeting, or open one: saving is explicit (Ctrl+Enter), follow-up of saved resolutions is immediate. */
export function JointMeetingDrawer({ meetingId, estateId, onClose }: { meetingId: string | null; estateId: string | null; onClose: () => void }) {
  const record = useApiQuery('property.getJointMeeting', { id: meetingId ?? '' }, { enabled: !!meetingId });
  if (meetingId && !record.data) {
    return (
      <Drawer opened onClose={onClose} position="right" size={820} title={d.newTitle}>
        <Center py="xl">{record.isError ? <Text c="red">{record.error.message}</Text> : <Loader size="sm" />}</Center>
      </Drawer>
    );
  }
  return <MeetingForm key={meetingId ?? 'new'} record={record.data ?? null} estateId={estateId} onClose={onClose} />;
}

function MeetingForm({ record, estateId, onClose }: { record: JointMeetingRecord | null; estateId: string | null; onClose: () => void }) {
  const form = useZodForm(JointMeetingInput, record ? jointDraftOf(record) : blankJointMeeting(estateId ?? '', today()));
  const v = form.values;
  // Statuses come from the record as the server has it now: a follow-up step refreshes it without touching the form.
  const saved = useMemo(() => new Map((record?.resolutions ?? []).map((r) => [r.id, r])), [record]);
  const create = useApiMutation('property.createJointMeeting');
  const update = useApiMutation('property.updateJointMeeting');
  const remove = useApiMutation('property.deleteJointMeeting', { quiet: true });

  const save = form.submit(async (typed) => {
    const meeting = { ...typed, resolutions: withCurrentDeadlines(typed.resolutions, saved) };
    if (record) await update.mutateAsync({ id: record.id, meeting });
    else await create.mutateAsync(meeting);
    notifications.show({ color: 'green', message: d.saved });
    onClose();
  });
  // Carries on full-screen with what is typed here (meeting mode saves it as its local copy).
  const toMeetingMode = () => {
    const typed = form.dirty ? (v as JointDraft) : undefined;
    openJointMeetingMode(record ? { id: record.id } : { estateId: String(v.estateId ?? '') || null }, typed);
  };
  const askDelete = () =>
    record && confirmDelete({ title: d.deleteTitle, body: d.deleteBody(record.attendees.length, record.resolutions.length), confirm: d.delete,
      run: () => remove.mutateAsync({ id: record.id }), done: d.deleted, onDone: onClose });

  return (
    <FormDrawer opened size={820} title={record ? d.editTitle(record.estateName) : d.newTitle} dirty={form.dirty} submitting={form.submitting}
      onClose={onClose} onSave={save}
      extraActions={
        <>
          {/* A new meeting's typing is carried by its estate: without one it would be left behind. */}
          <Button variant="subtle" leftSection={<IconPresentation size={16} />} title={pj.mode.openHint} onClick={toMeetingMode}
            disabled={!record && form.dirty && !v.estateId}>
            {pj.mode.open}
          </Button>
          {record && <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={askDelete}>{d.delete}</Button>}
        </>
      }>
      <Group grow align="flex-start">
        <EstateSelect label={d.estate} required value={String(v.estateId ?? '') || null} onChange={(id) => form.set('estateId', id ?? '')}
          onBlur={() => form.touch('estateId')} error={form.errors.estateId} autoFocus={!record && !v.estateId} />
        <DateField form={form} name="heldOn" label={d.heldOn} required />
      </Group>
      <Group grow align="flex-start">
        <TextField form={form} name="convener" label={d.convener} required maxLength={30} autoFocus={!record && !!v.estateId} />
        <TextField form={form} name="place" label={d.place} maxLength={100} />
      </Group>
      <SectionTitle title={d.attendees} mt="xs" />
      <AttendeesEditor value={v.attendees as JointMeetingRecord['attendees']} onChange={(a) => form.set('attendees', a)} errors={form.errors} />
      <SectionTitle title={d.topics} mt="xs" />
      <TopicsEditor value={v.topics as string[]} onChange={(t) => form.set('topics', t)} error={form.errors.topics} />
      <SectionTitle title={d.resolutions} mt="xs" />
      <JointResolutionsEditor value={v.resolutions as ResolutionDraft[]} onChange={(r) => form.set('resolutions', r)} saved={saved} errors={form.errors} />
      <TextAreaField form={form} name="minutes" label={d.minutes} placeholder={d.minutesPlaceholder} minRows={4} />
    </FormDrawer>
  );
}
