import { Group, SimpleGrid, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FundSettings } from '../../../../main/api/fund/rules';
import { FundSettingsInput } from '../../../../main/api/fund/schemas';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { accountScopes } from '../../../../main/api/fund/labels';
import { NumberField, SelectField, options } from '../../components/fields';
import { SettingsCard } from './SettingsCard';
import { useZodForm } from '../../components/useZodForm';
import { fund } from '../../i18n/fund';

const t = fund.settings;

/** 电梯维保基金's street-wide settings: accounts per estate or per building, how often each account is disclosed and reconciled, and the use notices' days. */
export function FundSettingsCard() {
  const settings = useApiQuery('fund.getSettings', {});
  if (!settings.data) return null;
  return <SettingsForm key={JSON.stringify(settings.data)} settings={settings.data} />;
}

function SettingsForm({ settings }: { settings: FundSettings }) {
  const form = useZodForm(FundSettingsInput, { ...settings });
  const update = useApiMutation('fund.updateSettings');
  const save = form.submit(async (input) => {
    await update.mutateAsync(input);
    notifications.show({ color: 'green', message: t.saved });
  });
  return (
    <SettingsCard title={t.title} form={form} onSave={save} saveLabel={t.save}>
      <SimpleGrid cols={2}>
        <SelectField form={form} name="accountScope" label={t.scope} description={t.scopeHint} data={options(accountScopes)} required />
      </SimpleGrid>
      <Group align="flex-start" grow>
        <NumberField form={form} name="disclosureIntervalMonths" label={t.disclosure} description={t.disclosureHint} min={1} max={12} required />
        <NumberField form={form} name="reconciliationDueDay" label={t.reconciliation} description={t.reconciliationHint} min={1} max={28} required />
      </Group>
      <Text size="sm" fw={600}>{t.notices}</Text>
      <Group align="flex-start" grow>
        <NumberField form={form} name="planNoticeDays" label={t.planDays} description={t.planDaysHint} min={1} max={60} required />
        <NumberField form={form} name="resultNoticeDays" label={t.resultDays} description={t.resultDaysHint} min={1} max={60} required />
        <NumberField form={form} name="resultNoticeWithinDays" label={t.resultWithin} description={t.resultWithinHint} min={1} max={180} required />
      </Group>
    </SettingsCard>
  );
}
