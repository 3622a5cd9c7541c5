import { Center, Grid, Loader, Text } from '@mantine/core';
import { useApiQuery } from '../api/queries';
import { monthLabel, monthSpan } from '../components/charts/months';
import { PeriodChart } from '../components/charts/PeriodChart';
import { Panel } from '../components/DashboardCards';
import { fmtInt } from '../components/format';
import { pm } from '../i18n/party-meetings';

const t = pm.dashboard;

/** A share held, as a percentage to one decimal where it has one: 90.9% for 10 of 11, 100% on the axis. */
const percentText = (v: number) => (Number.isInteger(v) ? `${v}%` : `${v.toFixed(1)}%`);

/**
 * The party dashboard's two charts (party.getTrends), for the unit chosen above them: how much of the required
 * organisational life was held quarter by quarter, and the register by category at each month's end.
 */
export function DashboardTrends({ orgId }: { orgId: string | null }) {
  const trends = useApiQuery('party.getTrends', { orgId });
  if (trends.isError) return <Text c="red">{trends.error.message}</Text>;
  const d = trends.data;
  const quarters = (d?.quarters ?? []).map((q) => ({
    period: t.quarterLabel(q.year, q.quarter),
    // No slot judged (no records yet): a gap, not 0%.
    held: q.due ? Math.round(((q.due - q.missing) / q.due) * 1000) / 10 : null,
  }));
  const months = (d?.months ?? []).map(({ month, ...counts }) => ({ period: monthLabel(month), ...counts }));
  const loading = <Center h={200}><Loader size="sm" /></Center>;
  return (
    <Grid gap="sm">
      <Grid.Col span={6}>
        <Panel title={t.complianceTrend}>
          <Text size="xs" c="dimmed" mb={4}>{t.complianceTrendHint}</Text>
          {d ? (
            <PeriodChart title={t.complianceTrend} points={quarters} max={100} valueText={percentText} height={200}
              series={[{ key: 'held', label: t.complianceTrend, color: 'partyRed.6' }]} />
          ) : loading}
          {quarters.some((q) => q.held === null) && <Text size="xs" c="dimmed">{t.complianceTrendGap}</Text>}
        </Panel>
      </Grid.Col>
      <Grid.Col span={6}>
        <Panel title={t.membersTrend}>
          <Text size="xs" c="dimmed" mb={4}>{t.membersTrendHint}</Text>
          {d ? (
            <PeriodChart title={t.membersTrend} caption={monthSpan((d?.months ?? []).map((m) => m.month))} points={months} stacked integer valueText={fmtInt} height={200}
              series={[
                { key: 'community', label: t.community, color: 'partyRed.6' },
                { key: 'in_service', label: t.inService, color: 'blue.7' },
                { key: 'migrant', label: t.migrant, color: 'gray.7' },
              ]} />
          ) : loading}
        </Panel>
      </Grid.Col>
    </Grid>
  );
}
