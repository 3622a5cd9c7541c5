import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useApiMutation } from '../api/queries';
import { zh } from '../i18n/zh-CN';

/**
 * A masked number with "查看完整": the full value is fetched on request, and the server logs that it was seen.
 * `channel` names the register holding the record (the member register by default; the volunteer register).
 */
export function RevealValue({ memberId, field, masked, channel = 'party.revealMember' }: {
  memberId: string;
  field: 'idNumber' | 'phone';
  masked: string;
  channel?: 'party.revealMember' | 'volunteer.revealVolunteer';
}) {
  const reveal = useApiMutation(channel);
  const [full, setFull] = useState<string | null>(null);
  if (!masked) return null;
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" span style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={`${field}-value`}>{full ?? masked}</Text>
      {full === null ? (
        <Button
          size="compact-xs"
          variant="subtle"
          loading={reveal.isPending}
          onClick={() => reveal.mutate({ id: memberId, field }, { onSuccess: (r) => setFull(r.value) })}
        >
          {zh.common.reveal}
        </Button>
      ) : (
        <Text size="xs" c="dimmed" span>{zh.common.revealed}</Text>
      )}
    </Group>
  );
}
