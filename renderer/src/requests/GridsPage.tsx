import { Badge, Button, Table, Text, Tooltip } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useApiQuery } from '../api/queries';
import { EmptyState } from '../components/EmptyState';
import { fmtInt } from '../components/format';
import { ListPage } from '../components/ListPage';
import { rq } from '../i18n/requests';
import { GridDrawer } from './grids/GridDrawer';
import type { GridView } from './types';

const l = rq.grids;

/** 网格: the street's grids with their workers, branches, buildings and households (a street has tens to a few hundred). */
export function GridsPage() {
  const grids = useApiQuery('requests.listGrids', {});
  const [editing, setEditing] = useState<GridView | 'new' | null>(null);
  const rows = grids.data ?? [];
  return (
    <ListPage title={l.title} count={grids.data ? l.count(rows.length) : null}
      actions={<Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>{l.add}</Button>}>
      {grids.data && rows.length === 0 ? (
        <EmptyState title={l.empty} hint={l.emptyHint} actions={<Button onClick={() => setEditing('new')}>{l.add}</Button>} />
      ) : (
        <Table highlightOnHover striped>
          <Table.Thead>
            <Table.Tr>
              {Object.values(l.columns).map((c) => <Table.Th key={c}>{c}</Table.Th>)}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((g) => (
              <Table.Tr key={g.id} onClick={() => setEditing(g)} style={{ cursor: 'pointer' }} tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && setEditing(g)}>
                <Table.Td>{g.name}</Table.Td>
                <Table.Td>{g.communityName}</Table.Td>
                <Table.Td>{g.workerName}{g.workerPhone && <Text span size="xs" c="dimmed" ml={6}>{g.workerPhone}</Text>}</Table.Td>
                <Table.Td>{g.orgName ?? ''}</Table.Td>
                <Table.Td>{g.buildings.map((b) => `${b.estateName}${b.name}`).join('、')}</Table.Td>
                <Table.Td>
                  <span className="num">{fmtInt(g.households)}</span>
                  {g.householdsWarning && (
                    <Tooltip label={g.householdsWarning} withinPortal><Badge ml={6} size="sm" color="orange" variant="light" radius="sm">偏多</Badge></Tooltip>
                  )}
                  {g.buildingsWithoutHouseholds > 0 && <Text size="xs" c="dimmed">{l.unknownHouseholds(g.buildingsWithoutHouseholds)}</Text>}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <GridDrawer grid={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </ListPage>
  );
}
