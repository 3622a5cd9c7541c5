import { Grid, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useApiQuery } from '../api/queries';
import { href } from '../app/router';
import { monthLabel, monthSpan } from '../components/charts/months';
import { PeriodChart } from '../components/charts/PeriodChart';
import { LinkList, Panel, StatCard } from '../components/DashboardCards';
import { EmptyState } from '../components/EmptyState';
import { fmtInt, fmtMoney, fmtWan } from '../components/format';
import { elev } from '../i18n/elevator';
import { fundOverview } from '../i18n/fund-overview';
import { monthWords } from './common/months';
import { useFundTodos } from './fundTodos';
import type { Out } from './types';

const o = fundOverview;

/** This year's entrapments: how many, the medians from the alarm to arrival and to release, and the share on time. */
function RescueTimes({ r }: { r: Out<'elevator.getEntrapmentTimes'> }) {
  const w = o.rescue;
  const late = r.withinPermille !== null && r.withinPermille < 1000;
  return (
    <Panel title={w.title(r.from.slice(0, 4))}>
      <SimpleGrid cols={4} spacing="sm">
        <StatCard label={w.count} value={fmtInt(r.entrapments)} detail={<a href={href('/elevator/faults')}>{w.countDetail}</a>} />
        <StatCard label={w.arrival} value={w.minutes(r.medianArrivalTenths)} detail={w.fromAlarm} />
        <StatCard label={w.release} value={w.minutes(r.medianReleaseTenths)} detail={w.fromAlarm} />
        <StatCard label={w.within(r.limitMinutes)} value={<Text span inherit c={late ? 'orange.8' : undefined}>{w.share(r.withinPermille)}</Text>}
          detail={w.withinDetail(r.withinLimit, r.entrapments)} />
      </SimpleGrid>
    </Panel>
  );
}

/**
 * 基金概览: what the fund holds across accounts, twelve months of income and expense, the elevators behind on
 * maintenance or inspection, this year's entrapments with their response times, and every account's standing — the
 * same figures the lists and 今日待办 give.
 */
export function OverviewPage() {
  const accounts = useApiQuery('fund.listAccounts', { status: 'active' });
  const months = useApiQuery('fund.getMonthlyTotals', {});
  const elevators = useApiQuery('elevator.getTodos', {});
  const rescues = useApiQuery('elevator.getEntrapmentTimes', {});
  const todos = useFundTodos().flatMap((s) => s.items);
  const list = accounts.data ?? [];
  const sum = (f: (a: (typeof list)[number]) => number) => list.reduce((n, a) => n + f(a), 0);
  const behind = list.filter((a) => a.disclosure.overdue || a.reconciliation.overdue).length;
  const e = elevators.data;
  const points = (months.data ?? []).map((m) => ({ period: monthLabel(m.month), income: m.income, expense: m.expense }));

  return (
    <Stack gap="sm">
      <Title order={3}>{o.title}</Title>
      {accounts.data?.length === 0 ? <EmptyState title={o.empty} hint={o.emptyHint} /> : (
        <>
          <SimpleGrid cols={4} spacing="sm">
            <StatCard label={o.accounts} value={fmtInt(list.length)} detail={o.accountsDetail(list.length)} />
            <StatCard label={o.balance} value={fmtMoney(sum((a) => a.balance))} />
            <StatCard label={o.available} value={fmtMoney(sum((a) => a.available))} detail={o.availableDetail(fmtMoney(sum((a) => a.balance - a.available)))} />
            <StatCard label={o.behind} value={<Text span inherit c={behind ? 'orange.8' : 'green.8'}>{fmtInt(behind)}</Text>} detail={o.behindDetail} />
          </SimpleGrid>
          <Grid gap="sm">
            <Grid.Col span={7}>
              <Panel title={o.chart}>
                <PeriodChart title={o.chart} caption={monthSpan((months.data ?? []).map((m) => m.month))} points={points} kind="bar" valueText={fmtWan}
                  series={[{ key: 'income', label: o.income, color: 'gray.6' }, { key: 'expense', label: o.expense, color: 'partyRed.6' }]} />
              </Panel>
            </Grid.Col>
            <Grid.Col span={5}>
              <Panel title={o.todos}>
                <LinkList empty={o.noTodos} items={[
                  ...(e && e.maintenanceOverdue > 0 ? [{ key: 'm', href: href('/elevator/register', { warning: 'maintenance_overdue' }), label: elev.home.overdue(e.maintenanceOverdue) }] : []),
                  ...(e && e.inspectionDue > 0 ? [{ key: 'i', href: href('/elevator/register', { warning: 'inspection_due' }), label: elev.home.inspection(e.inspectionDue, e.inspectionWarnDays) }] : []),
                  ...(e && e.slowRescues > 0 ? [{ key: 's', href: href('/elevator/faults', { slow: '1' }), label: elev.home.slow(e.slowRescues, e.limitMinutes) }] : []),
                  ...todos.slice(0, 8).map((t, i) => ({ key: `${i}:${t.key}`, href: t.href, label: t.label })),
                ]} />
              </Panel>
            </Grid.Col>
          </Grid>
          {rescues.data && <RescueTimes r={rescues.data} />}
          <Panel title={o.table}>
            <Table fz="sm" verticalSpacing={4} highlightOnHover aria-label={o.table}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{o.columns.name}</Table.Th>
                  <Table.Th>{o.columns.community}</Table.Th>
                  <Table.Th className="num">{o.columns.balance}</Table.Th>
                  <Table.Th className="num">{o.columns.available}</Table.Th>
                  <Table.Th>{o.columns.disclosure}</Table.Th>
                  <Table.Th>{o.columns.reconciliation}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td><a href={href('/fund/journal', { account: a.id })}>{a.name}</a></Table.Td>
                    <Table.Td>{a.communityName}</Table.Td>
                    <Table.Td className="num">{fmtMoney(a.balance)}</Table.Td>
                    <Table.Td className="num">{fmtMoney(a.available)}</Table.Td>
                    <Table.Td c={a.disclosure.overdue ? 'red' : undefined}>{a.disclosure.overdue ? o.overdue : o.onTime(a.disclosure.dueBy)}</Table.Td>
                    <Table.Td c={a.reconciliation.overdue ? 'red' : undefined}>
                      <a href={href('/fund/reconcile', { account: a.id, month: a.reconciliation.next })}>
                        {monthWords(a.reconciliation.next)} · {a.reconciliation.overdue ? o.overdue : o.onTime(a.reconciliation.dueBy)}
                      </a>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Panel>
        </>
      )}
    </Stack>
  );
}
