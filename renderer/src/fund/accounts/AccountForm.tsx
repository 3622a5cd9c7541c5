import { SimpleGrid } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { AccountInput } from '../../../../main/api/fund/schemas';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { today } from '../../app/clock';
import { DateField, SelectField, TextField } from '../../components/fields';
import { FormDrawer } from '../../components/FormDrawer';
import { MoneyField } from '../../components/MoneyField';
import { useZodForm } from '../../components/useZodForm';
import { fund } from '../../i18n/fund';
import type { AccountView } from '../types';

const f = fund.accountForm;

/** The estates of the places register, named with their community: "阳光小区 · 西里社区". */
function useEstateOptions() {
  const places = useApiQuery('party.listPlaces', {});
  return useMemo(() => {
    const rows = places.data ?? [];
    const names = new Map(rows.map((p) => [p.id, p.name]));
    return rows.filter((p) => p.kind === 'estate').map((p) => ({ value: p.id, label: `${p.name} · ${names.get(p.parentId ?? '') ?? ''}` }));
  }, [places.data]);
}

/** Opens an estate's account: the opening balance is typed as yuan and kept in fen; it is fixed from here on. */
export function AccountForm({ onClose, onOpened }: { onClose: () => void; onOpened: (a: AccountView) => void }) {
  const estates = useEstateOptions();
  const form = useZodForm(AccountInput, { estateId: '', name: '', bankName: '', bankAccount: '', openingBalance: '', openedOn: today(), note: '' });
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
      <TextField form={form} name="name" label={f.name} description={f.nameHint} />
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
