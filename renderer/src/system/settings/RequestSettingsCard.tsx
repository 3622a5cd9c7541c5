import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { handlerKinds } from '../../../../main/api/requests/labels';
import type { RequestSettings } from '../../../../main/api/requests/rules';
import { RequestSettingsInput } from '../../../../main/api/requests/schemas';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { NumberField } from '../../components/fields';
import { NumberMap } from '../../components/NumberMap';
import { useZodForm } from '../../components/useZodForm';
import { rq } from '../../i18n/requests';
import { zh } from '../../i18n/zh-CN';

const t = rq.settings;

/** 民呼必应's street-wide numbers: a grid's households, and the days each level has to handle a request. */
export function RequestSettingsCard() {
  const settings = useApiQuery('requests.getSettings', {});
  if (!settings.data) return null;
  return <SettingsForm key={JSON.stringify(settings.data)} settings={settings.data} />;
}

function SettingsForm({ settings }: { settings: RequestSettings }) {
  const form = useZodForm(RequestSettingsInput, { ...settings, deadlineDays: { ...settings.deadlineDays } });
  const update = useApiMutation('requests.updateSettings');
  const save = form.submit(async (input) => {
    await update.mutateAsync(input);
    notifications.show({ color: 'green', message: zh.common.saved });
  });
  return (
    <Card withBorder>
      <form noValidate onSubmit={(e) => (e.preventDefault(), void save())}>
        <Stack gap="sm">
          <Title order={5}>{t.title}</Title>
          <SimpleGrid cols={2}>
            <NumberField form={form} name="gridHouseholdsTarget" label={t.gridTarget} description={t.gridTargetHint} min={50} max={2000} required />
          </SimpleGrid>
          <Text size="sm" fw={600}>{t.deadlines}</Text>
          <NumberMap form={form} name="deadlineDays" labels={handlerKinds} min={1} max={90} />
          <Text size="xs" c="dimmed">{t.deadlinesHint}</Text>
          <Group justify="flex-end">
            <Button type="submit" disabled={!form.dirty} loading={form.submitting}>{t.save}</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
