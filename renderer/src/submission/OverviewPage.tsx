import { Anchor, Badge, Center, Grid, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ConsolidatedOverview, OverviewFigures, OverviewUnit } from '../../../main/api/submission/contract';
import { unitLevels } from '../../../main/api/system/contract';
import { tenthsText } from '../../../main/api/volunteer/tenths';
import { useApiQuery } from '../api/queries';
import { href } from '../app/router';
import { PeriodChart } from '../components/charts/PeriodChart';
import { Panel, StatCard } from '../components/DashboardCards';
import { fmtInt, fmtPercent, fmtTimestamp } from '../components/format';
import { sub } from '../i18n/submission';

const t = sub.overview;

const satisfaction = (f: OverviewFigures) => (f.rated ? fmtPercent(f.satisfied / f.rated) : t.noRating);

/** 汇总概览 as its own page (上报与汇总 → 汇总概览): what the home page of a street or a district shows. */
export function OverviewPage() {
  const q = useApiQuery('submission.getOverview', {});
  if (q.isPending) return <Center py="xl"><Loader size="sm" /></Center>;
  if (q.isError) return <Text c="red">{q.error.message}</Text>;
  if (q.data.rows.length === 0) {
    return (
      <Stack gap="sm">
        <Title order={3}>{t.title}</Title>
        <Text fw={600}>{t.empty}</Text>
        <Text size="sm" c="dimmed">{t.emptyHint} <Anchor href={href('/submission/import')} size="sm" underline="always">{t.toImport}</Anchor></Text>
      </Stack>
    );
  }
  return <ConsolidatedOverviewView overview={q.data} />;
}

/** The home page's part at a street or a district: the overview when something was consolidated, else nothing. */
export function OverviewHome() {
  const q = useApiQuery('submission.getOverview', {});
  if (!q.data || q.data.rows.length === 0) return null;
  return <ConsolidatedOverviewView overview={q.data} />;
}

