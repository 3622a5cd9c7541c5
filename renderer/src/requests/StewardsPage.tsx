import { Badge, Button, Group, Select, Table, Text } from '@mantine/core';
import { IconPlus, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useApiQuery } from '../api/queries';
import { setParams, useRoute } from '../app/router';
import { EmptyState } from '../components/EmptyState';
import { ListPage } from '../components/ListPage';
import { rq } from '../i18n/requests';
import { CardsModal } from './stewards/CardsModal';
import { StewardDrawer } from './stewards/StewardDrawer';
import type { StewardView } from './types';
import { usePlaceOptions } from './usePlaceOptions';

const l = rq.stewards;

/** 红色小管家: the members who look after buildings, by community; each building's card printed from here. */
export function StewardsPage() {
  const route = useRoute();
  const communityId = route.params.get('community');
  const places = usePlaceOptions();
  const stewards = useApiQuery('requests.listStewards', { communityId });
  const [editing, setEditing] = useState<StewardView | 'new' | null>(null);
  const [printing, setPrinting] = useState<string[] | null>(null);
  const rows = stewards.data ?? [];
  const add = <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>{l.add}</Button>;
  return (
    <ListPage title={l.title} count={stewards.data ? l.count(rows.length) : null}
      actions={<Group gap="xs"><Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => setPrinting([])}>{l.print}</Button>{add}</Group>}
      filters={<Select aria-label={l.community} placeholder={l.communityPlaceholder} data={places.communities} value={communityId} clearable w={180}
        onChange={(v) => setParams(route, { community: v })} />}>
      {stewards.data && rows.length === 0 ? (
        <EmptyState title={l.empty} hint={l.emptyHint} actions={<Button onClick={() => setEditing('new')}>{l.add}</Button>} />
      ) : (
        <Table highlightOnHover striped>
          <Table.Thead>
            <Table.Tr>{Object.values(l.columns).map((c) => <Table.Th key={c}>{c}</Table.Th>)}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((s) => (
              <Table.Tr key={s.id} onClick={() => setEditing(s)} style={{ cursor: 'pointer' }} tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && setEditing(s)}>
                <Table.Td>{s.name}{!s.active && <Badge ml={6} size="sm" color="gray" radius="sm">{l.left}</Badge>}</Table.Td>
                <Table.Td>{s.orgName}</Table.Td>
                <Table.Td>{s.duty ?? ''}</Table.Td>
                <Table.Td>
                  <span className="num">{s.phone ?? ''}</span>
                  {s.phonePublic && <Badge ml={6} size="sm" variant="light" radius="sm">{l.phonePublic}</Badge>}
                </Table.Td>
                <Table.Td><Text size="sm">{s.buildings.map((b) => `${b.estateName}${b.name}`).join('、')}</Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <StewardDrawer steward={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {printing && <CardsModal buildingIds={printing} onClose={() => setPrinting(null)} />}
    </ListPage>
  );
}
