import { Anchor, Center, Grid, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useApiQuery } from '../api/queries';
import { href, setParams, useRoute } from '../app/router';
import { fmtInt } from '../components/format';
import { pm } from '../i18n/party-meetings';
import { ConsolidatedHint } from '../components/ConsolidatedHint';
import { LinkList, Panel, StatCard } from '../components/DashboardCards';
import { UnitSelect } from '../components/UnitSelect';
import { DashboardTrends } from './DashboardTrends';
import { BranchBars } from './meetings/BranchBars';
import { splitProbation } from './meetings/probation';
import { todayIso } from '../../../main/api/common/calendar';
import { PROBATION_NOTICE_DAYS } from '../../../main/api/party/rules';

const t = pm.dashboard;

/**
 * The party overview of the whole register or the unit chosen: the register in figures and over time, organisational
 * life quarter by quarter, and what is due (probation overdue or ending, meetings missing, resolutions late).
 */
export function PartyDashboardPage() {
  const route = useRoute();
  const orgId = route.params.get('org');
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>{t.title}</Title>
        <UnitSelect value={orgId} onChange={(v) => setParams(route, { org: v })} levels={['community_committee', 'branch']}
          placeholder={pm.unit.scopePlaceholder} clearable w={260} />
      </Group>
      <DashboardFigures orgId={orgId} />
    </Stack>
  );
}

function DashboardFigures({ orgId }: { orgId: string | null }) {
  const dash = useApiQuery('party.getDashboard', { orgId });
  if (dash.isPending) return <Center py="xl"><Loader size="sm" /></Center>;
  if (dash.isError) return <Text c="red">{dash.error.message}</Text>;
  const { stats, probationDue, compliance, overdueResolutions } = dash.data;
  const probation = splitProbation(probationDue, todayIso());
  const linked = ({ memberId, ...m }: (typeof probation.coming)[number]) => ({ ...m, href: href('/party/members', { member: memberId }) });

  return (
    <>
      <ConsolidatedHint empty={!orgId && stats.active === 0} />
      <SimpleGrid cols={5} spacing="sm">
        <StatCard label={t.active} value={fmtInt(stats.active)} />
        <StatCard label={`${t.full} / ${t.probationary}`} value={`${fmtInt(stats.byStatus.full)} / ${fmtInt(stats.byStatus.probationary)}`} />
        <StatCard
          label={`${t.community} / ${t.inService} / ${t.migrant}`}
          value={`${fmtInt(stats.byCategory.community)} / ${fmtInt(stats.byCategory.in_service)} / ${fmtInt(stats.byCategory.migrant)}`}
        />
        <StatCard label={t.centre} value={fmtInt(stats.centreHouseholds)} />
        <StatCard label={t.transferredOut} value={fmtInt(stats.transferredOutThisYear)} />
      </SimpleGrid>
      <DashboardTrends orgId={orgId} />
      <Grid gap="sm">
        <Grid.Col span={7}>
          <Panel title={t.byBranch}>
            <BranchBars rows={stats.byBranch} />
          </Panel>
        </Grid.Col>
        <Grid.Col span={5}>
          <Stack gap="sm">
            <Panel title={t.compliance(compliance.year, compliance.quarter)} action={<Anchor href={href('/party/compliance', { org: orgId })} size="sm" c="dark.6" underline="always">{t.toCompliance}</Anchor>}>
              <Group gap="sm" wrap="nowrap" align="baseline">
                <Text fz={26} fw={700} className="num" c={compliance.behind ? 'orange.8' : 'green.8'}>
                  {fmtInt(compliance.behind)}
                </Text>
                <Text size="sm">{t.complianceBody(compliance.branches, compliance.behind)}</Text>
              </Group>
            </Panel>
            <Panel title={t.probationDue}>
              <Text size="xs" c="dimmed" mb={4}>{t.probationDueHint}</Text>
              <Text size="sm" fw={600} c={probation.overdue.length ? 'red.8' : undefined}>{t.probationOverdue}</Text>
              <LinkList empty={t.noneProbationOverdue} items={probation.overdue.slice(0, 4).map(linked)} />
              <Text size="sm" fw={600} mt={6}>{t.probationComing(PROBATION_NOTICE_DAYS)}</Text>
              <LinkList empty={t.noneDue(PROBATION_NOTICE_DAYS)} items={probation.coming.slice(0, 4).map(linked)} />
            </Panel>
          </Stack>
        </Grid.Col>
      </Grid>
      <Panel title={t.overdue}>
        <LinkList
          empty={t.noneOverdue}
          items={overdueResolutions.slice(0, 6).map((r) => ({
            key: r.id,
            href: href('/party/meetings', { meeting: r.meetingId }),
            label: r.content,
            detail: t.overdueItem(r.orgName, r.dueOn ?? ''),
          }))}
        />
      </Panel>
    </>
  );
}
