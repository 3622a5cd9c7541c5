import { Alert, Anchor, Center, Grid, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { tenthsText } from '../../../main/api/volunteer/tenths';
import { useApiQuery } from '../api/queries';
import { href, setParams, useRoute } from '../app/router';
import { fmtInt } from '../components/format';
import { vol } from '../i18n/volunteer';
import type { MonthFigure } from './types';
import { ConsolidatedHint } from '../components/ConsolidatedHint';
import { LinkList, Panel, StatCard } from '../components/DashboardCards';
import { UnitSelect } from '../components/UnitSelect';
import { monthLabel, monthSpan } from '../components/charts/months';
import { PeriodChart } from '../components/charts/PeriodChart';

const t = vol.dashboard;

/** 志愿服务概览: who serves, hours and points month by month, the leaders of the year, what is coming and what is due. */
export function VolunteerDashboardPage() {
  const route = useRoute();
  const orgId = route.params.get('org');
  const dash = useApiQuery('volunteer.getDashboard', { orgId });
  const d = dash.data;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>{t.title}</Title>
        <UnitSelect value={orgId} onChange={(v) => setParams(route, { org: v })} levels={['community_committee', 'branch']} placeholder={vol.common.unitScope} clearable w={260} />
      </Group>
      {dash.isPending && <Center py="xl"><Loader size="sm" /></Center>}
      {dash.isError && <Text c="red">{dash.error.message}</Text>}
      {d && (
        <>
          <ConsolidatedHint empty={!orgId && d.volunteers.total === 0} />
          {(d.pendingMeetings > 0 || d.linkable > 0) && (
            <Alert color="orange" p="xs">
              <Group gap="lg">
                {d.pendingMeetings > 0 && <Anchor href={href('/volunteer/ledger')} size="sm">{t.pendingMeetings(d.pendingMeetings)}</Anchor>}
                {d.linkable > 0 && <Anchor href={href('/volunteer/people')} size="sm">{t.linkable(d.linkable)}</Anchor>}
              </Group>
            </Alert>
          )}
          <SimpleGrid cols={4} spacing="sm">
            <StatCard label={t.volunteers} value={fmtInt(d.volunteers.total)} detail={t.volunteersDetail(d.volunteers.members, d.volunteers.residents)} />
            <StatCard
              label={t.unassigned}
              value={<Text span inherit c={d.unassignedMembers ? 'orange.8' : 'green.8'}>{fmtInt(d.unassignedMembers)}</Text>}
              detail={<Anchor href={href('/volunteer/posts', { unassigned: 1, org: orgId })} size="xs">{t.unassignedLink}</Anchor>}
            />
            <StatCard label={t.hours(d.year)} value={tenthsText(d.thisYear.hours)} />
            <StatCard label={t.earned(d.year)} value={tenthsText(d.thisYear.earned)} detail={t.redeemed(tenthsText(-d.thisYear.redeemed))} />
          </SimpleGrid>
          <Grid gap="sm">
            <Grid.Col span={6}>
              <Panel title={t.hoursChart}>
                <PeriodChart title={t.hoursChart} caption={monthSpan(d.months.map((m) => m.month))} points={monthPoints(d.months)} series={[{ key: 'hours', label: t.hoursChart, color: 'gray.6' }]} valueText={tenthsText} />
              </Panel>
            </Grid.Col>
            <Grid.Col span={6}>
              <Panel title={t.pointsChart}>
                <PeriodChart title={t.pointsChart} caption={monthSpan(d.months.map((m) => m.month))} points={monthPoints(d.months)} series={[{ key: 'earned', label: t.pointsChart, color: 'partyRed.6' }]} valueText={tenthsText} />
              </Panel>
            </Grid.Col>
            <Grid.Col span={6}>
              <Panel title={t.top(d.year)} action={<Anchor href={href('/volunteer/ranking', { org: orgId })} size="sm" c="dark.6" underline="always">{vol.nav.ranking}</Anchor>}>
                <LinkList
                  empty={t.noTop}
                  items={d.top.map((r) => ({
                    key: r.volunteerId,
                    href: href('/volunteer/people', { volunteer: r.volunteerId }),
                    label: `${r.rank}. ${r.name} · ${r.orgName}`,
                    detail: vol.common.points(tenthsText(r.earned)),
                  }))}
                />
              </Panel>
            </Grid.Col>
            <Grid.Col span={6}>
              <Panel title={t.upcoming}>
                <LinkList
                  empty={t.noUpcoming}
                  items={d.upcoming.map((a) => ({
                    key: a.id,
                    href: href('/volunteer/activities', { activity: a.id }),
                    label: `${a.onDate} ${a.title}`,
                    detail: t.upcomingDetail(a.organiserName, a.signedUp),
                  }))}
                />
              </Panel>
            </Grid.Col>
          </Grid>
        </>
      )}
    </Stack>
  );
}

/** Twelve months as chart points, labelled 「3月」 (values stay tenths; `tenthsText` reads them). */
function monthPoints(months: readonly MonthFigure[]) {
  return months.map((m) => ({ period: monthLabel(m.month), hours: m.hours, earned: m.earned }));
}