function ConsolidatedOverviewView({ overview: o }: { overview: ConsolidatedOverview }) {
  const below = unitLevels[o.rowLevel];
  const f = o.total;
  const points = o.rows.map((r) => ({
    period: r.name, full: r.figures.full, probationary: r.figures.probationary, received: r.figures.received, done: r.figures.done,
  }));
  return (
    <Stack gap="sm" component="section" aria-label={t.title}>
      <Group justify="space-between" align="baseline" wrap="nowrap">
        <Title order={3}>{t.title}</Title>
        <Text size="sm" c="dimmed">{t.asOf(fmtTimestamp(o.oldestExport), fmtTimestamp(o.newestExport))}</Text>
      </Group>
      <Text size="sm" c="dimmed">{t.intro(below)}</Text>
      <SimpleGrid cols={6} spacing="sm">
        <StatCard label={t.members} value={fmtInt(f.members)} detail={t.membersDetail(f.full, f.probationary)} />
        <StatCard label={t.orgs} value={fmtInt(f.orgs)} />
        <StatCard label={t.compliance(o.quarter)} value={t.complianceValue(f.compliant, f.branches)} detail={t.complianceDetail(f.compliancePending)} />
        <StatCard label={t.volunteers} value={fmtInt(f.volunteers)} />
        <StatCard label={t.hours(o.year)} value={tenthsText(f.hours)} detail={`${t.points(o.year)} ${tenthsText(f.points)}`} />
        <StatCard label={t.requests} value={t.requestsValue(f.received, f.done)} detail={`${t.requestsDetail}；${t.overdue} ${fmtInt(f.overdue)}；${t.satisfaction} ${satisfaction(f)}`} />
      </SimpleGrid>
      <Grid gap="sm">
        <Grid.Col span={6}>
          <Panel title={t.chartMembers}>
            <PeriodChart
              title={t.chartMembers} points={points} integer valueText={fmtInt}
              series={[{ key: 'full', label: '正式', color: 'partyRed.6' }, { key: 'probationary', label: '预备', color: 'orange.4' }]}
            />
          </Panel>
        </Grid.Col>
        <Grid.Col span={6}>
          <Panel title={t.chartRequests}>
            <PeriodChart
              title={t.chartRequests} points={points} integer valueText={fmtInt}
              series={[{ key: 'received', label: t.received, color: 'blue.6' }, { key: 'done', label: t.done, color: 'green.6' }]}
            />
          </Panel>
        </Grid.Col>
      </Grid>
      <Panel title={t.table}>
        <Table striped withTableBorder fz="sm" aria-label={t.table} styles={{ th: { whiteSpace: 'nowrap' } }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{below}</Table.Th>
              <Table.Th ta="right">{t.members}</Table.Th>
              <Table.Th ta="right">正式/预备</Table.Th>
              <Table.Th ta="right">{t.orgs}</Table.Th>
              <Table.Th ta="right">组织生活落实</Table.Th>
              <Table.Th ta="right">志愿者</Table.Th>
              <Table.Th ta="right">服务时长</Table.Th>
              <Table.Th ta="right">积分</Table.Th>
              <Table.Th ta="right">受理/办结</Table.Th>
              <Table.Th ta="right">逾期</Table.Th>
              <Table.Th ta="right">满意率</Table.Th>
              <Table.Th>{t.exportedAt}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {o.rows.flatMap((r) => [
              <FigureRow key={r.code} unit={r} strong={r.children.length > 0} />,
              ...r.children.map((c) => <FigureRow key={c.code} unit={c} indent />),
            ])}
            <FigureRow unit={{ name: t.total, figures: f }} strong />
          </Table.Tbody>
        </Table>
      </Panel>
      {o.leaders.length > 0 && (
        <Panel title={t.leaders(o.year)}>
          <Table striped withTableBorder fz="sm" aria-label={t.leaders(o.year)} styles={{ th: { whiteSpace: 'nowrap' } }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th ta="right">名次</Table.Th>
                <Table.Th>姓名</Table.Th>
                {o.rowLevel === 'street' && <Table.Th>所属街道</Table.Th>}
                <Table.Th>所属社区</Table.Th>
                <Table.Th ta="right">获得积分</Table.Th>
                <Table.Th ta="right">服务时长（小时）</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.leaders.map((l, i) => (
                <Table.Tr key={i}>
                  <Table.Td ta="right" className="num">{l.rank}</Table.Td>
                  <Table.Td>{l.name}</Table.Td>
                  {o.rowLevel === 'street' && <Table.Td>{l.street}</Table.Td>}
                  <Table.Td>{l.community}</Table.Td>
                  <Table.Td ta="right" className="num">{tenthsText(l.earned)}</Table.Td>
                  <Table.Td ta="right" className="num">{tenthsText(l.hours)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Panel>
      )}
    </Stack>
  );
}

function FigureRow({ unit, strong, indent }: { unit: Pick<OverviewUnit, 'name' | 'figures'> & Partial<OverviewUnit>; strong?: boolean; indent?: boolean }) {
  const f = unit.figures;
  const num = (v: string) => <Table.Td ta="right" className="num" fw={strong ? 600 : undefined}>{v}</Table.Td>;
  return (
    <Table.Tr>
      <Table.Td pl={indent ? 24 : undefined} fw={strong ? 600 : undefined}>{unit.name}</Table.Td>
      {num(fmtInt(f.members))}
      {num(`${fmtInt(f.full)} / ${fmtInt(f.probationary)}`)}
      {num(fmtInt(f.orgs))}
      {num(f.branches || !f.compliancePending ? t.complianceValue(f.compliant, f.branches) : '—')}
      {num(fmtInt(f.volunteers))}
      {num(tenthsText(f.hours))}
      {num(tenthsText(f.points))}
      {num(t.requestsValue(f.received, f.done))}
      {num(fmtInt(f.overdue))}
      {num(satisfaction(f))}
      <Table.Td>
        {unit.exportedAt && (
          <Group gap={4} wrap="nowrap">
            <Text size="xs" className="num">{fmtTimestamp(unit.exportedAt)}</Text>
            {unit.stale && <Badge size="xs" color="orange" variant="light">{t.stale}</Badge>}
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
