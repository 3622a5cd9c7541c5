import { Alert, Button, Center, Drawer, Group, Loader, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconTrash } from '@tabler/icons-react';
import type { z } from 'zod';
import { formatFen } from '../../../../main/api/common/money';
import { elevatorStatuses, elevatorTypes } from '../../../../main/api/elevator/labels';
import { normaliseRegCode, regCodeWarnings } from '../../../../main/api/elevator/rules';
import { ElevatorInput } from '../../../../main/api/elevator/schemas';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { today } from '../../app/clock';
import { href } from '../../app/router';
import { confirmDelete } from '../../components/confirmDelete';
import { DateField, NumberField, SelectField, TextAreaField, TextField, options } from '../../components/fields';
import { FormDrawer } from '../../components/FormDrawer';
import { MoneyField } from '../../components/MoneyField';
import { SectionTitle } from '../../components/SectionTitle';
import { useZodForm } from '../../components/useZodForm';
import { elev } from '../../i18n/elevator';
import { placeOf } from '../common/placeOf';
import { usePlaces } from '../common/usePlaces';
import { WarningBadges } from '../common/WarningBadges';
import type { ElevatorView } from '../types';

const f = elev.form;

const blank = (estateId: string | null) => ({
  estateId, buildingId: null, unitNo: null, carLabel: '', regCode: '', deviceCode: '', useCertNo: '', rescuePhone: '', make: '', model: '',
  type: 'passenger', floors: null, speed: '', installedOn: '', maintainer: '', maintainerPhone: '', contractPrice: '',
  contractStartsOn: '', contractEndsOn: '', status: 'in_service', nextInspectionOn: '', intervalDays: 15, note: '',
});

/** The form's values for a saved elevator: amounts and speed back as the text a clerk types. */
const valuesOf = (e: ElevatorView) => ({
  ...blank(e.estateId),
  ...Object.fromEntries(Object.entries(e).map(([k, v]) => [k, v ?? ''])),
  unitNo: e.unitNo, floors: e.floors, buildingId: e.buildingId,
  speed: e.speed === null ? '' : (e.speed / 100).toFixed(2),
  contractPrice: e.contractPrice === null ? '' : formatFen(e.contractPrice),
});

/** An elevator's record: where it stands, its codes (注册代码 checked softly as typed), the device, maintenance, status. */
export function ElevatorDrawer({ elevatorId, estateId, onClose }: { elevatorId: string | null; estateId: string | null; onClose: () => void }) {
  const detail = useApiQuery('elevator.getElevator', { id: elevatorId ?? '' }, { enabled: !!elevatorId });
  if (elevatorId && !detail.data) {
    return (
      <Drawer opened onClose={onClose} position="right" size={600} title={f.editTitle}>
        <Center py="xl">{detail.isError ? <Text c="red">{detail.error.message}</Text> : <Loader size="sm" />}</Center>
      </Drawer>
    );
  }
  return <ElevatorForm key={elevatorId ?? 'new'} elevator={detail.data ?? null} estateId={estateId} onClose={onClose} />;
}

