import { Button, Center, Drawer, Group, Loader, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import type { z } from 'zod';
import { TermInput, TermUpdate } from '../../../../main/api/property/schemas';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { DateField, NumberField, TextAreaField } from '../../components/fields';
import { FormDrawer } from '../../components/FormDrawer';
import { SectionTitle } from '../../components/SectionTitle';
import { useZodForm } from '../../components/useZodForm';
import { pc } from '../../i18n/property-committees';
import { confirmDelete } from '../../components/confirmDelete';
import type { EstateRow } from '../types';
import { MembersEditor, type MemberDraft } from './MembersEditor';

const f = pc.form;
type Detail = NonNullable<ReturnType<typeof useApiQuery<'property.getTerm'>>['data']>;

/** A new term of an estate's committee, or one on record: its dates and its whole roster, saved together. */
export function TermDrawer({ estate, termId, nextTermNo, onClose }: { estate: EstateRow; termId: string | null; nextTermNo: number; onClose: () => void }) {
  const detail = useApiQuery('property.getTerm', { id: termId ?? '' }, { enabled: !!termId });
  if (termId && !detail.data) {
    return (
      <Drawer opened onClose={onClose} position="right" size={720} title={f.members}>
        <Center py="xl">{detail.isError ? <Text c="red">{detail.error.message}</Text> : <Loader size="sm" />}</Center>
      </Drawer>
    );
  }
  return <TermForm key={termId ?? 'new'} estate={estate} detail={detail.data ?? null} nextTermNo={nextTermNo} onClose={onClose} />;
}

function TermForm({ estate, detail, nextTermNo, onClose }: { estate: EstateRow; detail: Detail | null; nextTermNo: number; onClose: () => void }) {
  const t = detail?.term;
  const initial = t
    ? { id: t.id, termNo: t.termNo, electedOn: t.electedOn, startsOn: t.startsOn, endsOn: t.endsOn, filedOn: t.filedOn ?? '', firstMeetingOn: t.firstMeetingOn ?? '',
        note: t.note ?? '', members: detail.members.map(({ memberId, name, role, isPartyMember, onResidentsCommittee }) => ({ memberId, name, role, isPartyMember, onResidentsCommittee })) }
    : { estateId: estate.placeId, termNo: nextTermNo, electedOn: '', startsOn: '', endsOn: '', filedOn: '', firstMeetingOn: '', note: '', members: [] };
  const form = useZodForm<z.ZodType>(t ? TermUpdate : TermInput, initial);
  const create = useApiMutation('property.createTerm');
  const update = useApiMutation('property.updateTerm');
  const remove = useApiMutation('property.deleteTerm', { quiet: true });

  const save = form.submit(async (input) => {
    if (t) await update.mutateAsync(input as z.input<typeof TermUpdate>);
    else await create.mutateAsync(input as z.input<typeof TermInput>);
    notifications.show({ color: 'green', message: f.saved });
    onClose();
  });
  const askDelete = () =>
    t && confirmDelete({ title: f.deleteTitle, body: f.deleteBody(t.termNo, t.memberCount), confirm: f.delete,
      run: () => remove.mutateAsync({ id: t.id }), done: f.deleted, onDone: onClose });

  return (
    <FormDrawer opened size={720} title={t ? f.editTitle(estate.name, t.termNo) : f.newTitle(estate.name)} dirty={form.dirty} submitting={form.submitting}
      onClose={onClose} onSave={save}
      extraActions={t && <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={askDelete}>{f.delete}</Button>}>
      <Group grow align="flex-start">
        <NumberField form={form} name="termNo" label={f.termNo} required min={1} max={99} />
        <DateField form={form} name="electedOn" label={f.electedOn} required autoFocus={!t} />
      </Group>
      <Group grow align="flex-start">
        <DateField form={form} name="startsOn" label={f.startsOn} required />
        <DateField form={form} name="endsOn" label={f.endsOn} required />
      </Group>
      <Group grow align="flex-start">
        <DateField form={form} name="filedOn" label={f.filedOn} description={f.filedOnHelp} />
        <DateField form={form} name="firstMeetingOn" label={f.firstMeetingOn} description={f.firstMeetingOnHelp} />
      </Group>
      <SectionTitle title={f.members} mt="xs" />
      <Text size="xs" c="dimmed">{f.membersHelp}</Text>
      <MembersEditor value={form.values.members as MemberDraft[]} onChange={(v) => form.set('members', v)} errors={form.errors} />
      {form.errors.members && <Text size="sm" c="red">{form.errors.members}</Text>}
      <TextAreaField form={form} name="note" label={f.note} minRows={2} />
    </FormDrawer>
  );
}
