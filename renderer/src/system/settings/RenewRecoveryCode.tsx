import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { RenewRecoveryCodeInput } from '../../../../main/api/system/schemas';
import { useApiMutation } from '../../api/queries';
import { ActionModal } from '../../components/ActionModal';
import { PasswordField } from '../../components/fields';
import { accountsText } from '../../i18n/accounts';

const t = accountsText.renewRecoveryCode;

/**
 * 重新生成恢复码 (administrators, an encrypted installation): the code was lost, or seen by someone who should not
 * have. The password again, since the code opens all the data; the new code then fills the window (the status
 * carries it, main/api/system/contract.ts) until 已抄写, and the old one no longer opens anything.
 */
export function RenewRecoveryCode() {
  const [asking, setAsking] = useState(false);
  const renew = useApiMutation('system.renewRecoveryCode', { quiet: true });
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="xs" c="dimmed">{t.hint}</Text>
      <Button size="xs" variant="light" onClick={() => setAsking(true)} style={{ flexShrink: 0 }}>{t.button}</Button>
      {asking && (
        <ActionModal
          title={t.title}
          intro={t.intro}
          schema={RenewRecoveryCodeInput}
          initial={{ password: '' }}
          fields={(form) => <PasswordField form={form} name="password" label={t.password} required autoFocus />}
          confirmLabel={t.confirm}
          danger
          onSubmit={(input) => renew.mutateAsync(input)}
          onClose={() => setAsking(false)}
        />
      )}
    </Group>
  );
}
