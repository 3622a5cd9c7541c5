import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { LockMinutesInput } from '../../../../main/api/system/schemas';
import { useApiMutation } from '../../api/queries';
import { NumberField } from '../../components/fields';
import { useZodForm } from '../../components/useZodForm';
import { accountsText } from '../../i18n/accounts';
import { zh } from '../../i18n/zh-CN';

const t = accountsText.lock;

/** Minutes without activity before the screen locks (administrators; default 10). */
export function LockMinutesField({ minutes }: { minutes: number }) {
  const form = useZodForm(LockMinutesInput, { minutes });
  const change = useApiMutation('system.setLockMinutes');
  const save = form.submit(async (input) => {
    await change.mutateAsync(input);
    notifications.show({ color: 'green', message: zh.common.saved });
  });
  return (
    <form noValidate onSubmit={(e) => (e.preventDefault(), void save())}>
      <Stack gap={4}>
        <Group align="flex-end" gap="xs">
          <NumberField form={form} name="minutes" label={`${t.minutes}（${t.unit}）`} min={1} max={240} />
          <Button type="submit" variant="light" disabled={!form.dirty} loading={form.submitting}>{zh.common.save}</Button>
        </Group>
        <Text size="xs" c="dimmed">{t.minutesHint}</Text>
      </Stack>
    </form>
  );
}
