import { Drawer, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useApiQuery } from '../../api/queries';
import { EmptyState } from '../../components/EmptyState';
import { fmtMoney } from '../../components/format';
import { fund } from '../../i18n/fund';
import { zh } from '../../i18n/zh-CN';
import type { AccountListRow } from '../types';

const h = fund.disclosures;

/** Only the digits in a fixed-width face: monospace fonts have no Chinese glyphs. */
const Mono = ({ children }: { children: string }) => <Text span size="xs" ff="monospace">{children}</Text>;

/** An account's disclosures, the latest first, each with the heads and checksum it recorded; append-only. */
export function DisclosureHistory({ account, onClose }: { account: AccountListRow; onClose: () => void }) {
  const list = useApiQuery('fund.listDisclosures', { accountId: account.id });
  const c = h.columns;
  return (
    <Drawer opened onClose={onClose} position="right" size={980} title={<Text fw={600}>{h.title(account.name)}</Text>}
      closeButtonProps={{ 'aria-label': zh.common.close }}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">{h.intro}</Text>
        <Text size="sm" c={account.disclosure.overdue ? 'red' : undefined} fw={600}>{h.due(account.disclosure.dueBy, account.disclosure.overdue)}</Text>
        {list.data?.length === 0 ? <EmptyState title={h.empty} hint={h.emptyHint} /> : (
          <ScrollArea>
            <Table fz="sm" verticalSpacing={6} aria-label={fund.disclose.history}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{c.period}</Table.Th>
                  <Table.Th>{c.notice}</Table.Th>
                  <Table.Th>{c.madeOn}</Table.Th>
                  <Table.Th className="num">{c.closing}</Table.Th>
                  <Table.Th>{c.head}</Table.Th>
                  <Table.Th>{c.file}</Table.Th>
                  <Table.Th>{c.operator}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(list.data ?? []).map((x) => (
                  <Table.Tr key={x.id}>
                    <Table.Td>{h.range(x.periodFrom, x.periodTo)}</Table.Td>
                    <Table.Td>{h.range(x.noticeFrom, x.noticeTo)}</Table.Td>
                    <Table.Td>{x.madeOn}</Table.Td>
                    <Table.Td className="num">{fmtMoney(x.closing)}</Table.Td>
                    <Table.Td>{x.headSeq === 0 ? h.noHead : <>{h.head(x.headSeq)}<Mono>{x.headHash.slice(0, 16)}</Mono></>}</Table.Td>
                    <Table.Td title={x.fileSha256}><Mono>{x.fileSha256.slice(0, 16)}</Mono></Table.Td>
                    <Table.Td>{x.operator}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </Stack>
    </Drawer>
  );
}
