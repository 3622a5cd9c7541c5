import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { fmtTimestamp } from '../../components/format';
import { sub } from '../../i18n/submission';

const c = sub.conflicts;

/** Records corrected here and changed at the source too: never overwritten silently, the user decides each. */
export function ConflictsCard() {
  const conflicts = useApiQuery('submission.listConflicts', { status: 'pending' });
  const resolve = useApiMutation('submission.resolveConflict');
  if (!conflicts.data?.length) return null;
  return (
    <Stack gap="sm" data-testid="conflicts">
      <Title order={4}>{c.title}</Title>
      <Text size="sm" c="dimmed">{c.intro}</Text>
      {conflicts.data.map((x) => (
        <Paper key={x.id} withBorder p="sm">
          <Stack gap="xs">
            <Group justify="space-between">
              <Group gap="xs">
                <Badge variant="light" radius="sm">{x.unitName}</Badge>
                <Text size="sm" fw={600}>{x.tableTitle}：{x.recordLabel}</Text>
                <Text size="xs" c="dimmed">{fmtTimestamp(x.detectedAt)}</Text>
              </Group>
              <Group gap="xs">
                <Button size="xs" variant="default" loading={resolve.isPending} onClick={() => resolve.mutate({ id: x.id, keep: 'mine' })}>{c.keepMine}</Button>
                <Button size="xs" loading={resolve.isPending} onClick={() => resolve.mutate({ id: x.id, keep: 'theirs' })}>{c.takeTheirs}</Button>
              </Group>
            </Group>
            {x.removedAtSource && <Text size="sm" c="orange.8">{c.removedAtSource}</Text>}
            <Table fz="sm" withTableBorder verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr><Table.Th w={120}>{c.field}</Table.Th><Table.Th>{c.mine}</Table.Th><Table.Th>{c.theirs}</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {x.differences.map((d) => (
                  <Table.Tr key={d.field}><Table.Td>{d.label}</Table.Td><Table.Td>{d.mine}</Table.Td><Table.Td>{d.theirs}</Table.Td></Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
