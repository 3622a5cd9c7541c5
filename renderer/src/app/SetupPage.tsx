import { Alert, Button, Center, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { levelAbove, levelBelow, SetupInput, unitLevels } from '../../../main/api/system/contract';
import { useApiMutation } from '../api/queries';
import { PasswordField, TextField } from '../components/fields';
import { useZodForm } from '../components/useZodForm';
import { accountsText } from '../i18n/accounts';
import { zh } from '../i18n/zh-CN';
import { signedIn } from './session';

const LEVELS = ['community', 'street', 'district'] as const;

/** First start: which unit's registers this installation keeps, and its administrator (signed in at once). */
export function SetupPage() {
  const form = useZodForm(SetupInput, { unitLevel: 'community', unitName: '', unitCode: '', parentName: '', parentCode: '', operator: '', password: '', confirm: '' });
  const setup = useApiMutation('system.setup');
  const upper = levelAbove[form.values.unitLevel as keyof typeof levelAbove];
  const above = upper && unitLevels[upper];
  const save = form.submit(async (input) => {
    const { session } = await setup.mutateAsync(input);
    signedIn(session.token);
  });
  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder p="xl" w={480} component="main">
        <form noValidate onSubmit={(e) => (e.preventDefault(), void save())}>
          <Stack gap="md">
            <Title order={3}>{zh.setup.title}</Title>
            <Text size="sm" c="dimmed">{zh.setup.intro}</Text>
            <Stack gap={4}>
              <Text size="sm" fw={500}>{zh.setup.unitLevel}</Text>
              <SegmentedControl
                value={String(form.values.unitLevel)}
                onChange={(v) => form.set('unitLevel', v)}
                data={LEVELS.map((l) => ({ value: l, label: zh.setup.level(unitLevels[l], levelBelow[l] && unitLevels[levelBelow[l]]) }))}
              />
            </Stack>
            <TextField form={form} name="unitName" label={zh.setup.unitName} description={zh.setup.unitNameHint} required autoFocus />
            <TextField form={form} name="unitCode" label={zh.setup.unitCode} description={zh.setup.unitCodeHint} required />
            {above && (
              <>
                <TextField form={form} name="parentName" label={zh.setup.parentName(above)} description={zh.setup.parentNameHint(above)} />
                <TextField form={form} name="parentCode" label={zh.setup.parentCode(above)} description={zh.setup.parentCodeHint(above)} />
              </>
            )}
            <TextField form={form} name="operator" label={accountsText.setup.admin} description={accountsText.setup.adminHint} required />
            <PasswordField form={form} name="password" label={accountsText.setup.password} description={accountsText.setup.passwordHint} autoComplete="new-password" required />
            <PasswordField form={form} name="confirm" label={accountsText.setup.confirm} autoComplete="new-password" required />
            <Alert color="yellow" p="xs"><Text size="sm">{accountsText.setup.encrypted}</Text></Alert>
            <Button type="submit" loading={form.submitting}>{zh.setup.submit}</Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
