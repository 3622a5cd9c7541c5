import { Badge, Button, Paper, Table, Text } from '@mantine/core';
import type { ApiOutput } from '../../api/types';
import { fmtTimestamp } from '../../components/format';
import { EmptyState } from '../../components/EmptyState';
import { sub } from '../../i18n/submission';

const c = sub.import.columns;

/** A key's fingerprint in two lines of four groups, as the 上报汇总表 prints it in one. */
export function Fingerprint({ value }: { value: string | null }) {
  if (!value) return <Text size="xs" c="dimmed">—</Text>;
  const groups = value.split(' ');
  return (
    <Text size="xs" ff="monospace" lh={1.3} title={value} data-testid="fingerprint">
      {groups.slice(0, 4).join(' ')}<br />{groups.slice(4).join(' ')}
    </Text>
  );
}
type Unit = ApiOutput<'submission.listUnits'>[number];

/**
 * The units consolidated here: where each copy came from, how recent it is, and what it holds; at a district, the
 * street each community came with (所属街道).
 */
export function UnitsTable({ below, units, onView }: { below: string; units: Unit[]; onView: (u: Unit) => void }) {
  if (units.length === 0) return <EmptyState title={sub.import.unitsEmpty(below)} hint={sub.import.unitsEmptyHint(below)} />;
  const parents = units.some((u) => u.parentName);
  return (
    <Paper withBorder>
      <Table striped verticalSpacing={6} fz="sm" data-testid="consolidated-units">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{c.unit}</Table.Th>
            <Table.Th>{c.code}</Table.Th>
            {parents && <Table.Th>{sub.import.parent(below)}</Table.Th>}
            <Table.Th>{c.fingerprint}</Table.Th>
            <Table.Th>{c.period}</Table.Th>
            <Table.Th>{c.importedAt}</Table.Th>
            <Table.Th>{c.content}</Table.Th>
            <Table.Th>{c.conflicts}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {units.map((u) => (
            <Table.Tr key={u.code} data-testid={`unit-${u.name}`}>
              <Table.Td><Text size="sm" fw={600}>{u.name}</Text></Table.Td>
              <Table.Td>{u.code}</Table.Td>
              {parents && <Table.Td>{u.parentName ?? ''}</Table.Td>}
              <Table.Td><Fingerprint value={u.fingerprint} /></Table.Td>
              <Table.Td>{u.period}</Table.Td>
              <Table.Td>{fmtTimestamp(u.importedAt)}</Table.Td>
              <Table.Td>
                <Text size="sm">{u.tables.map((t) => `${t.title} ${(t.rows - t.removed).toLocaleString('zh-CN')}`).join(' · ')}</Text>
              </Table.Td>
              <Table.Td>{u.pendingConflicts > 0 && <Badge color="orange" radius="sm">{u.pendingConflicts}</Badge>}</Table.Td>
              <Table.Td ta="right"><Button size="xs" variant="default" onClick={() => onView(u)}>{sub.import.view}</Button></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
