import { Button, ScrollArea, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { volunteerKinds } from '../../../../main/api/volunteer/labels';
import { tenthsText } from '../../../../main/api/volunteer/tenths';
import { useApiQuery } from '../../api/queries';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { vp } from '../../i18n/volunteer-points';
import type { RankRow } from '../types';

const c = vp.ranking.columns;
const num = (v: number) => <Text size="sm" span className="num">{tenthsText(v)}</Text>;

/** People ranked by points earned in the period, paged from SQL (a district has 30,000). */
export function PersonRanking(props: { year: number; quarter: number; orgId: string | null; onAward: (r: RankRow) => void; empty: ReactNode }) {
  const columns: Column<RankRow>[] = [
    { key: 'rank', title: c.rank, width: 56, align: 'right', render: (r) => <Text size="sm" span fw={r.rank <= 3 ? 700 : undefined} className="num">{r.rank}</Text> },
    { key: 'name', title: c.name, width: 90, render: (r) => r.name },
    { key: 'kind', title: c.kind, width: 84, render: (r) => <Text size="sm" span c="dimmed">{volunteerKinds[r.kind]}</Text> },
    { key: 'org', title: c.org, width: 'minmax(120px, 1fr)', render: (r) => r.orgName },
    { key: 'base', title: c.base, width: 64, align: 'right', render: (r) => num(r.base) },
    { key: 'service', title: c.service, width: 64, align: 'right', render: (r) => num(r.service) },
    { key: 'contribution', title: c.contribution, width: 64, align: 'right', render: (r) => num(r.contribution) },
    { key: 'earned', title: c.earned, width: 72, align: 'right', render: (r) => <Text size="sm" span fw={700} className="num">{tenthsText(r.earned)}</Text> },
    { key: 'hours', title: c.hours, width: 64, align: 'right', render: (r) => num(r.hours) },
    { key: 'action', title: c.action, width: 72, render: (r) => <Button size="compact-xs" variant="subtle" onClick={() => props.onAward(r)} aria-label={`${vp.ranking.award} ${r.name}`}>{vp.ranking.award}</Button> },
  ];
  return (
    <VirtualTable
      channel="volunteer.ranking"
      input={{ year: props.year, quarter: props.quarter, orgId: props.orgId }}
      columns={columns}
      rowKey={(r) => r.volunteerId}
      empty={props.empty}
    />
  );
}

/** Branches or communities ranked by the points earned in their units over the period. */
export function UnitRanking(props: { year: number; quarter: number; level: 'branch' | 'community_committee'; orgId: string | null; empty: ReactNode }) {
  const rows = useApiQuery('volunteer.unitRanking', { year: props.year, quarter: props.quarter, level: props.level, orgId: props.orgId });
  if (!rows.data) return null;
  if (rows.data.every((r) => r.earned === 0)) return <>{props.empty}</>;
  return (
    <ScrollArea h="100%">
      <Table striped fz="sm" verticalSpacing={4} stickyHeader>
        <Table.Thead>
          <Table.Tr>
            {[c.rank, c.unit, c.parent, c.base, c.service, c.contribution, c.earned, c.hours].map((h, i) => <Table.Th key={h} ta={i > 2 || i === 0 ? 'right' : undefined}>{h}</Table.Th>)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.data.map((r) => (
            <Table.Tr key={r.orgId}>
              <Table.Td ta="right" className="num">{r.rank}</Table.Td>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td c="dimmed">{r.parentName}</Table.Td>
              {[r.base, r.service, r.contribution].map((v, i) => <Table.Td key={i} ta="right">{num(v)}</Table.Td>)}
              <Table.Td ta="right"><Text size="sm" span fw={700} className="num">{tenthsText(r.earned)}</Text></Table.Td>
              <Table.Td ta="right">{num(r.hours)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
