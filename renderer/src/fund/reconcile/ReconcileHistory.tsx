import { Drawer, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { sides } from '../../../../main/api/fund/labels';
import { useApiQuery } from '../../api/queries';
import { EmptyState } from '../../components/EmptyState';
import { fmtMoney } from '../../components/format';
import { fundReconcile } from '../../i18n/fund-reconcile';
import { zh } from '../../i18n/zh-CN';
import { monthWords } from '../common/months';
import type { AccountListRow } from '../types';

const r = fundReconcile;

/** An account's reconciliations, the latest month first, with who confirmed each; a row opens its month. */
export function ReconcileHistory({ account, onOpen, onClose }: { account: AccountListRow; onOpen: (month: string) => void; onClose: () => void }) {
  const list = useApiQuery('fund.listReconciliations', { accountId: account.id });
  const c = r.historyColumns;
  const due = account.reconciliation;
  return (
    <Drawer opened onClose={onClose} position="right" size={860} title={<Text fw={600}>{r.historyTitle(account.name)}</Text>}
      closeButtonProps={{ 'aria-label': zh.common.close }}>
      <Stack gap="sm">
        <Text size="sm" fw={600} c={due.overdue ? 'red' : undefined}>{r.due(monthWords(due.next), due.dueBy, due.overdue)}</Text>
        {list.data?.length === 0 ? <EmptyState title={r.historyEmpty} hint={r.historyHint} /> : (
          <ScrollArea>
            <Table fz="sm" verticalSpacing={6} highlightOnHover aria-label={r.history}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{c.month}</Table.Th>
                  <Table.Th className="num">{c.bank}</Table.Th>
                  <Table.Th className="num">{c.ledger}</Table.Th>
                  <Table.Th className="num">{c.difference}</Table.Th>
                  <Table.Th>{c.status}</Table.Th>
                  <Table.Th>{c.confirmed}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(list.data ?? []).map((x) => (
                  <Table.Tr key={x.reconciliation.id} style={{ cursor: 'pointer' }} onClick={() => onOpen(x.reconciliation.month)}>
                    <Table.Td>{monthWords(x.reconciliation.month)}</Table.Td>
                    <Table.Td className="num">{fmtMoney(x.figures.bankBalance)}</Table.Td>
                    <Table.Td className="num">{fmtMoney(x.figures.ledgerBalance)}</Table.Td>
                    <Table.Td className="num">{fmtMoney(x.figures.difference)}</Table.Td>
                    <Table.Td>{r.status[x.reconciliation.status]}</Table.Td>
                    <Table.Td>{x.signoffs.filter((s) => s.valid).map((s) => `${sides[s.side]} ${s.signerName}`).join('、')}</Table.Td>
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
