import { Stack, Text } from '@mantine/core';
import { useApiQuery } from '../api/queries';
import { PhaseProgress } from '../components/PhaseProgress';
import { accountsText as t } from '../i18n/accounts';

/**
 * While a sign-in is under way (`active`): if it is the one that encrypts a plain installation (the first
 * administrator's after the upgrade, main/encrypt-installation.ts), the core's phase, asked every half second —
 * the core answers it beside the sign-in, which holds the data alone. Nothing shows for an ordinary sign-in.
 */
export function EncryptionProgress({ active }: { active: boolean }) {
  const p = useApiQuery('system.getEncryptionProgress', {}, { enabled: active, refetchInterval: active ? 500 : false, staleTime: 0 }).data;
  if (!active || !p || p.done) return null;
  return (
    <Stack gap={4} role="status">
      <Text size="sm">{t.encrypting}</Text>
      <PhaseProgress p={p} waiting={t.encrypting} testId="encryption-progress" />
    </Stack>
  );
}
