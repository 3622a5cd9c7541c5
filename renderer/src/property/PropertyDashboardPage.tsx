import { Anchor, Button, Center, Grid, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { permilleText } from '../../../main/api/common/rates';
import { periodLabel } from '../../../main/api/property/figures';
import { useApiQuery } from '../api/queries';
import { href } from '../app/router';
import { LinkList, Panel, StatCard } from '../components/DashboardCards';
import { EmptyState } from '../components/EmptyState';
import { fmtInt } from '../components/format';
import { LatestListPanel } from './figures/LatestListPanel';
import { RateTrendChart } from './figures/RateTrendChart';
import { prop } from '../i18n/property';
import { pf } from '../i18n/property-figures';

const t = pf.dashboard;
const link = (path: string, label: string, params: Record<string, string> = {}) => (
  <Anchor href={href(path, params)} size="sm" c="dark.6" underline="always">{label}</Anchor>
);

/** 红色物业概览: the street's estates, committees, late resolutions and the latest collection and satisfaction, in one read. */
export function PropertyDashboardPage() {
  const dash = useApiQuery('property.getDashboard', {});
  if (dash.isPending) return <Center py="xl"><Loader size="sm" /></Center>;
  if (dash.isError) return <Text c="red">{dash.error.message}</Text>;
  const { estates, committees, resolutions, fees, surveys, trend, missing, reportingPeriod, redBlack } = dash.data;
  const hasTrend = trend.some((p) => p.collectionPermille !== null || p.satisfactionPermille !== null);

  return (
    <Stack gap="sm">
      <Title order={3}>{t.title}</Title>
      {estates.total === 0 && (
        <Paper withBorder>
          <EmptyState title={pf.grid.noEstates} hint={t.noEstatesHint}
            actions={<Button component="a" href={href('/property/estates', { estate: 'new' })}>{prop.estates.add}</Button>} />
        </Paper>
      )}
      <SimpleGrid cols={6} spacing="sm">
        <StatCard label={t.estates} value={fmtInt(estates.total)}
          detail={t.estatesDetail(estates.byManagement.company, estates.byManagement.self, estates.byManagement.abandoned)} />
        <StatCard label={t.committees} value={fmtInt(committees.current)}
          detail={t.committeesDetail(committees.meets, committees.below, committees.notFormed, committees.targetPercent)} />
        <StatCard label={t.terms} value={fmtInt(committees.reelectionDue + committees.overdue)} detail={t.termsDetail(committees.reelectionDue, committees.overdue)} />
        <StatCard label={t.overdue} value={fmtInt(resolutions.overdue)} detail={t.overdueDetail} />
        <StatCard label={t.collection} value={fees ? permilleText(fees.collectionPermille) : '—'}
          detail={fees ? t.latestDetail(periodLabel(fees.period), fees.estates) : t.noFigures} />
        <StatCard label={t.satisfaction} value={surveys ? permilleText(surveys.satisfactionPermille) : '—'}
          detail={surveys ? t.latestDetail(periodLabel(surveys.period), surveys.estates) : t.noFigures} />
      </SimpleGrid>
      <Grid gap="sm">
        <Grid.Col span={7}>
          <Panel title={t.trend}>
            {hasTrend ? (
              <RateTrendChart title={t.trend} points={trend} />
            ) : <Text size="sm" c="dimmed">{t.trendEmpty}</Text>}
          </Panel>
        </Grid.Col>
        <Grid.Col span={5}>
          <Stack gap="sm">
            <LatestListPanel list={redBlack} />
            {estates.total > 0 && <Panel title={t.gaps(periodLabel(reportingPeriod))}>
              {missing.fees + missing.surveys === 0 ? <Text size="sm" c="dimmed">{t.gapNone}</Text> : (
                <Stack gap={4}>
                  {missing.fees > 0 && (
                    <Group justify="space-between" wrap="nowrap">
                      <Text size="sm">{t.gapFees(missing.fees)}</Text>
                      {link('/property/fees', t.toFees, { period: reportingPeriod })}
                    </Group>
                  )}
                  {missing.surveys > 0 && (
                    <Group justify="space-between" wrap="nowrap">
                      <Text size="sm">{t.gapSurveys(missing.surveys)}</Text>
                      {link('/property/surveys', t.toSurveys, { period: reportingPeriod })}
                    </Group>
                  )}
                </Stack>
              )}
            </Panel>}
          </Stack>
        </Grid.Col>
      </Grid>
      <Panel title={t.overdueList} action={link('/property/meetings', t.toMeetings)}>
        <LinkList
          empty={t.noneOverdue}
          items={resolutions.oldest.map((r) => ({
            key: r.id,
            href: href('/property/meetings', { meeting: r.meetingId }),
            label: r.content,
            detail: t.overdueItem(r.estateName, r.dueOn),
          }))}
        />
      </Panel>
    </Stack>
  );
}
