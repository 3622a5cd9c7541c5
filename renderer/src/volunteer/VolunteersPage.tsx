import { Badge, Box, Button, Group, Paper, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { volunteerKinds } from '../../../main/api/volunteer/labels';
import { tenthsText } from '../../../main/api/volunteer/tenths';
import { useApiQuery } from '../api/queries';
import { setParams, useRoute } from '../app/router';
import { EmptyState } from '../components/EmptyState';
import { VirtualTable, type Column } from '../components/VirtualTable';
import { vol } from '../i18n/volunteer';
import { zh } from '../i18n/zh-CN';
import { UnitSelect } from '../components/UnitSelect';
import { VolunteerDrawer } from './people/VolunteerDrawer';
import { VolunteerForm, type VolunteerFormMode } from './people/VolunteerForm';
import type { VolunteerListView } from './types';

const p = vol.people;
const c = p.columns;
const UNITS = ['community_committee', 'branch', 'group'] as const;
const num = (v: string) => <Text size="sm" span className="num">{v}</Text>;

const columns: Column<VolunteerListView>[] = [
  {
    key: 'name', title: c.name, width: 'minmax(110px, 1fr)', sortKey: 'pinyin',
    render: (r) => (
      <Group gap={4} wrap="nowrap">
        <Text size="sm" truncate>{r.name}</Text>
        {r.linkable && <Badge size="xs" color="orange" variant="light">{p.linkable}</Badge>}
      </Group>
    ),
  },
  { key: 'kind', title: c.kind, width: 90, render: (r) => volunteerKinds[r.kind] },
  // At least the width of a long unit name (润泽小区4号楼党小组), so a label holds in two lines.
  { key: 'org', title: c.org, width: 'minmax(160px, 1.2fr)', wrap: true, render: (r) => r.orgName },
  { key: 'post', title: c.post, width: 120, render: (r) => r.postName ?? <Text size="sm" c="dimmed" span>{p.noPost}</Text> },
  { key: 'team', title: c.team, width: 'minmax(90px, 1fr)', render: (r) => r.team ?? '' },
  { key: 'skills', title: c.skills, width: 'minmax(90px, 1fr)', render: (r) => r.skills ?? '' },
  { key: 'phone', title: c.phone, width: 104, render: (r) => num(r.phoneMasked) },
  { key: 'registered', title: c.registeredOn, width: 92, sortKey: 'registered', render: (r) => num(r.registeredOn) },
  { key: 'points', title: c.points, width: 76, align: 'right', render: (r) => num(tenthsText(r.yearEarned)) },
  { key: 'hours', title: c.hours, width: 76, align: 'right', render: (r) => num(tenthsText(r.yearHours)) },
];

/** 志愿者名册: residents and member volunteers, filtered in SQL; the record opens in a drawer kept in the address. */
export function VolunteersPage() {
  const route = useRoute();
  const q = route.params;
  const set = (changes: Record<string, string | null>) => setParams(route, changes);
  const [text, setText] = useState(q.get('q') ?? '');
  const commit = useDebouncedCallback((v: string) => set({ q: v.trim() || null }), 250);
  const [total, setTotal] = useState<number | null>(null);
  const [form, setForm] = useState<VolunteerFormMode | null>(null);
  const posts = useApiQuery('volunteer.listPosts', {});
  const kind = q.get('kind');
  const input = {
    orgId: q.get('org'),
    kind: kind === 'member' || kind === 'resident' ? (kind as 'member' | 'resident') : null,
    postId: q.get('post'),
    active: q.get('inactive') ? false : true,
    q: q.get('q') ?? '',
    sort: q.get('sort') === 'registered' ? ('registered' as const) : ('pinyin' as const),
  };
  const filtered = !!(input.orgId || input.kind || input.postId || input.q || !input.active);
  const postOptions = [{ value: 'none', label: p.noPost }, ...(posts.data ?? []).map((x) => ({ value: x.id, label: x.orgName ? `${x.name}（${x.orgName}）` : x.name }))];
  const addButtons = (
    <Group gap="xs" wrap="nowrap">
      <Button leftSection={<IconUserPlus size={16} />} onClick={() => setForm({ kind: 'resident' })}>{p.addResident}</Button>
      <Button variant="default" leftSection={<IconUsers size={16} />} onClick={() => setForm({ kind: 'member' })}>{p.addMember}</Button>
    </Group>
  );

  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" align="baseline">
          <Title order={3}>{p.title}</Title>
          {total !== null && <Text size="sm" c="dimmed" data-testid="volunteer-count">{zh.common.people(total)}</Text>}
        </Group>
        {addButtons}
      </Group>
      <Group gap="xs">
        <TextInput
          aria-label={p.search}
          placeholder={p.search}
          leftSection={<IconSearch size={16} />}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            commit(e.currentTarget.value);
          }}
          w={200}
        />
        <UnitSelect value={input.orgId} onChange={(v) => set({ org: v })} levels={[...UNITS]} placeholder={vol.common.unitScope} clearable w={240} />
        <SegmentedControl
          aria-label={p.kind}
          value={input.kind ?? 'all'}
          onChange={(v) => set({ kind: v === 'all' ? null : v })}
          data={[{ value: 'all', label: zh.common.all }, { value: 'member', label: volunteerKinds.member }, { value: 'resident', label: volunteerKinds.resident }]}
        />
        <Select aria-label={p.post} placeholder={p.post} data={postOptions} value={input.postId} onChange={(v) => set({ post: v })} clearable searchable w={170} />
        <SegmentedControl
          aria-label={p.activeOnly}
          value={input.active ? 'active' : 'inactive'}
          onChange={(v) => set({ inactive: v === 'inactive' ? '1' : null })}
          data={[{ value: 'active', label: p.activeOnly }, { value: 'inactive', label: p.inactive }]}
        />
      </Group>
      <Paper withBorder style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
        <Box style={{ flex: 1, minHeight: 0 }}>
          <VirtualTable
            channel="volunteer.listVolunteers"
            input={input}
            columns={columns}
            sort={input.sort}
            onSort={(sort) => set({ sort: sort === 'pinyin' ? null : sort })}
            rowKey={(r) => r.id}
            onRowClick={(r) => set({ volunteer: r.id })}
            onTotal={setTotal}
            empty={filtered ? <EmptyState title={p.noMatch} /> : <EmptyState title={p.empty} hint={p.emptyHint} actions={addButtons} />}
          />
        </Box>
      </Paper>
      <VolunteerDrawer
        volunteerId={q.get('volunteer')}
        opened={!!q.get('volunteer') && !form}
        onClose={() => set({ volunteer: null })}
        onEdit={(v) => setForm({ kind: 'edit', volunteer: v })}
      />
      {form && <VolunteerForm mode={form} onClose={() => setForm(null)} onSaved={(id) => set({ volunteer: id })} />}
    </Stack>
  );
}
