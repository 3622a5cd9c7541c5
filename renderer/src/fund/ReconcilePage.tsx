import { Alert, Badge, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useState } from 'react';
import { useApiQuery } from '../api/queries';
import { today } from '../app/clock';
import { EmptyState } from '../components/EmptyState';
import { fundReconcile } from '../i18n/fund-reconcile';
import { AccountSelect } from './common/AccountSelect';
import { useRouteAccount } from './common/useRouteAccount';
import { isMonth, lastMonth } from './common/months';
import { ReconcileForm } from './reconcile/ReconcileForm';
import { ReconcileHistory } from './reconcile/ReconcileHistory';

const r = fundReconcile;

/** 银行对账 (`/fund/reconcile?account=&month=`): one account's month against its bank statement; last month by default. */
export function ReconcilePage() {
  const { route, set, accounts, accountId } = useRouteAccount();
  const p = route.params;
  const month = p.get('month') ?? lastMonth(today());
  // As the core decides: a month can be reconciled once it is over.
  const ended = isMonth(month) && month < today().slice(0, 7);
  const [history, setHistory] = useState(false);
  const listed = accounts.data?.find((a) => a.id === accountId);
  const view = useApiQuery('fund.getReconciliation', { accountId: accountId ?? '', month }, { enabled: !!accountId && ended });
  const detail = useApiQuery('fund.getAccount', { id: accountId ?? '' }, { enabled: !!accountId });
  const status = view.data?.saved?.reconciliation.status;

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" align="end" wrap="nowrap">
          <Title order={3}>{r.title}</Title>
          <AccountSelect value={accountId} onChange={(id) => set({ account: id })} />
          <TextInput type="month" aria-label={r.month} value={month} max={lastMonth(today())} w={170} onChange={(e) => set({ month: e.currentTarget.value || null })} />
          {view.data && <Badge variant="light" color={status === 'confirmed' ? 'green' : status ? 'orange' : 'gray'}>{r.status[status ?? 'none']}</Badge>}
        </Group>
        {listed && <Button variant="default" leftSection={<IconHistory size={16} />} onClick={() => setHistory(true)}>{r.history}</Button>}
      </Group>
      <Text size="sm" c="dimmed">{r.intro}</Text>
      {!accountId && <EmptyState title={r.pickAccount} hint={r.pickHint} />}
      {accountId && !ended && <Alert color="orange" variant="light">{r.notEnded}</Alert>}
      {accountId && view.error && <Alert color="red" variant="light">{view.error.message}</Alert>}
      {accountId && view.data && detail.data && (
        <ReconcileForm key={`${accountId}:${month}:${view.data.saved?.reconciliation.id ?? ''}`} accountId={accountId} view={view.data} signers={detail.data.signatories} />
      )}
      {history && listed && <ReconcileHistory account={listed} onOpen={(m) => (set({ month: m }), setHistory(false))} onClose={() => setHistory(false)} />}
    </Stack>
  );
}
