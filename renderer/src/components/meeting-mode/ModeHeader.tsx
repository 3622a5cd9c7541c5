import { Badge, Box, Button, Group, Stack, Text } from '@mantine/core';
import { IconDoorExit } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { mm } from '../../i18n/meeting-mode';
import { ElapsedClock } from './ElapsedClock';
import { SaveStatus } from './SaveStatus';
import type { SaveState } from './saveQueue';

/**
 * Who meets, about what, for how long, and whether it is all saved: one row, always in view. The middle
 * (`children`) is the module's own: the party's topic, the joint meeting's convener and place.
 */
export function ModeHeader(props: {
  kindLabel: string;
  /** Who meets: the unit, the estate. */
  name: string;
  /** The name in full for the tooltip: the header has room for the short one only. */
  nameTitle?: string;
  children: ReactNode;
  heldOn: string;
  startTime: string | null | undefined;
  state: SaveState;
  onRetry: () => void;
  onEnd: () => void;
}) {
  return (
    <Group component="header" px="md" py="sm" gap="md" wrap="nowrap" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      <Stack gap={2} miw={0} maw={260}>
        <Badge size="lg" radius="sm">{props.kindLabel}</Badge>
        <Text fw={600} truncate title={props.nameTitle ?? props.name}>{props.name}</Text>
      </Stack>
      <Box style={{ flex: 1, minWidth: 0 }}>{props.children}</Box>
      <ElapsedClock heldOn={props.heldOn} startTime={props.startTime} />
      <SaveStatus state={props.state} onRetry={props.onRetry} />
      <Button size="md" variant="default" leftSection={<IconDoorExit size={20} />} onClick={props.onEnd}>{mm.end}</Button>
    </Group>
  );
}
