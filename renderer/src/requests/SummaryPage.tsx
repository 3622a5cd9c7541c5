import { Group, Paper, ScrollArea, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { addDays, mondayOf } from '../../../main/api/common/days';
import { requestSources } from '../../../main/api/requests/labels';
import { api } from '../api/client';
import { useApiQuery } from '../api/queries';
import { today } from '../app/clock';
import { navigate, setParams, useRoute } from '../app/router';
import { StatCard } from '../components/DashboardCards';
import { FilterDate } from '../components/FilterDate';
import { PdfButtons } from '../components/PdfButtons';
import { fmtInt, fmtPercent } from '../components/format';
import { rq } from '../i18n/requests';
import { StateBadge } from './ledger/StateBadge';
import type { RequestSummary, SummaryGroup } from './types';
import { useCategories } from './useCategories';
import { usePlaceOptions } from './usePlaceOptions';

type Tally = RequestSummary['total'];

const t = rq.summary;
const rate = (n: number, d: number) => (d ? n / d : null);

/**
 * 日登记 and 周汇总 on one screen: the day's requests as registered, with the day's figures, and the week (Monday to
 * Sunday) it falls in by category, state and source — counted by the month's own tally (requests.getSummary).
 */
export function SummaryPage() {
  const route = useRoute();
  const places = usePlaceOptions();
  const day = route.params.get('day') ?? today();
  const communityId = route.params.get('community');
  const from = mondayOf(day);
  const to = addDays(from, 6);
  const daySummary = useApiQuery('requests.getSummary', { communityId, from: day, to: day });
  const week = useApiQuery('requests.getSummary', { communityId, from, to });
  return (
    <ScrollArea h="100%" type="auto">
      <Stack gap="md" pb="md">
        <Group justify="space-between">
          <Title order={3}>{t.title}</Title>
          <Group gap="xs">
            <Select aria-label={t.community} placeholder={t.communityPlaceholder} data={places.communities} value={communityId} clearable w={160}
              onChange={(v) => setParams(route, { community: v })} />
            <FilterDate label={t.day} value={day} clearable={false} onChange={(v) => setParams(route, { day: v })} />
            <PdfButtons make={() => api.requests.printSummary({ communityId, day })} />
          </Group>
        </Group>
        <DayRegister day={day} communityId={communityId} total={daySummary.data?.total} />
        {week.data && <Week summary={week.data} />}
      </Stack>
    </ScrollArea>
  );
}

function DayRegister({ day, communityId, total }: { day: string; communityId: string | null; total: Tally | undefined }) {
  const list = useApiQuery('requests.listRequests', { reportedOn: day, communityId, limit: 500 });
  const categories = useCategories();
  const rows = list.data?.rows ?? [];
  return (
    <Paper withBorder p="sm" component="section" aria-label={t.dayTitle(day)}>
      <Title order={4} fz="md" mb="xs">{t.dayTitle(day)}</Title>
      {total && (
        <SimpleGrid cols={4} mb="sm">
          {(Object.keys(t.figures) as (keyof typeof t.figures)[]).map((k) => <StatCard key={k} label={t.figures[k]} value={fmtInt(total[k])} />)}
        </SimpleGrid>
      )}
      {list.data && list.data.total > rows.length && <Text size="xs" c="dimmed" mb="xs">{t.dayMore(rows.length, list.data.total)}</Text>}
      {list.data && rows.length === 0 ? <Text size="sm" c="dimmed">{t.dayEmpty}</Text> : (
        <Table striped highlightOnHover>
          <Table.Thead><Table.Tr>{Object.values(t.dayColumns).map((c) => <Table.Th key={c}>{c}</Table.Th>)}</Table.Tr></Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id} style={{ cursor: 'pointer' }} onClick={() => navigate('/requests/ledger', { request: r.id })}>
                <Table.Td>{requestSources[r.source as keyof typeof requestSources]}</Table.Td>
                <Table.Td>{r.anonymous ? rq.ledger.anonymous : r.reporterName}</Table.Td>
                <Table.Td><Text size="sm" truncate maw={220}>{r.placeName}</Text></Table.Td>
                <Table.Td><Text size="sm" lineClamp={1}>{r.content}</Text></Table.Td>
                <Table.Td>{categories.name(r.category) ?? ''}</Table.Td>
                <Table.Td><StateBadge state={r.state} /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function Week({ summary }: { summary: RequestSummary }) {
  return (
    <Paper withBorder p="sm" component="section" aria-label={t.weekTitle(summary.from, summary.to)}>
      <Title order={4} fz="md">{t.weekTitle(summary.from, summary.to)}</Title>
      <Text size="xs" c="dimmed" mb="sm">{t.note}</Text>
      {summary.total.received + summary.total.done + summary.total.inProgress === 0 ? <Text size="sm" c="dimmed">{t.weekEmpty}</Text> : (
        <Stack gap="md">
          <Grouping title={t.by.category} groups={summary.byCategory} total={summary.total} />
          <Grouping title={t.by.state} groups={summary.byState} total={summary.total} />
          <Grouping title={t.by.source} groups={summary.bySource} total={summary.total} />
        </Stack>
      )}
    </Paper>
  );
}

/** One grouping's table, its 合计 the week's total (Σ/Σ rates). */
function Grouping({ title, groups, total }: { title: string; groups: SummaryGroup[]; total: Tally }) {
  const c = t.columns;
  const cells = (x: Tally) => [
    fmtInt(x.received), fmtInt(x.notAccepted), fmtInt(x.done), fmtInt(x.doneOnTime), fmtPercent(rate(x.doneOnTime, x.done)),
    fmtInt(x.inProgress), fmtInt(x.rated), fmtInt(x.satisfied), fmtPercent(rate(x.satisfied, x.rated)),
  ];
  return (
    <Table striped aria-label={title} withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{title}</Table.Th>
          {[c.received, c.notAccepted, c.done, c.doneOnTime, c.onTimeRate, c.inProgress, c.rated, c.satisfied, c.satisfactionRate].map((h) => (
            <Table.Th key={h} ta="right">{h}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {groups.map((g) => (
          <Table.Tr key={g.key}>
            <Table.Td>{g.label}</Table.Td>
            {cells(g.tally).map((v, i) => <Table.Td key={i} ta="right" className="num">{v}</Table.Td>)}
          </Table.Tr>
        ))}
        <Table.Tr fw={600}>
          <Table.Td>{t.total}</Table.Td>
          {cells(total).map((v, i) => <Table.Td key={i} ta="right" className="num">{v}</Table.Td>)}
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}
