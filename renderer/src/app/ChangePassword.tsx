import { Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ChangePasswordInput } from '../../../main/api/system/schemas';
import { useApiMutation } from '../api/queries';
import { PasswordField } from '../components/fields';
import { useZodForm } from '../components/useZodForm';
import { accountsText as t } from '../i18n/accounts';

/** Changing one's own password: the current one, the new one twice. */
export function ChangePasswordForm({ onDone, onCancel }: { onDone: () => void; onCancel?: () => void }) {
  const form = useZodForm(ChangePasswordInput, { current: '', password: '', confirm: '' });
  const change = useApiMutation('system.changePassword');
  const save = form.submit(async (input) => {
    await change.mutateAsync(input);
    notifications.show({ color: 'green', message: t.password.changed });
    onDone();
  });
  return (
    <form noValidate onSubmit={(e) => (e.preventDefault(), void save())}>
      <Stack gap="sm">
        <PasswordField form={form} name="current" label={t.password.current} required autoFocus />
        <PasswordField form={form} name="password" label={t.password.new} description={t.password.newHint} autoComplete="new-password" required />
        <PasswordField form={form} name="confirm" label={t.password.confirm} autoComplete="new-password" required />
        <Group justify="flex-end">
          {onCancel && <Button variant="default" onClick={onCancel}>取消</Button>}
          <Button type="submit" loading={form.submitting}>{t.password.submit}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** After an administrator's reset: nothing else opens until the account has a password of its own. */
export function MustChangePasswordPage({ name }: { name: string }) {
  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder p="xl" w={420} component="main">
        <Stack gap="md">
          <Title order={3}>{t.password.mustChangeTitle}</Title>
          <Text size="sm" c="dimmed">{name} · {t.password.mustChangeIntro}</Text>
          <ChangePasswordForm onDone={() => undefined} />
        </Stack>
      </Paper>
    </Center>
  );
}
