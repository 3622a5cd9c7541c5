import { Button, Select } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { wishKinds, wishStates } from '../../../main/api/requests/labels';
import { tenthsText } from '../../../main/api/volunteer/tenths';
import { setParams, useRoute } from '../app/router';
import { EmptyState } from '../components/EmptyState';
import { options } from '../components/fields';
import { ListPage } from '../components/ListPage';
import { VirtualTable, type Column } from '../components/VirtualTable';
import { rq } from '../i18n/requests';
import type { WishView } from './types';
import { WishBadge } from './wishes/WishBadge';
import { WishDetail } from './wishes/WishDetail';
import { WishDrawer } from './wishes/WishDrawer';

const l = rq.wishes;

const columns: Column<WishView>[] = [
  { key: 'publishedOn', title: l.columns.publishedOn, width: 100, render: (r) => <span className="num">{r.publishedOn}</span> },
  { key: 'kind', title: l.columns.kind, width: 80, render: (r) => wishKinds[r.kind] },
  { key: 'title', title: l.columns.title, wrap: true, render: (r) => r.title },
  { key: 'place', title: l.columns.place, width: 200, wrap: true, render: (r) => r.placeName },
  { key: 'wisher', title: l.columns.wisher, width: 80, render: (r) => r.wisherName ?? '' },
  { key: 'state', title: l.columns.state, width: 80, render: (r) => <WishBadge state={r.state} /> },
  { key: 'claimer', title: l.columns.claimer, width: 180, wrap: true, render: (r) => [r.claimerName, r.claimerUnit].filter(Boolean).join(' · ') },
  { key: 'fulfilledOn', title: l.columns.fulfilledOn, width: 100, render: (r) => <span className="num">{r.fulfilledOn ?? ''}</span> },
  { key: 'hours', title: l.columns.hours, width: 80, align: 'right', render: (r) => <span className="num">{r.hoursTenths === null ? '' : tenthsText(r.hoursTenths)}</span> },
];

/** 微心愿与需求: what residents wished for and the community needs, claimed by 在职党员 and units; a row opens its moves. */
export function WishesPage() {
  const route = useRoute();
  const p = route.params;
  const state = p.get('state') as keyof typeof wishStates | null;
  const kind = p.get('kind') as keyof typeof wishKinds | null;
  const open = p.get('wish');
  const [adding, setAdding] = useState(false);
  const [total, setTotal] = useState<number | null>(null);
  const add = <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>{l.add}</Button>;
  return (
    <ListPage title={l.title} count={total === null ? null : l.count(total)} actions={add}
      filters={
        <>
          <Select aria-label={l.state} placeholder={l.statePlaceholder} data={options(wishStates)} value={state} clearable w={140} onChange={(v) => setParams(route, { state: v })} />
          <Select aria-label={l.kind} placeholder={l.kindPlaceholder} data={options(wishKinds)} value={kind} clearable w={140} onChange={(v) => setParams(route, { kind: v })} />
        </>
      }>
      <VirtualTable channel="requests.listWishes" input={{ state, kind }} columns={columns} rowKey={(r) => r.id}
        onRowClick={(r) => setParams(route, { wish: r.id })} onTotal={setTotal}
        empty={state || kind ? <EmptyState title={l.emptyFiltered} /> : (
          <EmptyState title={l.empty} hint={l.emptyHint} actions={<Button onClick={() => setAdding(true)}>{l.add}</Button>} />
        )} />
      {adding && <WishDrawer wish={null} onClose={() => setAdding(false)} />}
      {open && <WishDetail id={open} onClose={() => setParams(route, { wish: null })} />}
    </ListPage>
  );
}
