import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A figure with its name and, below, what it is made of. */
export function StatCard({ label, value, detail }: { label: string; value: ReactNode; detail?: ReactNode }) {
  // Three figures side by side (2,145 / 588 / 145) take a smaller size rather than a second line at 1366×768.
  const several = typeof value === 'string' && value.length > 11;
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fz={several ? 20 : 26} fw={700} lh={several ? 1.7 : 1.3} className="num" ta="left" style={{ whiteSpace: 'nowrap' }}>{value}</Text>
      {detail && <Text size="xs" c="dimmed">{detail}</Text>}
    </Paper>
  );
}

/** A titled panel of the overview. */
export function Panel({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" component="section" aria-label={title}>
      <Group justify="space-between" mb="xs">
        <Title order={4} fz="md">{title}</Title>
        {action}
      </Group>
      {children}
    </Paper>
  );
}

/** A short list of links, each one thing to act on. */
export function LinkList({ items, empty }: { items: { key: string; href: string; label: string; detail?: string }[]; empty: string }) {
  if (items.length === 0) return <Text size="sm" c="dimmed">{empty}</Text>;
  return (
    <Stack gap={4}>
      {items.map((i) => (
        <Group key={i.key} justify="space-between" wrap="nowrap" gap="sm">
          <Anchor href={i.href} size="sm" c="dark.6" underline="always" truncate>{i.label}</Anchor>
          {i.detail && <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>{i.detail}</Text>}
        </Group>
      ))}
    </Stack>
  );
}

