import { Autocomplete, Button, Center, Divider, Drawer, Group, Loader, Select, Stack, Text, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconPresentation, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { MeetingInput } from '../../../../main/api/party/schemas';
import { meetingTypes } from '../../../../main/api/party/labels';
import { tenthsText } from '../../../../main/api/volunteer/tenths';
import { callApi, useApiMutation, useApiQuery } from '../../api/queries';
import { navigate } from '../../app/router';
import { DateField, TextAreaField, TextField, options } from '../../components/fields';
import { FormDrawer } from '../../components/FormDrawer';
import { PdfButtons } from '../../components/PdfButtons';
import { useZodForm, type ZodForm } from '../../components/useZodForm';
import { pm } from '../../i18n/party-meetings';
import { zh } from '../../i18n/zh-CN';
import { AttendanceEditor } from './AttendanceEditor';
import { keepGuests } from './attendance';
import { draftOf, newMeeting, topicDefault, typeOptions, typesFor } from './meetingDraft';
import { replaceOnEdit } from '../../components/replaceOnEdit';
import { ResolutionsEditor } from './ResolutionsEditor';
import { UnitSelect, useOrg, type OrgLevel } from '../../components/UnitSelect';
import type { MeetingDraft, MeetingRecord, MeetingType } from './types';

const d = pm.drawer;

export interface MeetingPrefill {
  orgId?: string | null;
  type?: MeetingType | null;
  heldOn?: string | null;
}

/** Record a meeting after the fact, or open a recorded one: every field of the 会议记录 in one drawer. */
export function MeetingDrawer({ meetingId, prefill, onClose }: { meetingId: string | null; prefill: MeetingPrefill; onClose: () => void }) {
  const record = useApiQuery('party.getMeeting', { id: meetingId ?? '' }, { enabled: !!meetingId });
  if (meetingId && !record.data) {
    return (
      <Drawer opened onClose={onClose} position="right" size={760} title={d.editTitle}>
        <Center py="xl">{record.isError ? <Text c="red">{record.error.message}</Text> : <Loader size="sm" />}</Center>
      </Drawer>
    );
  }
  const initial = record.data
    ? draftOf(record.data)
    : newMeeting({ orgId: prefill.orgId ?? '', type: prefill.type ?? 'theme_day', heldOn: prefill.heldOn ?? undefined });
  return <MeetingForm key={meetingId ?? 'new'} initial={initial} record={record.data ?? null} onClose={onClose} />;
}

function MeetingForm({ initial, record, onClose }: { initial: MeetingDraft; record: MeetingRecord | null; onClose: () => void }) {
  const form = useZodForm(MeetingInput, initial);
  const v = form.values as MeetingDraft;
  const unit = useOrg(v.orgId || null).active;
  const roster = useApiQuery('party.getRoster', { orgId: v.orgId || '-' }, { enabled: !!v.orgId });
  const names = [...new Set((roster.data ?? []).map((m) => m.name))];
  const create = useApiMutation('party.createMeeting');
  const update = useApiMutation('party.updateMeeting');
  const remove = useApiMutation('party.deleteMeeting', { quiet: true });
  const print = useApiMutation('party.printMeeting');
  const client = useQueryClient();

  const chooseUnit = (orgId: string | null, picked: { level: OrgLevel } | null) => {
    const allowed = typesFor(picked?.level);
    form.set('orgId', orgId ?? '');
    // Another unit has another roster: only the guests' names still apply.
    form.set('attendance', keepGuests(v.attendance));
    if (v.type && !allowed.includes(v.type)) chooseType(allowed[0] ?? null);
  };
  // The topic follows type and date while it is still their default (or empty); one the clerk wrote stays.
  const autoTopic = topicDefault(v);
  const following = (patch: { type?: MeetingType | null; heldOn?: string }) => {
    const next = topicDefault({ ...v, ...patch });
    for (const [k, x] of Object.entries(patch)) form.set(k, x);
    if (next !== autoTopic && (!v.topic || v.topic === autoTopic)) form.set('topic', next);
  };
  const chooseType = (type: string | null) => following({ type: type as MeetingType | null });
  // A new meeting opens on what is still to write: the unit, or when it came chosen (from a branch's page or a
  // missed month) the topic, its filled-in default selected so typing replaces it. Decided once, on opening.
  const opensOn = record ? null : initial.orgId ? 'topic' : 'unit';
  const dateForm: ZodForm = { ...form, set: (_name, heldOn) => following({ heldOn: heldOn as string }) };

  const save = form.submit(async (input) => {
    if (record) await update.mutateAsync({ id: record.id, meeting: input });
    else await create.mutateAsync(input);
    notifications.show({ color: 'green', message: d.saved });
    onClose();
  });

  const confirmDelete = async (m: MeetingRecord) => {
    if (m.resolutions.some((x) => x.status === 'done')) {
      notifications.show({ color: 'orange', message: d.deleteBlocked, autoClose: 8000 });
      return;
    }
    // Base points credited for the meeting are reversed with it: the confirmation says whose and how many.
    const credit = await callApi('volunteer.meetingCredit', { meetingId: m.id });
    modals.openConfirmModal({
      title: d.deleteTitle,
      children: (
        <Stack gap="xs">
          <Text size="sm">{d.deleteBody(m.topic, m.attendance.length, m.resolutions.length)}</Text>
          {credit.people > 0 && <Text size="sm" fw={600}>{d.deletePoints(credit.people, tenthsText(credit.points))}</Text>}
        </Stack>
      ),
      labels: { confirm: d.delete, cancel: zh.common.cancel },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        remove.mutate({ id: m.id }, {
          onSuccess: () => {
            // The reversed points change balances and rankings the volunteer pages hold.
            if (credit.people > 0) void client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('volunteer.') });
            notifications.show({ message: d.deleted });
            onClose();
          },
          onError: (err) => notifications.show({ color: 'red', message: err.message, autoClose: 8000 }),
        }),
    });
  };

  return (
    <FormDrawer
      opened
      title={record ? `${d.editTitle} · ${record.orgName}` : d.newTitle}
      dirty={form.dirty}
      submitting={form.submitting}
      onClose={onClose}
      onSave={() => void save()}
      size={760}
      extraActions={record && (
        <>
          <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => void confirmDelete(record)}>{d.deleteMeeting}</Button>
          <Button variant="default" leftSection={<IconPresentation size={16} />}
            onClick={() => navigate('/party/meeting-mode', { id: record.id })}>{d.continueInMode}</Button>
          {/* What prints is the record as saved: with changes not yet saved, the buttons wait for 保存. */}
          <Tooltip label={d.printUnsaved} disabled={!form.dirty}>
            <span><PdfButtons make={() => print.mutateAsync({ id: record.id })} printLabel={d.print} saveLabel={d.download} disabled={form.dirty} /></span>
          </Tooltip>
        </>
      )}
    >
      <Group grow align="flex-start">
        <UnitSelect label={d.unit} required value={v.orgId || null} onChange={chooseUnit} error={form.errors.orgId}
          onBlur={() => form.touch('orgId')} autoFocus={opensOn === 'unit'} />
        <Select label={d.type} required data={unit ? typeOptions(unit.level) : options(meetingTypes)} value={v.type ?? null}
          onChange={chooseType} error={form.errors.type} onBlur={() => form.touch('type')} mt={0} />
      </Group>
      <Group grow align="flex-start">
        <DateField form={dateForm} name="heldOn" label={d.heldOn} required />
        <TextField form={form} name="startTime" label={d.startTime} placeholder={d.startTimePlaceholder} />
        <TextField form={form} name="place" label={d.place} maxLength={100} />
      </Group>
      <TextField form={form} name="topic" label={d.topic} required maxLength={200} autoFocus={opensOn === 'topic'}
        {...replaceOnEdit(!!v.topic && v.topic === autoTopic)} />
      <Group grow align="flex-start">
        <NameField form={form} name="host" label={d.host} names={names} />
        <NameField form={form} name="recorder" label={d.recorder} names={names} />
      </Group>
      <Divider label={d.attendance} labelPosition="left" mt="xs" />
      {v.orgId ? (
        <AttendanceEditor roster={roster.data} value={v.attendance} onChange={(a) => form.set('attendance', a)} cols={4} errors={form.errors} />
      ) : (
        <Text size="sm" c="dimmed">{d.pickUnitFirst}</Text>
      )}
      <Divider label={d.resolutions} labelPosition="left" mt="xs" />
      <ResolutionsEditor value={v.resolutions} onChange={(r) => form.set('resolutions', r)} showStatus errors={form.errors} />
      <TextAreaField form={form} name="minutes" label={d.minutes} placeholder={d.minutesPlaceholder} minRows={4} />
    </FormDrawer>
  );
}

/** Host and recorder are usually members of the unit: offer their names, accept anyone's. */
function NameField({ form, name, label, names }: { form: ZodForm; name: string; label: string; names: string[] }) {
  return (
    <Autocomplete label={label} data={names} value={String(form.values[name] ?? '')} maxLength={30}
      onChange={(x) => form.set(name, x)} onBlur={() => form.touch(name)} error={form.errors[name]} />
  );
}
