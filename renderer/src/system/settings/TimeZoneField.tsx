import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { DEFAULT_TIME_ZONE } from '../../../../main/api/common/calendar';
import { TimeZoneInput, timeZones } from '../../../../main/api/system/contract';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/queries';
import { followCore } from '../../app/clock';
import { options, SelectField } from '../../components/fields';
import { useZodForm } from '../../components/useZodForm';
import { zh } from '../../i18n/zh-CN';

const t = zh.settings;

/** Which calendar day is "today" for deadlines, 不能晚于今天 and the quarter: the installation's, not the machine's. */
export function TimeZoneField({ timeZone }: { timeZone: string | undefined }) {
  const form = useZodForm(TimeZoneInput, { timeZone: timeZone ?? DEFAULT_TIME_ZONE });
  const change = useApiMutation('system.setTimeZone');
  const save = form.submit(async (input) => {
    await change.mutateAsync(input);
    followCore(await api.system.getClock({})); // the window's "today" moves with it at once
    notifications.show({ color: 'green', message: zh.common.saved });
  });
  return (
    <form noValidate onSubmit={(e) => (e.preventDefault(), void save())}>
      <Stack gap={4}>
        <Group align="flex-end" gap="xs">
          <SelectField form={form} name="timeZone" label={t.timeZone} data={options(timeZones)} />
          <Button type="submit" variant="light" disabled={!form.dirty} loading={form.submitting}>{zh.common.save}</Button>
        </Group>
        <Text size="xs" c="dimmed">{t.timeZoneHint}</Text>
      </Stack>
    </form>
  );
}
