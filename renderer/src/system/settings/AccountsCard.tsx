import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { roleLabels } from '../../../../main/api/common/roles';
import type { AccountRow } from '../../../../main/api/system/contract';
import { CreateAccountInput, ResetPasswordInput } from '../../../../main/api/system/schemas';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { ActionModal } from '../../components/ActionModal';
import { options, PasswordField, SelectField, TextField } from '../../components/fields';
import { fmtTimestamp } from '../../components/format';
import { accountsText } from '../../i18n/accounts';

const t = accountsText.accounts;

/** 账号管理 (administrators only): who may sign in, with which role; first passwords, resets, disabling. */
export function AccountsCard({ me }: { me: string }) {
  const accounts = useApiQuery('system.listAccounts', {});
  const create = useApiMutation('system.createAccount', { quiet: true });
  const reset = useApiMutation('system.resetPassword', { quiet: true });
  const disable = useApiMutation('system.setAccountDisabled');
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<AccountRow | null>(null);
  return (
    <Card withBorder component="section" aria-label={t.title}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={5}>{t.title}</Title>
          <Button size="xs" onClick={() => setAdding(true)}>{t.add}</Button>
        </Group>
        <Text size="sm" c="dimmed">{t.intro}</Text>
        <Table striped withTableBorder verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.name}</Table.Th>
              <Table.Th>{t.role}</Table.Th>
              <Table.Th>{t.status}</Table.Th>
              <Table.Th>{t.lastPassword}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(accounts.data ?? []).map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{a.name}{a.id === me && t.me}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{roleLabels[a.role]}</Table.Td>
                <Table.Td>
                  {a.disabledAt ? <Badge color="gray" size="sm" radius="sm">{t.disabled}</Badge> : <Badge color="green" variant="light" size="sm" radius="sm">{t.active}</Badge>}
                  {a.mustChangePassword && !a.disabledAt && <Badge color="orange" variant="light" size="sm" radius="sm" ml={4}>{t.mustChange}</Badge>}
                </Table.Td>
                <Table.Td>{a.passwordSetAt ? fmtTimestamp(a.passwordSetAt) : '—'}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="compact-xs" variant="subtle" onClick={() => setResetting(a)} aria-label={`${t.reset}：${a.name}`}>{t.reset}</Button>
                    {a.id !== me && (
                      <Button size="compact-xs" variant="subtle" color={a.disabledAt ? 'blue' : 'red'} loading={disable.isPending && disable.variables?.id === a.id}
                        onClick={() => disable.mutate({ id: a.id, disabled: !a.disabledAt })} aria-label={`${a.disabledAt ? t.enable : t.disable}：${a.name}`}>
                        {a.disabledAt ? t.enable : t.disable}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
      {adding && (
        <ActionModal
          title={t.add}
          intro={t.firstPasswordHint}
          schema={CreateAccountInput}
          initial={{ name: '', role: 'entry', password: '', confirm: '' }}
          fields={(form) => (
            <>
              <TextField form={form} name="name" label={t.name} required autoFocus />
              <SelectField form={form} name="role" label={t.role} data={options(roleLabels)} required />
              <PasswordField form={form} name="password" label={t.firstPassword} autoComplete="new-password" required />
              <PasswordField form={form} name="confirm" label={accountsText.password.confirm} autoComplete="new-password" required />
            </>
          )}
          confirmLabel={t.create}
          onSubmit={async (input) => {
            await create.mutateAsync(input);
            notifications.show({ color: 'green', message: t.created });
          }}
          onClose={() => setAdding(false)}
        />
      )}
      {resetting && (
        <ActionModal
          title={t.resetTitle(resetting.name)}
          intro={t.firstPasswordHint}
          schema={ResetPasswordInput}
          initial={{ id: resetting.id, password: '', confirm: '' }}
          fields={(form) => (
            <>
              <PasswordField form={form} name="password" label={accountsText.password.new} autoComplete="new-password" required autoFocus />
              <PasswordField form={form} name="confirm" label={accountsText.password.confirm} autoComplete="new-password" required />
            </>
          )}
          confirmLabel={t.reset}
          onSubmit={async (input) => {
            await reset.mutateAsync(input);
            notifications.show({ color: 'green', message: t.resetDone });
          }}
          onClose={() => setResetting(null)}
        />
      )}
    </Card>
  );
}
