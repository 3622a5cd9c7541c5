import { SimpleGrid, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { careColours, handlerKinds } from '../../../../main/api/requests/labels';
import type { RequestSettings } from '../../../../main/api/requests/rules';
import { RequestSettingsInput } from '../../../../main/api/requests/schemas';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { NumberField } from '../../components/fields';
import { NumberMap } from '../../components/NumberMap';
import { SettingsCard } from './SettingsCard';
import { useZodForm } from '../../components/useZodForm';
import { rq } from '../../i18n/requests';
import { rc } from '../../i18n/requests-care';
import { zh } from '../../i18n/zh-CN';
import { RequestCategoriesCard } from './RequestCategoriesCard';
import { RequestTemplatesCard } from './RequestTemplatesCard';

const t = rq.settings;

/** 民呼必应's street-wide numbers: a grid's households, the days each level has to handle a request, and between visits to a 重点关爱户. */
export function RequestSettingsCard() {
  const settings = useApiQuery('requests.getSettings', {});
  if (!settings.data) return null;
  return (
    <>
      <SettingsForm key={JSON.stringify(settings.data)} settings={settings.data} />
      <RequestCategoriesCard />
      <RequestTemplatesCard />
    </>
  );
}

function SettingsForm({ settings }: { settings: RequestSettings }) {
  const form = useZodForm(RequestSettingsInput, { ...settings, deadlineDays: { ...settings.deadlineDays }, careVisitDays: { ...settings.careVisitDays } });
  const update = useApiMutation('requests.updateSettings');
  const save = form.submit(async (input) => {
    await update.mutateAsync(input);
    notifications.show({ color: 'green', message: zh.common.saved });
  });
  return (
    <SettingsCard title={t.title} form={form} onSave={save} saveLabel={t.save}>
      <SimpleGrid cols={2}>
        <NumberField form={form} name="gridHouseholdsTarget" label={t.gridTarget} description={t.gridTargetHint} min={50} max={2000} required />
      </SimpleGrid>
      <Text size="sm" fw={600}>{t.deadlines}</Text>
      <NumberMap form={form} name="deadlineDays" labels={handlerKinds} min={1} max={90} />
      <Text size="xs" c="dimmed">{t.deadlinesHint}</Text>
      <Text size="sm" fw={600}>{rc.settings.visitDays}</Text>
      <NumberMap form={form} name="careVisitDays" labels={careColours} min={1} max={365} />
      <Text size="xs" c="dimmed">{rc.settings.visitDaysHint}</Text>
    </SettingsCard>
  );
}
