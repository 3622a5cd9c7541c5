import { SimpleGrid } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { todayIso } from '../../../../main/api/common/calendar';
import { earningCategories, manualSourceKinds } from '../../../../main/api/volunteer/labels';
import { ManualEntry } from '../../../../main/api/volunteer/schemas';
import { useApiMutation } from '../../api/queries';
import { DateField, options, SelectField, TextField } from '../../components/fields';
import { FormDrawer } from '../../components/FormDrawer';
import { useZodForm } from '../../components/useZodForm';
import { vp } from '../../i18n/volunteer-points';
import { PersonPicker, personRef } from '../common/PersonPicker';
import { TenthsField } from '../../components/TenthsField';
import type { PersonHit } from '../types';

const e = vp.entry;

/** A hand-written entry: a donation (贡献分), conduct (基础分), a deduction; appended, never edited. */
export function EntryForm({ onClose }: { onClose: () => void }) {
  const form = useZodForm(ManualEntry, { person: null as never, onDate: todayIso(), category: 'contribution', amount: null as never, reason: '', sourceKind: 'manual' });
  const [person, setPerson] = useState<PersonHit | null>(null);
  const add = useApiMutation('volunteer.addEntry');
  const save = form.submit(async (parsed) => {
    await add.mutateAsync(parsed);
    notifications.show({ color: 'green', message: e.saved });
    onClose();
  });
  const personError = Object.entries(form.errors).find(([k]) => k.startsWith('person'))?.[1];
  return (
    <FormDrawer opened title={e.title} dirty={form.dirty} submitting={form.submitting} onClose={onClose} onSave={save} size={460}>
      <PersonPicker
        label={e.person}
        required
        autoFocus
        showBalance
        selected={person}
        error={personError}
        onPick={(h) => {
          setPerson(h);
          form.set('person', h ? personRef(h) : null);
        }}
      />
      <SimpleGrid cols={2}>
        <SelectField form={form} name="category" label={e.category} data={options(earningCategories)} required />
        <SelectField form={form} name="sourceKind" label={e.source} data={options(manualSourceKinds)} required />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <TenthsField form={form} name="amount" label={e.amount} description={e.amountHint} required min={-1000} />
        <DateField form={form} name="onDate" label={e.onDate} required />
      </SimpleGrid>
      <TextField form={form} name="reason" label={e.reason} required />
    </FormDrawer>
  );
}
