import { Box, Loader, Table, Text } from '@mantine/core';
import { useApiQuery } from '../../api/queries';
import { fmtTimestamp } from '../../components/format';
import { pj } from '../../i18n/property-meetings';

const h = pj.history;

/** A resolution's 延期记录, oldest first: each deadline it had, the one that replaced it, why, who and when. */
export function ExtensionHistory({ resolutionId }: { resolutionId: string }) {
  const detail = useApiQuery('property.getResolution', { id: resolutionId });
  if (detail.isPending) return <Loader size="xs" />;
  if (detail.isError) return <Text size="xs" c="red">{detail.error.message}</Text>;
  return (
    <Box>
      <Text size="xs" fw={600} c="dimmed">{h.title}</Text>
      <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing={6} fz="xs" style={{ fontVariantNumeric: 'tabular-nums' }} aria-label={h.title} data-testid="extension-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{h.oldDueOn}</Table.Th>
            <Table.Th>{h.newDueOn}</Table.Th>
            <Table.Th>{h.reason}</Table.Th>
            <Table.Th>{h.operator}</Table.Th>
            <Table.Th>{h.at}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {detail.data.extensions.map((x) => (
            <Table.Tr key={`${x.createdAt}-${x.newDueOn}`}>
              <Table.Td>{x.oldDueOn}</Table.Td>
              <Table.Td>{x.newDueOn}</Table.Td>
              <Table.Td>{x.reason}</Table.Td>
              <Table.Td>{x.operator}</Table.Td>
              <Table.Td>{fmtTimestamp(x.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
