import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import { formatFen } from '../../../main/api/common/money';
import { FeeSettingsInput } from '../../../main/api/fund/schemas';
import { formatArea } from '../../../main/api/fund/split';
import { useApiMutation, useApiQuery } from '../api/queries';
import { today } from '../app/clock';
import { AreaField } from '../components/AreaField';
import { EmptyState } from '../components/EmptyState';
import { NumberField } from '../components/fields';
import { FormDrawer } from '../components/FormDrawer';
import { MoneyField } from '../components/MoneyField';
import { useZodForm } from '../components/useZodForm';
import { fundIncome } from '../i18n/fund-income';
import { AccountSelect } from './common/AccountSelect';
import { useRouteAccount } from './common/useRouteAccount';
import { isMonth, lastMonth, monthWords } from './common/months';
import { newEntryId } from './common/newEntryId';
import type { Out } from './types';

const a = fundIncome.allocation;

/** The rate and share; a building account's floor area too (the red-property profile has only the estate's). */
function SettingsDrawer({ accountId, building, settings, onClose }: {
  accountId: string;
  building: string | null;
  settings: Out<'fund.previewAllocation'>['settings'];
  onClose: () => void;
}) {
  const form = useZodForm(FeeSettingsInput, {
    accountId, rate: settings ? formatFen(settings.rateFen) : '', shareNum: settings?.shareNum ?? 1, shareDen: settings?.shareDen ?? 1,
    areaHundredths: settings?.areaHundredths ?? null,
  });
  const save = useApiMutation('fund.saveFeeSettings');
  const submit = form.submit(async () => {
    await save.mutateAsync(form.values);
    notifications.show({ color: 'green', message: a.settingsSaved });
    onClose();
  });
  return (
    <FormDrawer opened title={a.editSettings} dirty={form.dirty} submitting={form.submitting} onClose={onClose} onSave={submit} size={440}>
      <MoneyField form={form} name="rate" label={a.rate} placeholder="1.18" required autoFocus />
      <SimpleGrid cols={2}>
        <NumberField form={form} name="shareNum" label={a.shareNum} min={1} max={10000} required />
        <NumberField form={form} name="shareDen" label={a.shareDen} min={1} max={10000} required />
      </SimpleGrid>
      <Text size="xs" c="dimmed">{a.shareHint}</Text>
      {building && <AreaField form={form} name="areaHundredths" label={a.buildingArea(building)} required />}
    </FormDrawer>
  );
}

/**
 * The month's figure with how it was computed, and its posting; the entry id is made when the month is chosen. It
 * opens on the month asked for (the home page's to-do names the first one owed), else last month.
 */
function MonthCard({ accountId, asked }: { accountId: string; asked: string | null }) {
  const [month, setMonth] = useState(() => (asked && isMonth(asked) ? asked : lastMonth(today())));
  const [entryId, setEntryId] = useState(newEntryId);
  const [editing, setEditing] = useState(false);
  const preview = useApiQuery('fund.previewAllocation', { accountId, month }, { enabled: isMonth(month) });
  const allocate = useApiMutation('fund.allocateFee');
  const p = preview.data;
  const post = async () => {
    await allocate.mutateAsync({ id: entryId, accountId, month });
    notifications.show({ color: 'green', message: a.posted(monthWords(month)) });
    setEntryId(newEntryId());
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group align="end">
          <TextInput type="month" label={a.month} value={month} onChange={(e) => { setMonth(e.currentTarget.value); setEntryId(newEntryId()); }} w={200} data-autofocus />
          <Button variant="default" leftSection={<IconSettings size={16} />} onClick={() => setEditing(true)}>{a.editSettings}</Button>
        </Group>
        {p?.missing.includes('settings') && <Alert color="orange" variant="light">{a.noSettings}</Alert>}
        {p?.missing.includes('area') && <Alert color="orange" variant="light">{p.building ? a.noBuildingArea(p.building) : a.noArea}</Alert>}
        {p?.settings && p.areaHundredths && p.figures && (
          <Stack gap={4} aria-label={a.computation}>
            <Text size="sm" fw={600}>{a.computation}</Text>
            <Text size="sm">{a.fee(formatFen(p.settings.rateFen), formatArea(p.areaHundredths), formatFen(p.figures.feeFen))}</Text>
            <Text size="sm">{a.share(formatFen(p.figures.feeFen), p.settings.shareNum, p.settings.shareDen, formatFen(p.figures.amount))}</Text>
            <Text size="sm" c="dimmed">{a.company(formatFen(p.figures.companyFen))} · {a.onDate(p.onDate)}</Text>
          </Stack>
        )}
        {p?.existing ? (
          <Badge color="green" variant="light" size="lg">{a.done(monthWords(month), p.existing.seq, p.existing.createdAt.slice(0, 10))}</Badge>
        ) : p?.figures && (
          <Group>
            <Text size="xl" fw={700} className="num">{formatFen(p.figures.amount)}</Text>
            <Button leftSection={<IconCheck size={16} />} loading={allocate.isPending} onClick={() => void post()}>{a.post}</Button>
          </Group>
        )}
        {allocate.error && <Text size="sm" c="red" role="alert">{allocate.error.message}</Text>}
      </Stack>
      {editing && <SettingsDrawer accountId={accountId} building={p?.building ?? null} settings={p?.settings ?? null} onClose={() => setEditing(false)} />}
    </Paper>
  );
}

function History({ accountId }: { accountId: string }) {
  const list = useApiQuery('fund.listAllocations', { accountId });
  const c = a.columns;
  if (list.data?.length === 0) return <EmptyState title={a.noHistory} />;
  return (
    <Table fz="sm" verticalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{c.month}</Table.Th><Table.Th className="num">{c.area}</Table.Th><Table.Th className="num">{c.rate}</Table.Th>
          <Table.Th className="num">{c.share}</Table.Th><Table.Th className="num">{c.fee}</Table.Th><Table.Th className="num">{c.amount}</Table.Th>
          <Table.Th className="num">{c.seq}</Table.Th><Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {(list.data ?? []).map((r) => (
          <Table.Tr key={r.entryId}>
            <Table.Td>{monthWords(r.month)}</Table.Td>
            <Table.Td className="num">{formatArea(r.areaHundredths)}</Table.Td>
            <Table.Td className="num">{formatFen(r.rateFen)}</Table.Td>
            <Table.Td className="num">{`${r.shareNum}/${r.shareDen}`}</Table.Td>
            <Table.Td className="num">{formatFen(r.feeFen)}</Table.Td>
            <Table.Td className="num">{formatFen(r.amount)}</Table.Td>
            <Table.Td className="num">{r.seq}</Table.Td>
            <Table.Td>{r.reversed && <Badge color="red" variant="light">{a.reversed}</Badge>}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** 物业费提取: the month's allocation from the property fee, computed and shown, posted as income once per month. */
export function AllocationPage() {
  const { route, set, accountId } = useRouteAccount();
  return (
    <Stack gap="sm">
      <Title order={3}>{a.title}</Title>
      <Text size="sm" c="dimmed" maw={900}>{a.intro}</Text>
      <AccountSelect value={accountId} onChange={(id) => set({ account: id })} />
      {!accountId ? <EmptyState title={a.pickAccount} /> : (
        <>
          <MonthCard key={`${accountId}|${route.params.get('month') ?? ''}`} accountId={accountId} asked={route.params.get('month')} />
          <Title order={5}>{a.history}</Title>
          <Paper withBorder><History accountId={accountId} /></Paper>
        </>
      )}
    </Stack>
  );
}
