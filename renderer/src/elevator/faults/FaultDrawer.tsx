import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import type { z } from 'zod';
import { faultCauses } from '../../../../main/api/elevator/labels';
import { FaultInput } from '../../../../main/api/elevator/schemas';
import { useApiMutation } from '../../api/queries';
import { timeZone } from '../../app/clock';
import { confirmDelete } from '../../components/confirmDelete';
import { NumberField, SelectField, TextAreaField, TextField, options } from '../../components/fields';
import { FormDrawer } from '../../components/FormDrawer';
import { useZodForm } from '../../components/useZodForm';
import { elev } from '../../i18n/elevator';
import { ElevatorSelect } from '../common/ElevatorSelect';
import type { FaultView } from '../types';

const f = elev.fault;
type Values = z.input<typeof FaultInput>;

const blank = (elevatorId: string | null): Values => ({
  elevatorId: elevatorId as string, alarmAt: '', arrivedAt: '', releasedAt: '', peopleTrapped: 1, cause: 'door', rescuer: '', note: '',
});

/** A fault or entrapment: three times typed as on the rescue sheet (arrival and release may be times only), who and why. */
export function FaultDrawer({ fault, elevatorId, onClose }: { fault: FaultView | null; elevatorId: string | null; onClose: () => void }) {
  const form = useZodForm(FaultInput, fault ? { ...fault, releasedAt: fault.releasedAt ?? '', note: fault.note ?? '' } : blank(elevatorId));
  const create = useApiMutation('elevator.createFault');
  const update = useApiMutation('elevator.updateFault');
  const remove = useApiMutation('elevator.deleteFault', { quiet: true });

  const save = form.submit(async () => {
    const typed = form.values;
    const saved = fault ? await update.mutateAsync({ ...typed, id: fault.id }) : await create.mutateAsync(typed);
    notifications.show(saved.slow
      ? { color: 'orange', message: f.slowSaved(saved.responseMinutes, saved.limitMinutes), autoClose: 8000 }
      : { color: 'green', message: f.saved });
    onClose();
  });

  const askDelete = () => fault && confirmDelete({
    title: f.deleteTitle, body: f.deleteBody(fault.alarmAt), confirm: f.delete, run: () => remove.mutateAsync({ id: fault.id }), done: f.deleted, onDone: onClose,
  });

  return (
    <FormDrawer opened title={fault ? f.editTitle : f.newTitle} dirty={form.dirty} submitting={form.submitting} onClose={onClose} onSave={save}
      extraActions={fault && <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={askDelete}>{f.delete}</Button>}>
      <ElevatorSelect label={f.elevator} required value={(form.values.elevatorId as string | null) || null} error={form.errors.elevatorId}
        onChange={(id) => form.set('elevatorId', id)} onBlur={() => form.touch('elevatorId')} autoFocus={!elevatorId} />
      <Text size="xs" c="dimmed">{f.timesNote(timeZone())}</Text>
      <TextField form={form} name="alarmAt" label={f.alarmAt} placeholder={f.alarmHint} required autoFocus={!!elevatorId} />
      <Group grow align="flex-start">
        <TextField form={form} name="arrivedAt" label={f.arrivedAt} placeholder={f.timeHint} required />
        <TextField form={form} name="releasedAt" label={f.releasedAt} placeholder={f.timeHint} />
      </Group>
      <Group grow align="flex-start">
        <NumberField form={form} name="peopleTrapped" label={f.peopleTrapped} min={0} max={100} required />
        <SelectField form={form} name="cause" label={f.cause} data={options(faultCauses)} required />
      </Group>
      <TextField form={form} name="rescuer" label={f.rescuer} required />
      <TextAreaField form={form} name="note" label={f.note} minRows={2} />
    </FormDrawer>
  );
}
