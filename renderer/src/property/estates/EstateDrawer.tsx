import { Button, Center, Drawer, Group, Loader, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { managementTypes } from '../../../../main/api/property/labels';
import { EstateInput } from '../../../../main/api/property/schemas';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { NumberField, SelectField, TextAreaField, options } from '../../components/fields';
import { FormDrawer } from '../../components/FormDrawer';
import { useZodForm } from '../../components/useZodForm';
import { prop } from '../../i18n/property';
import { confirmDelete } from '../../components/confirmDelete';
import { useEstateOptions } from '../common/EstateSelect';
import { KeysStayHere } from '../common/KeysStayHere';
import type { EstateDetail } from '../types';
import { AreaField } from './area';
import { ContractsSection } from './ContractsSection';
import { NewPlaceModal } from './NewPlaceModal';

const f = prop.estate;

/** A new estate profile (the estate picked from the places register, or created there first), or an existing one. */
export function EstateDrawer({ estateId, onClose }: { estateId: string | null; onClose: () => void }) {
  const detail = useApiQuery('property.getEstate', { id: estateId ?? '' }, { enabled: !!estateId });
  if (estateId && !detail.data) {
    return (
      <Drawer opened onClose={onClose} position="right" size={560} title={f.editTitle}>
        <Center py="xl">{detail.isError ? <Text c="red">{detail.error.message}</Text> : <Loader size="sm" />}</Center>
      </Drawer>
    );
  }
  return <EstateForm key={estateId ?? 'new'} detail={detail.data ?? null} onClose={onClose} />;
}

function EstateForm({ detail, onClose }: { detail: EstateDetail | null; onClose: () => void }) {
  const e = detail?.estate;
  const initial = e
    ? { placeId: e.placeId, management: e.management, households: e.households, floorAreaHundredths: e.floorAreaHundredths, note: e.note ?? '' }
    : { placeId: '', management: 'company' as const, households: null, floorAreaHundredths: null, note: '' };
  const form = useZodForm(EstateInput, initial);
  const create = useApiMutation('property.createEstate');
  const update = useApiMutation('property.updateEstate');
  const remove = useApiMutation('property.deleteEstate', { quiet: true });

  const save = form.submit(async (input) => {
    await (e ? update : create).mutateAsync(input);
    notifications.show({ color: 'green', message: f.saved });
    onClose();
  });
  const askDelete = () =>
    e && confirmDelete({ title: f.deleteTitle, body: f.deleteBody(e.name), confirm: f.delete, run: () => remove.mutateAsync({ id: e.placeId }), done: f.deleted, onDone: onClose });

  return (
    <FormDrawer opened size={560} title={e ? `${f.editTitle} · ${e.name}` : f.newTitle} dirty={form.dirty} submitting={form.submitting} onClose={onClose} onSave={save}
      extraActions={e && <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={askDelete}>{f.delete}</Button>}>
      {e ? <Text size="sm" c="dimmed">{e.communityName}</Text> : <PlacePicker form={form} />}
      <SelectField form={form} name="management" label={f.management} data={options(managementTypes)} required />
      <Group grow align="flex-start">
        <NumberField form={form} name="households" label={f.households} description={f.householdsHelp} min={0} />
        <AreaField form={form} label={f.area} />
      </Group>
      <TextAreaField form={form} name="note" label={f.note} minRows={2} />
      {detail && <ContractsSection detail={detail} />}
    </FormDrawer>
  );
}

/** Estates of the places register that have no profile yet; a missing one is created there without leaving. */
function PlacePicker({ form }: { form: ReturnType<typeof useZodForm> }) {
  const places = useApiQuery('party.listPlaces', {});
  const { byId } = useEstateOptions();
  const [creating, setCreating] = useState(false);
  const data = useMemo(() => {
    const all = places.data ?? [];
    const names = new Map(all.map((p) => [p.id, p.name]));
    return all
      .filter((p) => p.kind === 'estate' && !byId.has(p.id))
      .map((p) => ({ value: p.id, label: p.parentId ? `${p.name} · ${names.get(p.parentId) ?? ''}` : p.name }));
  }, [places.data, byId]);
  const pick = (id: string | null) => {
    form.set('placeId', id ?? '');
    // The register's households are the starting point; the clerk may correct them here.
    const place = places.data?.find((p) => p.id === id);
    if (place && form.values.households === null) form.set('households', place.households);
  };

  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <Select label={f.place} placeholder={f.placePlaceholder} description={f.placeHelp} required searchable data={data} style={{ flex: 1 }}
        value={String(form.values.placeId ?? '') || null} onChange={pick} onBlur={() => form.touch('placeId')} error={form.errors.placeId}
        nothingFoundMessage={f.placeNone} autoFocus comboboxProps={{ withinPortal: true }} />
      <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} mb={form.errors.placeId ? 22 : 0}>{f.newPlace}</Button>
      {creating && <KeysStayHere><NewPlaceModal onClose={() => setCreating(false)} onCreated={(id) => pick(id)} /></KeysStayHere>}
    </Group>
  );
}
