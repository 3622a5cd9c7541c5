import { Center, Drawer, Loader, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { permilleText } from '../../../../main/api/common/rates';
import { periodLabel } from '../../../../main/api/property/figures';
import { useApiQuery } from '../../api/queries';
import { EmptyState } from '../../components/EmptyState';
import { fmtInt, fmtMoney, fmtTimestamp } from '../../components/format';
import { RateTrendChart } from './RateTrendChart';
import { pf } from '../../i18n/property-figures';

const t = pf.trend;


/** An estate's collection and satisfaction rates, quarter by quarter, with the figures behind them. */
export function TrendDrawer({ estateId, onClose }: { estateId: string; onClose: () => void }) {
  const trend = useApiQuery('property.getEstateTrend', { estateId });
  const d = trend.data;
  return (
    <Drawer opened onClose={onClose} position="right" size={720} title={<Text fw={600}>{d ? t.title(d.estateName) : ''}</Text>}>
      {trend.isPending ? <Center py="xl"><Loader size="sm" /></Center> : trend.isError ? <Text c="red">{trend.error.message}</Text> : !d || d.periods.length === 0 ? (
        <EmptyState title={t.empty} />
      ) : (
        <Stack gap="sm">
          <RateTrendChart title={t.chartLabel(d.estateName)} points={d.periods} />
          <ScrollArea>
            <Table fz="sm" verticalSpacing={4} withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  {Object.values(t.columns).map((c) => <Table.Th key={c} style={{ whiteSpace: 'nowrap' }}>{c}</Table.Th>)}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...d.periods].reverse().map((p) => {
                  const changed = [p.fee, p.survey].filter((r) => r !== null).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
                  return (
                    <Table.Tr key={p.period}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{periodLabel(p.period)}</Table.Td>
                      <Table.Td className="num">{permilleText(p.collectionPermille)}</Table.Td>
                      <Table.Td className="num">{p.fee ? fmtMoney(p.fee.receivableFen) : ''}</Table.Td>
                      <Table.Td className="num">{p.fee ? fmtMoney(p.fee.unpaidFen) : ''}</Table.Td>
                      <Table.Td className="num">{p.fee ? fmtMoney(p.fee.arrearsCollectedFen) : ''}</Table.Td>
                      <Table.Td className="num">{permilleText(p.satisfactionPermille)}</Table.Td>
                      <Table.Td className="num">{p.survey ? fmtInt(p.survey.reached) : ''}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{changed ? `${changed.operator} ${fmtTimestamp(changed.updatedAt)}` : ''}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Stack>
      )}
    </Drawer>
  );
}
