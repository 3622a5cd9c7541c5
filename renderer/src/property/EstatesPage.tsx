import { Badge, Button, Chip, Group } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { managementTypes } from '../../../main/api/property/labels';
import { setParams, useRoute } from '../app/router';
import { CommunityFilter } from '../components/CommunityFilter';
import { EmptyState } from '../components/EmptyState';
import { fmtInt } from '../components/format';
import { VirtualTable, type Column } from '../components/VirtualTable';
import { prop } from '../i18n/property';
import { ListPage } from '../components/ListPage';
import { fmtArea } from '../components/format';
import { EstateDrawer } from './estates/EstateDrawer';
import type { EstateRow } from './types';

const l = prop.estates;
type Management = keyof typeof managementTypes;
const isManagement = (v: string | null): v is Management => !!v && v in managementTypes;

const columns: Column<EstateRow>[] = [
  { key: 'name', title: l.columns.name, width: 'minmax(160px, 1.5fr)', render: (e) => e.name },
  { key: 'community', title: l.columns.community, width: 'minmax(120px, 1fr)', render: (e) => e.communityName },
  {
    key: 'management', title: l.columns.management, width: 120,
    render: (e) => <Badge variant="light" radius="sm" color={e.management === 'abandoned' ? 'orange' : undefined}>{managementTypes[e.management]}</Badge>,
  },
  { key: 'households', title: l.columns.households, width: 80, align: 'right', render: (e) => <span className="num">{fmtInt(e.households)}</span> },
  { key: 'area', title: l.columns.area, width: 120, align: 'right', render: (e) => <span className="num">{fmtArea(e.floorAreaHundredths)}</span> },
  { key: 'company', title: l.columns.company, width: 'minmax(160px, 1.5fr)', render: (e) => e.companyName ?? l.noCompany },
];

/** 小区: the estates' property profiles — how each is managed and who serves it today. */
export function EstatesPage() {
  const route = useRoute();
  const management = route.params.get('management');
  const communityId = route.params.get('community');
  const [total, setTotal] = useState<number | null>(null);
  const open = route.params.get('estate');
  const openNew = () => setParams(route, { estate: 'new' });

  return (
    <ListPage
      title={l.title}
      count={total === null ? null : l.count(total)}
      actions={<Button leftSection={<IconPlus size={16} />} onClick={openNew}>{l.add}</Button>}
      filters={
        <>
          <CommunityFilter value={communityId} onChange={(id) => setParams(route, { community: id })} />
          <Chip.Group value={management ?? ''} onChange={(v) => setParams(route, { management: String(v) || null })}>
            <Group gap={6}>
              <Chip value="" variant="outline" size="sm">{l.allTypes}</Chip>
              {Object.entries(managementTypes).map(([k, label]) => <Chip key={k} value={k} variant="outline" size="sm">{label}</Chip>)}
            </Group>
          </Chip.Group>
        </>
      }
    >
      <VirtualTable
        channel="property.listEstates"
        input={{ management: isManagement(management) ? management : null, communityId }}
        columns={columns}
        rowKey={(e) => e.placeId}
        onRowClick={(e) => setParams(route, { estate: e.placeId })}
        onTotal={setTotal}
        empty={management || communityId ? <EmptyState title={l.emptyFiltered} /> : (
          <EmptyState title={l.empty} hint={l.emptyHint} actions={<Button onClick={openNew}>{l.add}</Button>} />
        )}
      />
      {open && <EstateDrawer estateId={open === 'new' ? null : open} onClose={() => setParams(route, { estate: null })} />}
    </ListPage>
  );
}
