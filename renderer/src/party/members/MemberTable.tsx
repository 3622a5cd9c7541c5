import { Group, Text, Tooltip } from '@mantine/core';
import { IconHome2 } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { genders, lifecycles, memberCategories, memberRoles, memberStatuses } from '../../../../main/api/party/labels';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { reg } from '../../i18n/party-register';
import type { MemberListView } from '../types';
import type { MemberFilters } from './memberParams';

const f = reg.form;
const m = reg.members;
const text = (v: ReactNode, dimmed = false) => <Text size="sm" span c={dimmed ? 'dimmed' : undefined} truncate>{v}</Text>;
const digits = (v: string) => <Text size="sm" span style={{ fontVariantNumeric: 'tabular-nums' }}>{v}</Text>;

// Widths sized so the ten columns fit beside the tree at 1366×768 without a horizontal scroll; the rest goes to
// 所在组织, whose labels (友谊社区 › 锦华小区5号楼党小组) take two lines of up to 140 px. The digits' columns keep
// room for a wider font than the bundled one (Microsoft YaHei, a fallback).
const columns: Column<MemberListView>[] = [
  {
    key: 'name',
    title: f.name,
    width: 80,
    sortKey: 'pinyin',
    render: (r) => (
      <Group gap={4} wrap="nowrap">
        {text(r.name)}
        {r.isCentreHousehold && (
          <Tooltip label={reg.members.centreMark}><IconHome2 size={14} color="var(--mantine-color-partyRed-6)" aria-label={reg.members.centreMark} /></Tooltip>
        )}
      </Group>
    ),
  },
  { key: 'gender', title: f.gender, width: 44, render: (r) => text(genders[r.gender]) },
  { key: 'birth', title: f.birthDate, width: 84, render: (r) => text(r.birthDate ?? '') },
  { key: 'id', title: f.idNumber, width: 150, render: (r) => digits(r.idNumberMasked) },
  { key: 'phone', title: f.phone, width: 100, render: (r) => digits(r.phoneMasked) },
  { key: 'category', title: m.category, width: 68, render: (r) => text(memberCategories[r.category]) },
  {
    key: 'status',
    title: m.status,
    width: 68,
    // A member who has left shows where they went instead of a party status that no longer applies here.
    render: (r) => (r.lifecycle === 'active' ? text(memberStatuses[r.status]) : text(lifecycles[r.lifecycle], true)),
  },
  { key: 'role', title: m.role, width: 68, render: (r) => text(r.role ? memberRoles[r.role] : '') },
  { key: 'org', title: f.orgId, width: 'minmax(150px, 1fr)', wrap: true, render: (r) => r.orgName },
  { key: 'joined', title: f.joinedOn, width: 86, sortKey: 'joined', render: (r) => text(r.joinedOn) },
];

export function MemberTable(props: {
  filters: MemberFilters;
  onOpen: (id: string) => void;
  onSort: (sort: string) => void;
  onTotal: (n: number) => void;
  empty: ReactNode;
}) {
  return (
    <VirtualTable
      channel="party.listMembers"
      input={props.filters}
      columns={columns}
      rowKey={(r) => r.id}
      onRowClick={(r) => props.onOpen(r.id)}
      sort={props.filters.sort}
      onSort={props.onSort}
      onTotal={props.onTotal}
      empty={props.empty}
    />
  );
}
