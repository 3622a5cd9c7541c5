import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { OperatorInput } from '../../../../main/api/system/contract';
import { useApiMutation } from '../../api/queries';
import { TextField } from '../../components/fields';
import { useZodForm } from '../../components/useZodForm';
import { zh } from '../../i18n/zh-CN';

const t = zh.settings;

/** Who is entering data now: every change from here on records this name. */
export function OperatorCard({ operator }: { operator: string }) {
  const form = useZodForm(OperatorInput, { operator });
  const change = useApiMutation('system.setOperator');
  const save = form.submit(async (input) => {
    await change.mutateAsync(input);
    notifications.show({ color: 'green', message: zh.common.saved });
  });
  return (
    <Card withBorder>
      <form noValidate onSubmit={(e) => (e.preventDefault(), void save())}>
        <Stack gap="sm">
          <Title order={5}>{t.operator}</Title>
          <Text size="sm" c="dimmed">{zh.setup.operatorHint}</Text>
          <Group align="flex-start">
            <TextField form={form} name="operator" label={t.operator} required />
            <Button type="submit" mt={24} disabled={!form.dirty} loading={form.submitting}>{t.changeOperator}</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
