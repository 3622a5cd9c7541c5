import { Center, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** Says what is missing and offers the action that fixes it. */
export function EmptyState({ title, hint, actions }: { title: string; hint?: string; actions?: ReactNode }) {
  return (
    <Center py="xl">
      <Stack align="center" gap="xs">
        <Text fw={600}>{title}</Text>
        {hint && <Text size="sm" c="dimmed" ta="center" maw={420}>{hint}</Text>}
        {actions}
      </Stack>
    </Center>
  );
}
