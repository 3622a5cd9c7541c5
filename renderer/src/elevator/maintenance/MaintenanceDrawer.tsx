import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { z } from 'zod';
import { inspectionResults, maintenanceKinds } from '../../../../main/api/elevator/labels';
import { MaintenanceInput, isRoutine } from '../../../../main/api/elevator/schemas';
import { useApiMutation } from '../../api/queries';
import { today } from '../../app/clock';
import { confirmDelete } from '../../components/confirmDelete';
import { DateField, SelectField, TextAreaField, TextField, options } from '../../components/fields';
import { FormDrawer } from '../../components/FormDrawer';
import { SectionTitle } from '../../components/SectionTitle';
import { useZodForm } from '../../components/useZodForm';
import { elev } from '../../i18n/elevator';
import type { ElevatorView, MaintenanceRow } from '../types';
import { Checklist } from './Checklist';

const r = elev.record;
type Values = z.input<typeof MaintenanceInput>;

/** What a new record starts from: today, and the company, workers and level of the one typed before. */
const fresh = (elevator: ElevatorView, last: MaintenanceRow | Values | null): Values => ({
  elevatorId: elevator.id, doneOn: today(), kind: last?.kind ?? 'half_monthly', result: null, nextInspectionOn: '',
  company: last?.company ?? elevator.maintainer ?? '', worker1: last?.worker1 ?? '', worker2: last?.worker2 ?? '',
  items: [], findings: '', partsReplaced: '', signedBy: '', signedOn: '',
});

const valuesOf = (m: MaintenanceRow): Values => ({
  ...m, result: m.result, nextInspectionOn: m.nextInspectionOn ?? '', worker2: m.worker2 ?? '', findings: m.findings ?? '',
  partsReplaced: m.partsReplaced ?? '', signedBy: m.signedBy ?? '', signedOn: m.signedOn ?? '',
});

/**
 * A maintenance record, typed from the keyboard: Enter moves on, Ctrl+Enter saves. A new record stays open after
 * saving with the company and workers kept, for the next sheet of the pile.
 */
export function MaintenanceDrawer({ elevator, record, lastRecord, onClose }: {
  elevator: ElevatorView; record: MaintenanceRow | null; lastRecord: MaintenanceRow | null; onClose: () => void;
}) {
  const [next, setNext] = useState<{ n: number; from: MaintenanceRow | Values | null }>({ n: 0, from: lastRecord });
  return (
    <MaintenanceForm key={next.n} record={record} initial={record ? valuesOf(record) : fresh(elevator, next.from)}
      onSaved={(saved) => (record ? onClose() : setNext({ n: next.n + 1, from: saved }))} onClose={onClose} />
  );
}

function MaintenanceForm({ record, initial, onSaved, onClose }: {
  record: MaintenanceRow | null; initial: Values; onSaved: (saved: Values) => void; onClose: () => void;
}) {
  const form = useZodForm(MaintenanceInput, initial);
  const create = useApiMutation('elevator.createMaintenance');
  const update = useApiMutation('elevator.updateMaintenance');
  const remove = useApiMutation('elevator.deleteMaintenance', { quiet: true });
  const v = form.values;
  const periodic = v.kind === 'periodic_inspection';

  const save = form.submit(async (input) => {
    if (record) await update.mutateAsync({ ...input, id: record.id });
    else await create.mutateAsync(input);
    notifications.show({ color: 'green', message: r.saved });
    onSaved(form.values);
  });

  const askDelete = () => record && confirmDelete({
    title: r.deleteTitle, body: r.deleteBody(record.doneOn, maintenanceKinds[record.kind]), confirm: r.delete,
    run: () => remove.mutateAsync({ id: record.id }), done: r.deleted, onDone: onClose,
  });

  return (
    <FormDrawer opened size={600} title={record ? r.editTitle : r.newTitle} dirty={form.dirty} submitting={form.submitting}
      onClose={onClose} onSave={save} saveLabel={r.save}
      extraActions={record && <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={askDelete}>{r.delete}</Button>}>
      <Group grow align="flex-start">
        <DateField form={form} name="doneOn" label={r.doneOn} required autoFocus />
        <SelectField form={form} name="kind" label={r.kind} data={options(maintenanceKinds)} required />
      </Group>
      {periodic && (
        <Group grow align="flex-start">
          <SelectField form={form} name="result" label={r.result} data={options(inspectionResults)} required />
          <DateField form={form} name="nextInspectionOn" label={r.nextInspectionOn} />
        </Group>
      )}
      <TextField form={form} name="company" label={r.company} required />
      <Group grow align="flex-start">
        <TextField form={form} name="worker1" label={r.worker1} required />
        <TextField form={form} name="worker2" label={r.worker2} required={isRoutine(String(v.kind))} />
      </Group>
      <SectionTitle title={r.items} />
      <Checklist kind={String(v.kind)} value={(v.items as string[] | undefined) ?? []} onChange={(codes) => form.set('items', codes)} />
      {form.errors.items && <Text size="xs" c="red">{form.errors.items}</Text>}
      <TextAreaField form={form} name="findings" label={r.findings} minRows={2} />
      <TextField form={form} name="partsReplaced" label={r.partsReplaced} />
      <SectionTitle title={r.signOff} />
      <Text size="xs" c="dimmed">{r.signOffHint}</Text>
      <Group grow align="flex-start">
        <TextField form={form} name="signedBy" label={r.signedBy} />
        <DateField form={form} name="signedOn" label={r.signedOn} />
      </Group>
    </FormDrawer>
  );
}
