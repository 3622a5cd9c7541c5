import { Box, Button, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { IconFileImport, IconTransferIn, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { href, setParams, useRoute } from '../app/router';
import { EmptyState } from '../components/EmptyState';
import { imp } from '../i18n/import';
import { reg } from '../i18n/party-register';
import { zh } from '../i18n/zh-CN';
import { MemberDrawer } from './members/MemberDrawer';
import { MemberFilters } from './members/MemberFilters';
import { MemberForm } from './members/MemberForm';
import { defaultOrg, type MemberFormMode } from './members/memberFormModel';
import { clearedFilters, filtersFrom, isFiltered, param } from './members/memberParams';
import { MemberTable } from './members/MemberTable';
import { OrgTree } from './OrgTree';
import { useOrg } from '../components/UnitSelect';

const m = reg.members;

/**
 * 党员名册: the organisation tree filters the list to a subtree, the table pages from SQL, the record opens in a
 * drawer. Selection, filters and the open record live in the address, so going to a record and back keeps them.
 */
export function MembersPage() {
  const route = useRoute();
  const filters = filtersFrom(route.params);
  const memberId = route.params.get('member');
  const set = (changes: Record<string, string | null>) => setParams(route, changes);
  const [form, setForm] = useState<MemberFormMode | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const orgId = filters.orgId;
  const { org } = useOrg(orgId);
  const add = (kind: 'create' | 'transfer') => () => setForm({ kind, orgId: defaultOrg(org) });
  const addButtons = (
    <Group gap="xs" wrap="nowrap">
      <Button leftSection={<IconUserPlus size={16} />} onClick={add('create')}>{m.add}</Button>
      <Button variant="default" leftSection={<IconTransferIn size={16} />} onClick={add('transfer')}>{m.transferIn}</Button>
      <Button variant="default" leftSection={<IconFileImport size={16} />} component="a" href={href('/import', { register: 'party.members' })}>{imp.importRoster}</Button>
    </Group>
  );

  const empty = isFiltered(filters) ? (
    <EmptyState title={m.noMatch} hint={m.noMatchHint} actions={<Button variant="default" onClick={() => set(clearedFilters)}>{m.clearFilters}</Button>} />
  ) : (
    <EmptyState title={m.empty} hint={m.emptyHint} actions={addButtons} />
  );

  return (
    <Group align="stretch" gap="md" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
      <Paper withBorder w={220} style={{ display: 'flex', flexDirection: 'column', flexShrink: 0 }} component="nav" aria-label={m.treeTitle}>
        <Group justify="space-between" px="sm" py={4} mih={36} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }} wrap="nowrap">
          <Text fw={600} size="sm">{m.treeTitle}</Text>
          {orgId && <Button size="compact-xs" variant="subtle" onClick={() => set({ [param.orgId]: null })}>{m.allOrgs}</Button>}
        </Group>
        <ScrollArea style={{ flex: 1 }} p={4}>
          <OrgTree selectedId={orgId} onSelect={(id) => set({ [param.orgId]: id })} />
        </ScrollArea>
      </Paper>

      <Stack gap="sm" style={{ flex: 1, minWidth: 0 }}>
        <Group justify="space-between" wrap="nowrap">
          <Group gap="sm" align="baseline" wrap="nowrap">
            <Title order={3}>{m.title}</Title>
            {total !== null && <Text c="dimmed" size="sm" data-testid="member-count">{zh.common.people(total)}</Text>}
          </Group>
          {addButtons}
        </Group>
        <MemberFilters filters={filters} onChange={set} />
        <Paper withBorder style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
          <Box style={{ flex: 1, minHeight: 0 }}>
            <MemberTable
              filters={filters}
              onOpen={(id) => set({ member: id })}
              onSort={(sort) => set({ [param.sort]: sort === 'pinyin' ? null : sort })}
              onTotal={setTotal}
              empty={empty}
            />
          </Box>
        </Paper>
      </Stack>

      <MemberDrawer
        memberId={memberId}
        opened={!!memberId && !form}
        onClose={() => set({ member: null })}
        onEdit={(member) => setForm({ kind: 'edit', member })}
      />
      {form && <MemberForm mode={form} onClose={() => setForm(null)} onSaved={(id) => set({ member: id })} />}
    </Group>
  );
}
