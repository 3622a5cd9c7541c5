import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ParentUnitInput } from '../../../../main/api/system/contract';
import { useApiMutation } from '../../api/queries';
import { TextField } from '../../components/fields';
import { useZodForm } from '../../components/useZodForm';
import { zh } from '../../i18n/zh-CN';

const t = zh.settings;

/** A community's street (a street's district), named in its data packages: the level above takes only its own units' packages. */
export function ParentUnitCard({ level, above, parentName, parentCode }: { level: string; above: string; parentName: string | null; parentCode: string | null }) {
  const form = useZodForm(ParentUnitInput, { parentName: parentName ?? '', parentCode: parentCode ?? '' });
  const change = useApiMutation('system.setParentUnit');
  const save = form.submit(async (input) => {
    await change.mutateAsync(input);
    notifications.show({ color: 'green', message: zh.common.saved });
  });
  return (
    <Card withBorder>
      <form noValidate onSubmit={(e) => (e.preventDefault(), void save())}>
        <Stack gap="sm">
          <Title order={5}>{zh.setup.parentName(above)}</Title>
          <Text size="sm" c="dimmed">{t.parentIntro(level, above)}</Text>
          <Group align="flex-start" grow>
            <TextField form={form} name="parentName" label={zh.setup.parentName(above)} />
            <TextField form={form} name="parentCode" label={zh.setup.parentCode(above)} />
          </Group>
          <Group justify="flex-end">
            <Button type="submit" disabled={!form.dirty} loading={form.submitting}>{t.saveParent(above)}</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
