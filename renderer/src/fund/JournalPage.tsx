import { Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconHistory, IconMinus, IconPlus, IconSpeakerphone } from '@tabler/icons-react';
import { useState } from 'react';
import { useApiQuery } from '../api/queries';
import { EmptyState } from '../components/EmptyState';
import { VirtualTable } from '../components/VirtualTable';
import { fund } from '../i18n/fund';
import { AccountSelect } from './common/AccountSelect';
import { useRouteAccount } from './common/useRouteAccount';
import { useCategories } from './common/useCategories';
import { DisclosureHistory } from './disclosure/DisclosureHistory';
import { DisclosureModal } from './disclosure/DisclosureModal';
import { DraftDrawer } from './journal/DraftDrawer';
import { DraftList } from './journal/DraftList';
import { EntryForm, type EntryFormMode } from './journal/EntryForm';
import { Figures } from './journal/Figures';
import { PostedEntryDrawer } from './journal/PostedEntryDrawer';
import { journalColumns } from './journal/JournalColumns';
import { ReverseModal } from './journal/ReverseModal';
import type { JournalRow } from './types';
import { FilterDate } from '../components/FilterDate';

const j = fund.journal;

/** 收支明细: one account's posted entries with the running balance, its open drafts, and every way to add to it. */
export function JournalPage() {
  const { route, set, accounts, accountId } = useRouteAccount();
  const p = route.params;
  const detail = useApiQuery('fund.getAccount', { id: accountId ?? '' }, { enabled: !!accountId });
  const input = { accountId: accountId ?? '', from: p.get('from'), to: p.get('to') };
  const period = useApiQuery('fund.listJournal', { ...input, limit: 1 }, { enabled: !!accountId });
  const categories = useCategories();
  const [form, setForm] = useState<EntryFormMode | null>(null);
  const [reversing, setReversing] = useState<JournalRow | null>(null);
  const [count, setCount] = useState<number | null>(null);
  const [disclosing, setDisclosing] = useState<'make' | 'history' | null>(null);
  const listed = accounts.data?.find((a) => a.id === accountId);
  const disclosedThrough = period.data?.disclosedThrough ?? null;
  const draftId = p.get('draft');
  const entryId = p.get('entry');
  const account = detail.data?.account;
  const date = (key: 'from' | 'to', label: string) => <FilterDate label={label} value={p.get(key)} onChange={(v) => set({ [key]: v })} />;

  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" align="center" wrap="nowrap">
          <Title order={3}>{j.title}</Title>
          <AccountSelect value={accountId} onChange={(id) => set({ account: id, draft: null, entry: null })} />
          {count !== null && account && <Text size="sm" c="dimmed">{j.count(count)}</Text>}
        </Group>
        {account && (
          <Group gap="xs" wrap="nowrap">
            <Button variant="default" leftSection={<IconHistory size={16} />} onClick={() => setDisclosing('history')}>{fund.disclose.history}</Button>
            <Button variant="default" leftSection={<IconSpeakerphone size={16} />} onClick={() => setDisclosing('make')}>{fund.disclose.action}</Button>
            <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setForm({ kind: 'income', accountId: account.id })}>{j.income}</Button>
            <Button leftSection={<IconMinus size={16} />} onClick={() => setForm({ kind: 'expense', accountId: account.id })}>{j.expense}</Button>
          </Group>
        )}
      </Group>
      {accounts.data?.length === 0 && <EmptyState title={j.noAccounts} hint={j.noAccountsHint} />}
      {accounts.data?.length !== 0 && !accountId && <EmptyState title={j.pickAccount} hint={j.pickHint} />}
      {account && detail.data && (
        <>
          <Figures account={account} period={period.data} />
          <DraftList drafts={detail.data.drafts} onOpen={(id) => set({ draft: id })} />
          <Group gap="xs">
            {date('from', j.from)}
            {date('to', j.to)}
            <Text size="xs" c="dimmed">{j.append}</Text>
          </Group>
          <Paper withBorder style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
            <Box style={{ flex: 1, minHeight: 0 }}>
              <VirtualTable
                channel="fund.listJournal"
                input={input}
                columns={journalColumns((r) => categories.label(r.direction, r.category), setReversing)}
                rowKey={(r) => r.id}
                onRowClick={(r) => set({ entry: r.id })}
                onTotal={setCount}
                empty={<EmptyState title={j.empty} hint={j.emptyHint} />}
              />
            </Box>
          </Paper>
        </>
      )}
      {form && account && <EntryForm mode={form} place={account} onClose={() => setForm(null)} />}
      {draftId && detail.data && (
        <DraftDrawer entryId={draftId} signers={detail.data.signatories} onClose={() => set({ draft: null })}
          onEdit={(draft) => setForm({ kind: 'edit', draft })} />
      )}
      {entryId && <PostedEntryDrawer entryId={entryId} onClose={() => set({ entry: null })} />}
      {reversing && <ReverseModal row={reversing} disclosedThrough={disclosedThrough} onClose={() => setReversing(null)} />}
      {disclosing === 'make' && account && <DisclosureModal account={account} disclosedThrough={disclosedThrough} onClose={() => setDisclosing(null)} />}
      {disclosing === 'history' && listed && <DisclosureHistory account={listed} onClose={() => setDisclosing(null)} />}
    </Stack>
  );
}