function ElevatorForm({ elevator: e, estateId, onClose }: { elevator: ElevatorView | null; estateId: string | null; onClose: () => void }) {
  // Picks start empty (null) where the schema wants an id: the form holds what is typed, the schema says what is missing.
  const form = useZodForm(ElevatorInput, (e ? valuesOf(e) : blank(estateId)) as unknown as z.input<typeof ElevatorInput>);
  const places = usePlaces();
  const create = useApiMutation('elevator.createElevator');
  const update = useApiMutation('elevator.updateElevator');
  const remove = useApiMutation('elevator.deleteElevator', { quiet: true });
  const v = form.values as Record<string, unknown>;
  const buildings = places.buildingsOf((v.estateId as string | null) ?? null);
  const typed = normaliseRegCode(String(v.regCode ?? ''));
  const codeWarnings = typed ? regCodeWarnings(typed, today()) : [];

  // The typed text goes to the core, which parses it with the same schema (amounts and speed as written).
  const save = form.submit(async () => {
    const typedInput = form.values as z.input<typeof ElevatorInput>;
    const saved = e ? await update.mutateAsync({ ...typedInput, id: e.id }) : await create.mutateAsync(typedInput);
    const warn = saved.regCodeWarnings.length > 0;
    notifications.show({ color: warn ? 'orange' : 'green', message: warn ? f.savedWithWarnings : f.saved });
    onClose();
  });

  const askDelete = () => e && confirmDelete({
    title: f.deleteTitle, body: f.deleteBody(placeOf(e)), confirm: f.delete, run: () => remove.mutateAsync({ id: e.id }), done: f.deleted, onDone: onClose,
  });

  return (
    <FormDrawer opened size={600} title={e ? `${f.editTitle} · ${placeOf(e)}` : f.newTitle} dirty={form.dirty} submitting={form.submitting}
      onClose={onClose} onSave={save}
      extraActions={e && <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={askDelete}>{f.delete}</Button>}>
      {e && (
        <Stack gap={6}>
          <Group gap="xs">
            {e.warnings.length ? <WarningBadges warnings={e.warnings} /> : <Text size="sm" c="dimmed">{f.noWarnings}</Text>}
          </Group>
          <Group gap="md">
            <Text size="sm" component="a" href={href('/elevator/maintenance', { elevator: e.id })} td="underline">{f.records}</Text>
            <Text size="sm" component="a" href={href('/elevator/faults', { elevator: e.id })} td="underline">{f.faults}</Text>
          </Group>
        </Stack>
      )}
      <SectionTitle title={f.place} />
      <Group grow align="flex-start">
        <SelectField form={form} name="estateId" label={f.estate} data={places.estates} searchable required autoFocus={!e} />
        <SelectField form={form} name="buildingId" label={f.building} data={buildings} searchable required
          placeholder={v.estateId && buildings.length === 0 ? f.buildingNone : undefined} />
      </Group>
      <Group grow align="flex-start">
        <NumberField form={form} name="unitNo" label={f.unitNo} min={1} max={99} />
        <TextField form={form} name="carLabel" label={f.carLabel} placeholder={f.carLabelPlaceholder} />
      </Group>
      <SectionTitle title={f.codes} />
      <TextField form={form} name="regCode" label={f.regCode} description={f.regCodeHelp} required />
      {codeWarnings.length > 0 && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={16} />} title={f.regCodeSoft} p="xs">
          <Stack gap={2}>{codeWarnings.map((w) => <Text key={w.part} size="sm">{w.message}</Text>)}</Stack>
        </Alert>
      )}
      <Group grow align="flex-start">
        <TextField form={form} name="deviceCode" label={f.deviceCode} />
        <TextField form={form} name="useCertNo" label={f.useCertNo} />
      </Group>
      <TextField form={form} name="rescuePhone" label={f.rescuePhone} />
      <SectionTitle title={f.device} />
      <Group grow align="flex-start">
        <TextField form={form} name="make" label={f.make} />
        <TextField form={form} name="model" label={f.model} />
      </Group>
      <Group grow align="flex-start">
        <SelectField form={form} name="type" label={f.type} data={options(elevatorTypes)} required />
        <NumberField form={form} name="floors" label={f.floors} min={2} max={200} />
        <TextField form={form} name="speed" label={f.speed} />
      </Group>
      <DateField form={form} name="installedOn" label={f.installedOn} />
      <SectionTitle title={f.maintenance} />
      <Group grow align="flex-start">
        <TextField form={form} name="maintainer" label={f.maintainer} />
        <TextField form={form} name="maintainerPhone" label={f.maintainerPhone} />
      </Group>
      <Group grow align="flex-start">
        <MoneyField form={form} name="contractPrice" label={f.contractPrice} />
        <NumberField form={form} name="intervalDays" label={f.intervalDays} description={f.intervalHelp} min={1} max={90} />
      </Group>
      <Group grow align="flex-start">
        <DateField form={form} name="contractStartsOn" label={f.contractStartsOn} />
        <DateField form={form} name="contractEndsOn" label={f.contractEndsOn} />
      </Group>
      <Group grow align="flex-start">
        <SelectField form={form} name="status" label={f.status} data={options(elevatorStatuses)} required />
        <DateField form={form} name="nextInspectionOn" label={f.nextInspectionOn} description={f.nextInspectionHelp} />
      </Group>
      <TextAreaField form={form} name="note" label={f.note} minRows={2} />
    </FormDrawer>
  );
}
