import { Badge, Button, Checkbox, Select, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { careCategories, careColours } from '../../../main/api/requests/labels';
import { setParams, useRoute } from '../app/router';
import { EmptyState } from '../components/EmptyState';
import { options } from '../components/fields';
import { ListPage } from '../components/ListPage';
import { VirtualTable, type Column } from '../components/VirtualTable';
import { rc } from '../i18n/requests-care';
import { CareHousehold } from './care/CareHousehold';
import { careAddress } from './care/address';
import { CareDrawer } from './care/CareDrawer';
import { ColourBadge } from './care/ColourBadge';
import type { CareView } from './types';
import { usePlaceOptions } from './usePlaceOptions';

const l = rc.list;

const columns: Column<CareView>[] = [
  { key: 'colour', title: l.columns.colour, width: 56, render: (r) => <ColourBadge colour={r.colour} /> },
  { key: 'category', title: l.columns.category, width: 110, render: (r) => careCategories[r.category as keyof typeof careCategories] ?? r.category },
  { key: 'person', title: l.columns.person, width: 80, render: (r) => r.personName },
  { key: 'phone', title: l.columns.phone, width: 120, render: (r) => <span className="num">{r.personPhone ?? ''}</span> },
  { key: 'address', title: l.columns.address, wrap: true, render: careAddress },
  { key: 'member', title: l.columns.member, width: 90, render: (r) => r.memberName ?? '' },
  { key: 'lastVisit', title: l.columns.lastVisit, width: 100, render: (r) => <span className="num">{r.lastVisitOn ?? l.never}</span> },
  {
    key: 'next', title: l.columns.next, width: 150, render: (r) => r.closedOn ? <Badge size="sm" color="gray" radius="sm">{l.closed}</Badge> : (
      <Text span size="sm" c={r.visitDue ? 'red' : undefined} className="num">{r.nextVisitOn}{r.visitDue && ` ${l.late}`}</Text>
    ),
  },
];

/** 重点关爱户 (分类分色): the households of special care by colour, with their paired member and when a visit is due. */
export function CarePage() {
  const route = useRoute();
  const p = route.params;
  const places = usePlaceOptions();
  const communityId = p.get('community');
  const category = p.get('category') as keyof typeof careCategories | null;
  const colour = p.get('colour') as keyof typeof careColours | null;
  const dueOnly = p.get('due') === '1';
  const includeClosed = p.get('closed') === '1';
  const open = p.get('household');
  const [adding, setAdding] = useState(false);
  const [total, setTotal] = useState<number | null>(null);
  const filtered = !!(communityId || category || colour || dueOnly);
  const add = <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>{l.add}</Button>;
  return (
    <ListPage title={l.title} count={total === null ? null : l.count(total)} actions={add}
      filters={
        <>
          <Select aria-label={l.community} placeholder={l.communityPlaceholder} data={places.communities} value={communityId} clearable w={150} onChange={(v) => setParams(route, { community: v })} />
          <Select aria-label={l.category} placeholder={l.categoryPlaceholder} data={options(careCategories)} value={category} clearable w={140} onChange={(v) => setParams(route, { category: v })} />
          <Select aria-label={l.colour} placeholder={l.colourPlaceholder} data={options(careColours)} value={colour} clearable w={160} onChange={(v) => setParams(route, { colour: v })} />
          <Checkbox label={l.dueOnly} checked={dueOnly} onChange={(e) => setParams(route, { due: e.currentTarget.checked ? '1' : null })} />
          <Checkbox label={l.includeClosed} checked={includeClosed} onChange={(e) => setParams(route, { closed: e.currentTarget.checked ? '1' : null })} />
        </>
      }>
      <VirtualTable channel="requests.listCare" input={{ communityId, category, colour, dueOnly, includeClosed }} columns={columns} rowKey={(r) => r.id}
        onRowClick={(r) => setParams(route, { household: r.id })} onTotal={setTotal}
        empty={filtered ? <EmptyState title={l.emptyFiltered} /> : (
          <EmptyState title={l.empty} hint={l.emptyHint} actions={<Button onClick={() => setAdding(true)}>{l.add}</Button>} />
        )} />
      {adding && <CareDrawer household={null} onClose={() => setAdding(false)} />}
      {open && <CareHousehold id={open} onClose={() => setParams(route, { household: null })} />}
    </ListPage>
  );
}
