import { SimpleGrid } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo } from 'react';
import { AccountInput } from '../../../../main/api/fund/schemas';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { today } from '../../app/clock';
import { DateField, SelectField, TextField } from '../../components/fields';
import { FormDrawer } from '../../components/FormDrawer';
import { MoneyField } from '../../components/MoneyField';
import { useZodForm } from '../../components/useZodForm';
import { usePerBuilding } from '../common/usePerBuilding';
import { fund } from '../../i18n/fund';
import type { AccountView } from '../types';

const f = fund.accountForm;

/**
 * The estates of the places register, named with their community ("阳光小区 · 西里社区"), and the buildings of the one
 * chosen.
 */
function usePlaceOptions(estateId: string) {
  const places = useApiQuery('party.listPlaces', {});
  return useMemo(() => {
    const rows = places.data ?? [];
    const names = new Map(rows.map((p) => [p.id, p.name]));
    const estates = rows.filter((p) => p.kind === 'estate').map((p) => ({ value: p.id, label: `${p.name} · ${names.get(p.parentId ?? '') ?? ''}` }));
    const buildings = rows.filter((p) => p.kind === 'building' && p.parentId === estateId).map((p) => ({ value: p.id, label: p.name }));
    return { estates, buildings };
  }, [places.data, estateId]);
}

/**
 * Opens an estate's account, or a building's when the setting keeps accounts per building: the opening balance is
 * typed as yuan and kept in fen; it is fixed from here on.
 */
export function AccountForm({ onClose, onOpened }: { onClose: () => void; onOpened: (a: AccountView) => void }) {
  const form = useZodForm(AccountInput, {
    estateId: '', buildingId: null, name: '', bankName: '', bankAccount: '', openingBalance: '', openedOn: today(), note: '',
  });
  const estateId = String(form.values.estateId ?? '');
  const { estates, buildings } = usePlaceOptions(estateId);
  const perBuilding = usePerBuilding();
  // Another estate's building is never sent: choosing another estate clears the building.
  const buildingId = form.values.buildingId as string | null;
  const { set } = form;
  useEffect(() => {
    if (buildingId && !buildings.some((b) => b.value === buildingId)) set('buildingId', null);
  }, [buildingId, buildings, set]);
  const open = useApiMutation('fund.openAccount');
  // The text as typed goes to the core, which parses it with the same schema: the money field takes yuan text only.
  const save = form.submit(async () => {
    const account = await open.mutateAsync(form.values);
    notifications.show({ color: 'green', message: f.saved });
    onOpened(account);
  });
  return (
    <FormDrawer opened title={f.title} dirty={form.dirty} submitting={form.submitting} onClose={onClose} onSave={save} saveLabel={f.save} size={480}>
      <SelectField form={form} name="estateId" label={f.estate} data={estates} required searchable autoFocus
        placeholder={estates.length ? undefined : f.estateNone} />
      {perBuilding && (
        <SelectField form={form} name="buildingId" label={f.building} description={f.buildingHint} data={buildings} required searchable
          placeholder={estateId && !buildings.length ? f.buildingNone : undefined} />
      )}
      <TextField form={form} name="name" label={f.name} description={perBuilding ? f.nameHintBuilding : f.nameHint} />
      <SimpleGrid cols={2}>
        <MoneyField form={form} name="openingBalance" label={f.openingBalance} placeholder={f.amountHint} required />
        <DateField form={form} name="openedOn" label={f.openedOn} required />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <TextField form={form} name="bankName" label={f.bankName} />
        <TextField form={form} name="bankAccount" label={f.bankAccount} />
      </SimpleGrid>
      <TextField form={form} name="note" label={f.note} />
    </FormDrawer>
  );
}
