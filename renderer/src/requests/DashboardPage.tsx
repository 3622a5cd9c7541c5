import { Anchor, Grid, Group, ScrollArea, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { permilleText } from '../../../main/api/common/rates';
import { useApiQuery } from '../api/queries';
import { href, setParams, useRoute } from '../app/router';
import { monthLabel, monthSpan } from '../components/charts/months';
import { PeriodChart } from '../components/charts/PeriodChart';
import { Panel, StatCard } from '../components/DashboardCards';
import { fmtInt, fmtPercent } from '../components/format';
import { rd } from '../i18n/requests-dashboard';
import type { RequestDashboard } from './types';
import { keepPreviousData } from '@tanstack/react-query';

type GroupRow = RequestDashboard['byCategory'][number];
type Community = RequestDashboard['communities'][number];

/** A community's choice in the picker: its place here, else its consolidated unit (a street's community sending packages). */
const choiceOf = (c: Pick<Community, 'placeId' | 'unitCode'>): string | null => c.placeId ?? (c.unitCode ? `unit:${c.unitCode}` : null);

/**
 * 民呼必应概览: this month's 月上报 figures (rates Σ/Σ over the communities shown), the twelve months' received and
 * done, the requests by category and by source, and the overdue — all counted by the core (requests.getDashboard).
 */
export function DashboardPage() {
  const route = useRoute();
  const communityId = route.params.get('community');
  const unitCode = route.params.get('unit');
  // The previous figures stay while a community's load, so the picker keeps its list.
  const dash = useApiQuery('requests.getDashboard', { communityId, unitCode }, { placeholderData: keepPreviousData });
  const d = dash.data;
  const communities = (d?.communities ?? []).map((c) => ({ value: choiceOf(c)!, label: c.name, community: c }));
  return (
    <ScrollArea h="100%" type="auto" offsetScrollbars="y">
      <Stack gap="sm" pb="md">
        <Group justify="space-between">
          <Title order={3}>{rd.title}{d && <Text span c="dimmed" fz="md" ml="sm">{rd.month(d.today)}</Text>}</Title>
          <Select aria-label={rd.community} placeholder={rd.communityPlaceholder} data={communities} value={choiceOf({ placeId: communityId, unitCode })} clearable w={180}
            onChange={(v) => {
              const c = communities.find((x) => x.value === v)?.community;
              setParams(route, { community: c?.placeId ?? null, unit: c?.placeId ? null : (c?.unitCode ?? null) });
            }} />
        </Group>
        {dash.isError && <Text c="red">{dash.error.message}</Text>}
        {d && <Figures d={d} communityId={communityId} unitOnly={!communityId && !!unitCode} />}
      </Stack>
    </ScrollArea>
  );
}

function Figures({ d, communityId, unitOnly }: { d: RequestDashboard; communityId: string | null; unitOnly: boolean }) {
  const m = d.month;
  const points = d.months.map((x) => ({ period: monthLabel(x.month), received: x.received, done: x.done }));
  return (
    <>
      <SimpleGrid cols={6} spacing="sm">
        <StatCard label={rd.received} value={fmtInt(m.received)} detail={rd.receivedDetail(m.notAccepted)} />
        <StatCard label={rd.done} value={fmtInt(m.done)} detail={rd.doneDetail} />
        <StatCard label={rd.inProgress} value={fmtInt(m.inProgress)} detail={rd.inProgressDetail} />
        <StatCard label={rd.onTime} value={permilleText(d.onTimeRate)} detail={rd.of(m.doneOnTime, m.done)} />
        <StatCard label={rd.satisfaction} value={permilleText(d.satisfactionRate)} detail={rd.satisfactionDetail(m.satisfied, m.rated)} />
        <StatCard
          label={rd.overdue}
          value={<Text span inherit c={d.overdue ? 'red.8' : 'green.8'}>{fmtInt(d.overdue)}</Text>}
          detail={<OverdueDetail d={d} communityId={communityId} unitOnly={unitOnly} />}
        />
      </SimpleGrid>
      <Panel title={rd.trend}>
        <PeriodChart title={rd.trend} caption={monthSpan(d.months.map((x) => x.month))} points={points} valueText={fmtInt} height={200} integer
          series={[{ key: 'received', label: rd.trendReceived, color: 'gray.6' }, { key: 'done', label: rd.trendDone, color: 'partyRed.6' }]} />
      </Panel>
      <Grid gap="sm">
        <Grid.Col span={7}><Panel title={rd.byCategory}><Groups rows={d.byCategory} title={rd.byCategory} /></Panel></Grid.Col>
        <Grid.Col span={5}><Panel title={rd.bySource}><Groups rows={d.bySource} title={rd.bySource} /></Panel></Grid.Col>
      </Grid>
    </>
  );
}

/**
 * Where the overdue are followed up: this ledger's 督办 已超期, of the community chosen (by its place); the copies of
 * communities' requests in their own ledgers, said as a count — there is no list of them here to open (nor a link
 * for a community this installation has no place of: none of its requests are here).
 */
function OverdueDetail({ d, communityId, unitOnly }: { d: RequestDashboard; communityId: string | null; unitOnly: boolean }) {
  const copies = d.overdue - d.overdueHere;
  return (
    <Group gap={6}>
      {!unitOnly && <Anchor href={href('/requests/ledger', { watch: 'overdue', community: communityId })} size="xs">{rd.overdueLink}</Anchor>}
      {copies > 0 && <Text span size="xs" c="dimmed">{rd.overdueCopies(copies)}</Text>}
    </Group>
  );
}

/** A grouping as a short table: each group's count and its share of the twelve months' requests. */
function Groups({ rows, title }: { rows: GroupRow[]; title: string }) {
  if (rows.length === 0) return <Text size="sm" c="dimmed">{rd.empty}</Text>;
  const total = rows.reduce((n, r) => n + r.count, 0);
  return (
    <Table fz="sm" verticalSpacing={4} aria-label={title}>
      <Table.Thead>
        <Table.Tr><Table.Th>{rd.columns.label}</Table.Th><Table.Th className="num">{rd.columns.count}</Table.Th><Table.Th className="num">{rd.columns.share}</Table.Th></Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Td>{r.label}</Table.Td>
            <Table.Td className="num">{fmtInt(r.count)}</Table.Td>
            <Table.Td className="num">{fmtPercent(r.count / total)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
