import { Button, Card, Group, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { handlerKinds } from '../../../../main/api/requests/labels';
import type { RequestSettings } from '../../../../main/api/requests/rules';
import { RequestSettingsInput } from '../../../../main/api/requests/schemas';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { NumberField } from '../../components/fields';
import { useZodForm } from '../../components/useZodForm';
import { rq } from '../../i18n/requests';
import { zh } from '../../i18n/zh-CN';

const t = rq.settings;
type Level = keyof typeof handlerKinds;

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
  const days = form.values.deadlineDays as Record<Level, number | null>;
  return (
    <Card withBorder>
      <form noValidate onSubmit={(e) => (e.preventDefault(), void save())}>
        <Stack gap="sm">
          <Title order={5}>{t.title}</Title>
          <SimpleGrid cols={2}>
            <NumberField form={form} name="gridHouseholdsTarget" label={t.gridTarget} description={t.gridTargetHint} min={50} max={2000} required />
          </SimpleGrid>
          <Text size="sm" fw={600}>{t.deadlines}</Text>
          <SimpleGrid cols={5}>
            {(Object.keys(handlerKinds) as Level[]).map((k) => (
              <NumberInput key={k} label={handlerKinds[k]} min={1} max={90} allowDecimal={false} value={days[k] ?? ''}
                error={form.errors[`deadlineDays.${k}`]} onChange={(v) => form.set('deadlineDays', { ...days, [k]: typeof v === 'number' ? v : null })} />
            ))}
          </SimpleGrid>
          <Text size="xs" c="dimmed">{t.deadlinesHint}</Text>
          <Group justify="flex-end">
            <Button type="submit" disabled={!form.dirty} loading={form.submitting}>{t.save}</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
