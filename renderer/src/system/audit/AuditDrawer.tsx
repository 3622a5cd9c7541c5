import { Badge, Drawer, Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { fmtTimestamp } from '../../components/format';
import { zh } from '../../i18n/zh-CN';
import { actionLabel, auditFields, auditSummary, entityLabel, moduleLabel, type AuditRow } from './auditText';

const a = zh.audit;

/** One entry in full: who, when, what, and each field before and after, the changed ones marked. */
export function AuditDrawer({ row, onClose }: { row: AuditRow; onClose: () => void }) {
  const fields = auditFields(row);
  const cell = (v: string | null) => (v === null ? <Text size="sm" c="dimmed">—</Text> : <Text size="sm" style={{ wordBreak: 'break-all' }}>{v}</Text>);
  return (
    <Drawer opened onClose={onClose} position="right" size={560} title={<Text fw={700}>{a.detailTitle}</Text>} closeButtonProps={{ 'aria-label': zh.common.close }}>
      <Stack gap="sm">
        <Group gap="xs">
          <Badge variant="light">{actionLabel(row.action)}</Badge>
          <Text size="sm">{[moduleLabel(row.entity), entityLabel(row.entity)].filter(Boolean).join(' · ')}</Text>
        </Group>
        <Text size="sm">{`${fmtTimestamp(row.at)} · ${row.operator}`}</Text>
        {auditSummary(row) && <Text size="sm">{auditSummary(row)}</Text>}
        <Text size="xs" c="dimmed">{`${a.entityId}：${row.entityId ?? '—'} · ${a.seq}：${row.seq.toLocaleString('zh-CN')}`}</Text>
        <ScrollArea.Autosize mah="calc(100vh - 220px)">
          <Table withTableBorder withColumnBorders layout="fixed" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={130}>{a.field}</Table.Th>
                <Table.Th>{a.before}</Table.Th>
                <Table.Th>{a.after}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.map((f) => (
                <Table.Tr key={f.key} data-changed={f.changed || undefined} bg={f.changed ? 'yellow.0' : undefined}>
                  <Table.Td title={f.key}><Text size="sm">{f.label}</Text></Table.Td>
                  <Table.Td>{cell(f.before)}</Table.Td>
                  <Table.Td>{cell(f.after)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      </Stack>
    </Drawer>
  );
}
