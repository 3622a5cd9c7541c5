import { SimpleGrid, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { consentRules } from '../../../../main/api/fund/labels';
import { ApplicationInput } from '../../../../main/api/fund/schemas';
import { useApiMutation } from '../../api/queries';
import { AreaField } from '../../components/AreaField';
import { NumberField, options, SelectField, TextAreaField, TextField } from '../../components/fields';
import { FormDrawer } from '../../components/FormDrawer';
import { MoneyField } from '../../components/MoneyField';
import { useZodForm } from '../../components/useZodForm';
import { fundApplications } from '../../i18n/fund-applications';

const t = fundApplications;

/** 新建申请: the works and their budget, the vote rule, and the owners' totals the vote is counted against. */
export function ApplicationForm({ accountId, onClose, onMade }: { accountId: string; onClose: () => void; onMade: (id: string) => void }) {
  const form = useZodForm(ApplicationInput, { accountId, title: '', works: '', budget: '', rule: 'use',
    // Empty until typed: the schema's message asks for them rather than a 0 that looks filled.
    totalHouseholds: null as unknown as number, totalArea: null as unknown as number,
  });
  const create = useApiMutation('fund.createApplication');
  const save = form.submit(async () => {
    const made = await create.mutateAsync(form.values);
    notifications.show({ color: 'green', message: t.created });
    onMade(made.application.id);
  });
  return (
    <FormDrawer opened title={t.create} dirty={form.dirty} submitting={form.submitting} onClose={onClose} onSave={save} size={560}>
      <TextField form={form} name="title" label={t.form.title} required autoFocus />
      <TextAreaField form={form} name="works" label={t.form.works} required minRows={2} />
      <SimpleGrid cols={2}>
        <MoneyField form={form} name="budget" label={t.form.budget} required />
        <SelectField form={form} name="rule" label={t.form.rule} data={options(consentRules)} required />
        <NumberField form={form} name="totalHouseholds" label={t.form.totalHouseholds} min={1} required />
        <AreaField form={form} name="totalArea" label={t.form.totalArea} required />
      </SimpleGrid>
      <Text size="xs" c="dimmed">{t.form.totalsHint}</Text>
    </FormDrawer>
  );
}
