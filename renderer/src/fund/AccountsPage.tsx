import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useApiQuery, useRole } from '../api/queries';
import { usePerBuilding } from './common/usePerBuilding';
import { href, setParams, useRoute } from '../app/router';
import { EmptyState } from '../components/EmptyState';
import { fmtMoney } from '../components/format';
import { fund } from '../i18n/fund';
import { AccountForm } from './accounts/AccountForm';
import { CloseAccountModal } from './accounts/CloseAccountModal';
import { SignatoryPanel } from './accounts/SignatoryPanel';

const a = fund.accounts;
const c = a.columns;

/** 基金账户: one per estate, with its balances; the chosen one's signatories below it. */
export function AccountsPage() {
  const route = useRoute();
  const accounts = useApiQuery('fund.listAccounts', {});
  const [opening, setOpening] = useState(false);
  const admin = useRole() === 'admin';
  const perBuilding = usePerBuilding();
  const rows = accounts.data ?? [];
  const [closing, setClosing] = useState<(typeof rows)[number] | null>(null);
  const selected = rows.find((x) => x.id === route.params.get('account')) ?? (rows.length === 1 ? rows[0] : undefined);
  const select = (id: string) => setParams(route, { account: id });
  const openButton = <Button leftSection={<IconPlus size={16} />} onClick={() => setOpening(true)}>{a.open}</Button>;

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" align="baseline">
          <Title order={3}>{a.title}</Title>
          {accounts.data && <Text size="sm" c="dimmed">{a.count(rows.length)}</Text>}
        </Group>
        {openButton}
      </Group>
      <Text size="sm" c="dimmed" maw={900}>{a.intro(perBuilding)}</Text>
      <Paper withBorder>
        {accounts.data && rows.length === 0 ? (
          <EmptyState title={a.empty} hint={a.emptyHint} actions={openButton} />
        ) : (
          <Table fz="sm" verticalSpacing={6} highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{c.estate}</Table.Th>
                <Table.Th>{c.community}</Table.Th>
                <Table.Th>{c.name}</Table.Th>
                <Table.Th>{c.openedOn}</Table.Th>
                <Table.Th className="num">{c.opening}</Table.Th>
                <Table.Th className="num">{c.balance}</Table.Th>
                <Table.Th className="num">{c.available}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((x) => (
                <Table.Tr key={x.id} onClick={() => select(x.id)} style={{ cursor: 'pointer' }} aria-selected={x.id === selected?.id}
                  bg={x.id === selected?.id ? 'var(--mantine-primary-color-light)' : undefined}>
                  <Table.Td>{x.estateName}{x.buildingName && ` ${x.buildingName}`}</Table.Td>
                  <Table.Td>{x.communityName}</Table.Td>
                  <Table.Td>{x.name}{x.status === 'closed' && <Badge ml={6} size="sm" color="gray" variant="light">{a.closedBadge}</Badge>}</Table.Td>
                  <Table.Td>{x.openedOn}</Table.Td>
                  <Table.Td className="num">{fmtMoney(x.openingBalance)}</Table.Td>
                  <Table.Td className="num" fw={600}>{fmtMoney(x.balance)}</Table.Td>
                  <Table.Td className="num">{fmtMoney(x.available)}</Table.Td>
                  <Table.Td ta="right">
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Anchor size="sm" href={href('/fund/journal', { account: x.id })} onClick={(e) => e.stopPropagation()}>{a.journal}</Anchor>
                      {admin && x.status === 'active' && (
                        <Button size="compact-xs" variant="subtle" color="gray" aria-label={`${a.close} ${x.name}`}
                          onClick={(e) => (e.stopPropagation(), setClosing(x))}>{a.close}</Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      {selected && <SignatoryPanel account={selected} />}
      {closing && <CloseAccountModal account={closing} onClose={() => setClosing(null)} />}
      {opening && <AccountForm onClose={() => setOpening(false)} onOpened={(x) => (setOpening(false), select(x.id))} />}
    </Stack>
  );
}
