import { Badge, Box, Button, CloseButton, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { pointCategories, sourceKinds } from '../../../main/api/volunteer/labels';
import { ReverseEntry } from '../../../main/api/volunteer/schemas';
import { signedTenths } from '../../../main/api/volunteer/tenths';
import { useApiMutation, useApiQuery } from '../api/queries';
import { setParams, useRoute } from '../app/router';
import { EmptyState } from '../components/EmptyState';
import { options, TextField } from '../components/fields';
import { VirtualTable } from '../components/VirtualTable';
import { vol } from '../i18n/volunteer';
import { vp } from '../i18n/volunteer-points';
import { UnitSelect } from '../components/UnitSelect';
import { ActionModal } from '../components/ActionModal';
import { PersonPicker } from './common/PersonPicker';
import { entryColumns } from './ledger/EntryColumns';
import { EntryForm } from './ledger/EntryForm';
import { PendingMeetings } from './ledger/PendingMeetings';
import type { EntryRow } from './types';
import { FilterDate } from '../components/FilterDate';

const l = vp.ledger;
const pick = <T extends Record<string, string>>(labels: T, v: string | null) => (v && v in labels ? (v as keyof T & string) : null);

/** The person the ledger is narrowed to, named, with a way back to everyone. */
function PersonFilter({ id, onChange }: { id: string | null; onChange: (id: string | null) => void }) {
  const v = useApiQuery('volunteer.getVolunteer', { id: id ?? '' }, { enabled: !!id });
  if (!id) return <PersonPicker onPick={(h) => h?.volunteerId && onChange(h.volunteerId)} clearAfterPick only="volunteers" placeholder={l.person} w={200} />;
  return (
    <Badge size="lg" variant="light" rightSection={<CloseButton size="xs" aria-label={vol.common.person} onClick={() => onChange(null)} />}>
      {v.data?.volunteer.name ?? '…'}
    </Badge>
  );
}

/** 积分台账: every entry, newest first, filtered in SQL; append-only — a wrong entry is reversed from its row. */
export function LedgerPage() {
  const route = useRoute();
  const p = route.params;
  const set = (changes: Record<string, string | null>) => setParams(route, changes);
  const [count, setCount] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const [reversing, setReversing] = useState<EntryRow | null>(null);
  const reverse = useApiMutation('volunteer.reverseEntry', { quiet: true });
  const input = {
    volunteerId: p.get('volunteer'),
    orgId: p.get('org'),
    category: pick(pointCategories, p.get('category')),
    sourceKind: pick(sourceKinds, p.get('source')),
    from: p.get('from'),
    to: p.get('to'),
  };
  const filtered = Object.values(input).some(Boolean);
  const capped = useApiQuery('volunteer.listEntries', { ...input, limit: 1 });
  const date = (key: 'from' | 'to', label: string) => <FilterDate label={label} value={p.get(key)} onChange={(v) => set({ [key]: v })} />;

  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" align="baseline">
          <Title order={3}>{l.title}</Title>
          {count !== null && <Text size="sm" c="dimmed">{l.count(count, capped.data?.capped ?? false)}</Text>}
          <Text size="xs" c="dimmed">{l.append}</Text>
        </Group>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>{l.add}</Button>
      </Group>
      <PendingMeetings />
      <Group gap="xs">
        <PersonFilter id={input.volunteerId} onChange={(id) => set({ volunteer: id })} />
        <UnitSelect value={input.orgId} onChange={(v) => set({ org: v })} levels={['community_committee', 'branch', 'group']} placeholder={vol.common.unitScope} clearable w={220} />
        <Select aria-label={l.category} placeholder={l.category} data={options(pointCategories)} value={input.category} onChange={(v) => set({ category: v })} clearable w={110} />
        <Select aria-label={l.source} placeholder={l.source} data={options(sourceKinds)} value={input.sourceKind} onChange={(v) => set({ source: v })} clearable w={120} />
        {date('from', l.from)}
        {date('to', l.to)}
      </Group>
      <Paper withBorder style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
        <Box style={{ flex: 1, minHeight: 0 }}>
          <VirtualTable
            channel="volunteer.listEntries"
            input={input}
            columns={entryColumns(setReversing)}
            rowKey={(r) => r.id}
            after={(last) => ({ before: { onDate: last.onDate, id: last.id } })}
            onTotal={setCount}
            empty={filtered ? <EmptyState title={l.noMatch} /> : <EmptyState title={l.empty} hint={l.emptyHint} />}
          />
        </Box>
      </Paper>
      {adding && <EntryForm onClose={() => setAdding(false)} />}
      {reversing && (
        <ActionModal
          title={l.reverseTitle}
          intro={l.reverseBody(reversing.name, signedTenths(-reversing.amount), reversing.reason)}
          schema={ReverseEntry}
          initial={{ entryId: reversing.id, reason: '' }}
          danger
          confirmLabel={l.reverse}
          fields={(form) => <TextField form={form} name="reason" label={l.reverseReason} required autoFocus />}
          onSubmit={(parsed) => reverse.mutateAsync(parsed).then(() => notifications.show({ color: 'green', message: l.reversedDone }))}
          onClose={() => setReversing(null)}
        />
      )}
    </Stack>
  );
}
