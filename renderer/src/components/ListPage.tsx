import { Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A register page: title with its count and actions, an optional filter row, the table filling the rest. */
export function ListPage(props: { title: string; count?: string | null; actions?: ReactNode; filters?: ReactNode; children: ReactNode }) {
  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" align="baseline">
          <Title order={3}>{props.title}</Title>
          {props.count && <Text size="sm" c="dimmed">{props.count}</Text>}
        </Group>
        {props.actions && <Group gap="xs">{props.actions}</Group>}
      </Group>
      {props.filters && <Group gap="xs">{props.filters}</Group>}
      <Paper withBorder style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
        <Box style={{ flex: 1, minHeight: 0 }}>{props.children}</Box>
      </Paper>
    </Stack>
  );
}
