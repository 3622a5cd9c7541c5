import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { formatFen } from '../../../main/api/common/money';
import { useApiQuery } from '../api/queries';
import { EmptyState } from '../components/EmptyState';
import { fundApplications } from '../i18n/fund-applications';
import { ApplicationForm } from './applications/ApplicationForm';
import { ApplicationPanel } from './applications/ApplicationPanel';
import type { Application } from './applications/types';
import { StatusBadge, todoWords } from './applications/words';
import { AccountSelect } from './common/AccountSelect';
import { useRouteAccount } from './common/useRouteAccount';

const t = fundApplications;

function ApplicationList({ rows, chosen, onChoose }: { rows: Application[]; chosen: string | null; onChoose: (id: string) => void }) {
  const k = t.columns;
  return (
    <Table fz="sm" verticalSpacing={6} highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{k.title}</Table.Th><Table.Th className="num">{k.budget}</Table.Th><Table.Th>{k.vote}</Table.Th><Table.Th>{k.status}</Table.Th>
          <Table.Th className="num">{k.paid}</Table.Th><Table.Th>{k.todo}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((a) => (
          <Table.Tr key={a.id} onClick={() => onChoose(a.id)} style={{ cursor: 'pointer' }} bg={a.id === chosen ? 'var(--mantine-color-blue-light)' : undefined}>
            <Table.Td><Button variant="subtle" size="compact-sm" onClick={() => onChoose(a.id)}>{a.title}</Button></Table.Td>
            <Table.Td className="num">{formatFen(a.budget)}</Table.Td>
            <Table.Td>{a.verdict ? (a.verdict.passed ? t.vote.passed : t.vote.failed) : t.vote.notYet}</Table.Td>
            <Table.Td><StatusBadge status={a.status} /></Table.Td>
            <Table.Td className="num">{formatFen(a.paid)}</Table.Td>
            <Table.Td><Text size="sm" c={a.warnings.length ? 'red' : 'orange.8'}>{a.warnings[0] ?? todoWords(a)}</Text></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** 维修资金使用申请: an account's applications, one's procedure from the vote to the result notice, and its payments. */
export function ApplicationsPage() {
  const { route, set, accountId } = useRouteAccount();
  const list = useApiQuery('fund.listApplications', { accountId: accountId ?? '' }, { enabled: !!accountId });
  const chosen = route.params.get('application') ?? (list.data?.length === 1 ? list.data[0]!.id : null);
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>{t.title}</Title>
        {accountId && <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>{t.create}</Button>}
      </Group>
      <Text size="sm" c="dimmed" maw={900}>{t.intro}</Text>
      <AccountSelect value={accountId} onChange={(id) => set({ account: id, application: null })} />
      {!accountId ? <EmptyState title={t.pickAccount} /> : list.data?.length === 0 ? <EmptyState title={t.empty} /> : (
        <Paper withBorder><ApplicationList rows={list.data ?? []} chosen={chosen} onChoose={(id) => set({ application: id })} /></Paper>
      )}
      {chosen && <ApplicationPanel key={chosen} applicationId={chosen} />}
      {creating && accountId && (
        <ApplicationForm accountId={accountId} onClose={() => setCreating(false)} onMade={(id) => { setCreating(false); set({ application: id }); }} />
      )}
    </Stack>
  );
}
