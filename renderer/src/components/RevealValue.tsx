import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { z } from 'zod';
import { revealReason } from '../../../main/api/common/fields';
import { mayDo } from '../../../main/api/common/roles';
import { useApiMutation, useRole } from '../api/queries';
import { zh } from '../i18n/zh-CN';
import { ActionModal } from './ActionModal';
import { TextField } from './fields';

const RevealReason = z.object({ reason: revealReason() });

/**
 * A masked number with "查看完整": the full value is fetched on request, with the reason typed, and the server logs
 * both. Only accounts that may see full numbers (审核人, 管理员) are offered the button; the core refuses the others
 * anyway. `channel` names the register holding the record (the member register by default; the volunteer register,
 * 重点关爱户, a request's reporter), `field` the value as that channel names it.
 */
export function RevealValue({ recordId, field, masked, channel = 'party.revealMember' }: {
  recordId: string;
  field: string;
  masked: string;
  channel?: 'party.revealMember' | 'volunteer.revealVolunteer' | 'requests.revealCare' | 'requests.revealReporter';
}) {
  const reveal = useApiMutation(channel, { quiet: true });
  // The channel's own schema checks the field; the modal asks only for the reason, with the same rule.
  const ask = (reason: string) => (reveal.mutateAsync as (i: { id: string; field: string; reason: string }) => Promise<{ value: string }>)({ id: recordId, field, reason });
  const role = useRole();
  const [full, setFull] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  if (!masked) return null;
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" span style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={`${field}-value`}>{full ?? masked}</Text>
      {full === null ? (
        role && mayDo(role, 'review') && (
          <Button size="compact-xs" variant="subtle" onClick={() => setAsking(true)}>{zh.common.reveal}</Button>
        )
      ) : (
        <Text size="xs" c="dimmed" span>{zh.common.revealed}</Text>
      )}
      {asking && (
        <ActionModal
          title={zh.common.reveal}
          intro={zh.common.revealWhy}
          schema={RevealReason}
          initial={{ reason: '' }}
          fields={(form) => <TextField form={form} name="reason" label={zh.common.revealReason} required autoFocus />}
          confirmLabel={zh.common.reveal}
          onSubmit={async ({ reason }) => setFull((await ask(reason)).value)}
          onClose={() => setAsking(false)}
        />
      )}
    </Group>
  );
}
