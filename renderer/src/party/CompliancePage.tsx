import { Checkbox, Group, Paper, ScrollArea, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { meetingRules, quarterRange, type ComplianceSlot } from '../../../main/api/party/compliance';
import { todayIso } from '../../../main/api/common/calendar';
import { meetingTypes } from '../../../main/api/party/labels';
import { callApi, useApiQuery } from '../api/queries';
import { navigate, setParams, useRoute } from '../app/router';
import { EmptyState } from '../components/EmptyState';
import { PageFooter, routePage } from '../components/PageFooter';
import { pm } from '../i18n/party-meetings';
import { dateInPeriod, monthEnd } from './meetings/meetingDraft';
import { SlotBadge } from './meetings/SlotBadge';
import { UnitSelect } from '../components/UnitSelect';
import type { ComplianceRow, MeetingType } from './meetings/types';

const c = pm.compliance;
const today = () => todayIso();
const currentQuarter = () => Math.floor((Number(today().slice(5, 7)) - 1) / 3) + 1;
const thisYear = () => Number(today().slice(0, 4));
/** Branches a page: the whole district is hundreds, each row a dozen badges; SQL pages it (party.getCompliance). */
const PAGE = 50;

/**
 * 三会一课 落实情况: for a quarter, which branch has held which required meeting, the ones behind first (or by
 * name), a page at a time, optionally only those behind.
 */
export function CompliancePage() {
  const route = useRoute();
  const year = Number(route.params.get('year')) || thisYear();
  const quarter = Number(route.params.get('q')) || currentQuarter();
  const orgId = route.params.get('org');
  const onlyBehind = route.params.get('behind') === '1';
  const order = route.params.get('order') === 'name' ? 'name' : 'behind';
  const page = routePage(route);
  const report = useApiQuery('party.getCompliance', { year, quarter, orgId, onlyBehind, order, offset: (page - 1) * PAGE, limit: PAGE });
  // Any other filter starts again at the first page.
  const refilter = (params: Record<string, string | null>) => setParams(route, { ...params, page: null });
  const isCurrent = year === thisYear() && quarter === currentQuarter();
  const { months } = quarterRange(year, quarter);

  const monthsOf = (period: string) => (period.includes('Q') ? months : [period]);
  const open = async (row: ComplianceRow, type: MeetingType, slot: ComplianceSlot) => {
    const ms = monthsOf(slot.period);
    if (slot.state === 'held') {
      return navigate('/party/meetings', { org: row.orgId, type, from: `${ms[0]}-01`, to: monthEnd(ms[ms.length - 1]!) });
    }
    // Group meetings are held by a 党小组: with a single group it is obvious which one, otherwise the clerk picks.
    const groups = type === 'group' ? (await callApi('party.orgChildren', { parentId: row.orgId })).filter((o) => o.level === 'group') : [];
    const unit = type === 'group' ? (groups.length === 1 ? groups[0]!.id : null) : row.orgId;
    navigate('/party/meetings', { new: 1, newOrg: unit, newType: type, newDate: dateInPeriod(ms) });
  };
  const clickable = (slot: ComplianceSlot) => slot.state !== 'pending' || monthsOf(slot.period)[0]! <= today().slice(0, 7);

  const years = Array.from({ length: 6 }, (_, i) => String(thisYear() - i));
  const rows = report.data?.rows ?? [];
  const total = report.data?.total ?? 0;

  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <Group justify="space-between" wrap="nowrap">
        <Title order={3}>{c.title}</Title>
        <Group gap="sm" wrap="nowrap">
          <Select aria-label={c.year} data={years} value={String(year)} w={100} onChange={(y) => refilter({ year: y })} />
          <SegmentedControl value={String(quarter)} onChange={(q) => refilter({ q })} aria-label={c.quarter}
            data={c.quarters.map((label, i) => ({ value: String(i + 1), label }))} />
          <UnitSelect levels={['community_committee', 'branch']} value={orgId} onChange={(org) => refilter({ org })}
            placeholder={pm.unit.scopePlaceholder} clearable w={260} />
        </Group>
      </Group>
      <Group justify="space-between">
        <Group gap="md">
          <Checkbox label={c.onlyBehind} checked={onlyBehind} onChange={(e) => refilter({ behind: e.currentTarget.checked ? '1' : null })} />
          <SegmentedControl size="xs" aria-label={c.order} value={order} onChange={(o) => refilter({ order: o === 'name' ? 'name' : null })}
            data={(['behind', 'name'] as const).map((value) => ({ value, label: c.orders[value] }))} />
        </Group>
        <Text size="xs" c="dimmed">{c.legend}</Text>
      </Group>
      {report.data && (
        <Text fw={600} data-testid="compliance-summary">{c.summary(report.data.branches, report.data.behind, isCurrent)}</Text>
      )}
      {report.isError && <Text c="red">{report.error.message}</Text>}
      {report.data && total === 0 ? (
        onlyBehind && report.data.branches > 0 ? <EmptyState title={c.noneBehind} /> : <EmptyState title={c.empty} hint={c.emptyHint} />
      ) : (
        <Paper withBorder style={{ flex: 1, minHeight: 0 }}>
          <ScrollArea h="100%">
            <Table stickyHeader striped highlightOnHover verticalSpacing={6} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{c.branch}</Table.Th>
                  {meetingRules.map((r) => <Table.Th key={r.type}>{meetingTypes[r.type]}</Table.Th>)}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.orgId} data-testid={`compliance-${row.name}`}>
                    <Table.Td>
                      <Text size="sm" fw={600}>{row.name}</Text>
                      {row.parentName && <Text size="xs" c="dimmed">{row.parentName}</Text>}
                    </Table.Td>
                    {meetingRules.map((rule) => {
                      const item = row.items.find((i) => i.type === rule.type);
                      return (
                        <Table.Td key={rule.type} data-type={rule.type}>
                          {item ? (
                            <Group gap={4} wrap="nowrap">
                              {item.slots.map((slot) => (
                                <SlotBadge key={slot.period} slot={slot} groups={rule.type === 'group' ? row.groups : undefined}
                                  onClick={clickable(slot) ? () => void open(row, rule.type, slot) : undefined} />
                              ))}
                            </Group>
                          ) : (
                            <Text size="sm" c="dimmed" title={rule.type === 'group' ? c.noGroups : undefined}>{c.notRequired}</Text>
                          )}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Paper>
      )}
      <PageFooter route={route} page={page} size={PAGE} total={total} />
    </Stack>
  );
}
