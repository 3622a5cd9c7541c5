import { Badge, Box, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconDoorExit } from '@tabler/icons-react';
import { replaceOnEdit } from '../../components/replaceOnEdit';
import { pm } from '../../i18n/party-meetings';
import { ElapsedClock } from './ElapsedClock';
import { SaveStatus } from './SaveStatus';
import type { SaveState } from './saveQueue';

/** Who meets, about what, for how long, and whether it is all saved: one row, always in view. */
export function ModeHeader(props: {
  unitName: string;
  /** The unit with its parent, for the tooltip: the header has room for the unit's own name only. */
  unitTitle?: string;
  typeLabel: string;
  topic: string;
  topicError?: string;
  /** The topic is still the one filled in for type and date: typing replaces it. */
  topicIsDefault: boolean;
  onTopic: (topic: string) => void;
  heldOn: string;
  startTime: string | null | undefined;
  state: SaveState;
  onRetry: () => void;
  onEnd: () => void;
}) {
  return (
    <Group component="header" px="md" py="sm" gap="md" wrap="nowrap" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      <Stack gap={2} miw={0} maw={260}>
        <Badge size="lg" radius="sm">{props.typeLabel}</Badge>
        <Text fw={600} truncate title={props.unitTitle ?? props.unitName}>{props.unitName}</Text>
      </Stack>
      <Box style={{ flex: 1, minWidth: 0 }}>
        <TextInput
          size="md"
          aria-label={pm.mode.topic}
          value={props.topic}
          error={props.topicError}
          maxLength={200}
          onChange={(e) => props.onTopic(e.currentTarget.value)}
          {...replaceOnEdit(props.topicIsDefault)}
          styles={{ input: { fontSize: 24, fontWeight: 600, height: 52 } }}
        />
      </Box>
      <ElapsedClock heldOn={props.heldOn} startTime={props.startTime} />
      <SaveStatus state={props.state} onRetry={props.onRetry} />
      <Button size="md" variant="default" leftSection={<IconDoorExit size={20} />} onClick={props.onEnd}>{pm.mode.end}</Button>
    </Group>
  );
}
