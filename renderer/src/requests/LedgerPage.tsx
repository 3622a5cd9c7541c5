import { Badge, Button, Group, Select, Text } from '@mantine/core';
import { IconPlus, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { requestSources, requestStates } from '../../../main/api/requests/labels';
import { useApiQuery } from '../api/queries';
import { setParams, useRoute } from '../app/router';
import { EmptyState } from '../components/EmptyState';
import { options } from '../components/fields';
import { ListPage } from '../components/ListPage';
import { VirtualTable, type Column } from '../components/VirtualTable';
import { rq } from '../i18n/requests';
import { ReportDrawer } from './ledger/ReportDrawer';
import { RequestDrawer } from './ledger/RequestDrawer';
import { StateBadge } from './ledger/StateBadge';
import { WallModal } from './ledger/WallModal';
import type { RequestView } from './types';
import { useCategories } from './useCategories';
import { usePlaceOptions } from './usePlaceOptions';

const l = rq.ledger;

const columns: Column<RequestView>[] = [
  { key: 'reportedOn', title: l.columns.reportedOn, width: 100, render: (r) => <span className="num">{r.reportedOn}</span> },
  { key: 'source', title: l.columns.source, width: 96, render: (r) => requestSources[r.source as keyof typeof requestSources] },
  { key: 'reporter', title: l.columns.reporter, width: 80, render: (r) => (r.anonymous ? l.anonymous : r.reporterName) },
  { key: 'place', title: l.columns.place, width: 'minmax(160px, 1fr)', wrap: true, render: (r) => r.placeName },
  { key: 'content', title: l.columns.content, width: 'minmax(200px, 2fr)', render: (r) => <Text size="sm" truncate>{r.content}</Text> },
  { key: 'state', title: l.columns.state, width: 160, render: (r) => (
    <Group gap={4} wrap="nowrap"><StateBadge state={r.state} />{r.overdue && <Badge size="sm" color="red" radius="sm">{l.overdue}</Badge>}
      {r.reopened > 0 && <Badge size="sm" color="orange" variant="light" radius="sm">{l.reopened(r.reopened)}</Badge>}</Group>
  ) },
  { key: 'handler', title: l.columns.handler, width: 120, render: (r) => r.handlerName ?? '' },
  { key: 'dueOn', title: l.columns.dueOn, width: 100, render: (r) => <Text span size="sm" className="num" c={r.overdue ? 'red' : undefined}>{r.dueOn ?? ''}</Text> },
];

/**
 * 诉求台账: the street's requests, filtered by state, category, grid, community (by its place: 概览's 超期 link of one
 * community) or 督办's lists, paged in SQL; a row opens its drawer.
 */
export function LedgerPage() {
  const route = useRoute();
  const p = route.params;
  const [total, setTotal] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const [wall, setWall] = useState(false);
  const grids = useApiQuery('requests.listGrids', {});
  const state = p.get('state') as keyof typeof requestStates | null;
  const category = p.get('category');
  const categories = useCategories();
  const gridId = p.get('grid');
  const places = usePlaceOptions();
  const communityId = p.get('community');
  const watch = p.get('watch') as keyof typeof l.watchLists | null;
  const open = p.get('request');
  const filtered = !!(state || category || gridId || communityId || watch);

  return (
    <ListPage title={l.title} count={total === null ? null : l.count(total)}
      actions={
        <Group gap="xs">
          <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => setWall(true)}>{rq.wall.open}</Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>{l.add}</Button>
        </Group>
      }
      filters={
        <>
          <Select aria-label={l.state} placeholder={l.statePlaceholder} data={options(requestStates)} value={state} clearable w={140}
            onChange={(v) => setParams(route, { state: v })} />
          <Select aria-label={l.category} placeholder={l.categoryPlaceholder} data={categories.all} value={category} clearable searchable w={220}
            onChange={(v) => setParams(route, { category: v })} />
          <Select aria-label={l.grid} placeholder={l.gridPlaceholder} data={(grids.data ?? []).map((g) => ({ value: g.id, label: `${g.communityName} ${g.name}` }))}
            value={gridId} clearable searchable w={200} onChange={(v) => setParams(route, { grid: v })} />
          <Select aria-label={l.community} placeholder={l.communityPlaceholder} data={places.communities} value={communityId} clearable w={140}
            onChange={(v) => setParams(route, { community: v })} />
          <Select aria-label={l.watch} placeholder={l.watchPlaceholder} data={options(l.watchLists)} value={watch} clearable w={150}
            onChange={(v) => setParams(route, { watch: v })} />
        </>
      }
    >
      <VirtualTable channel="requests.listRequests" input={{ state, category, gridId, communityId, watch }} columns={columns} rowKey={(r) => r.id}
        onRowClick={(r) => setParams(route, { request: r.id })} onTotal={setTotal}
        empty={filtered ? <EmptyState title={l.emptyFiltered} /> : (
          <EmptyState title={l.empty} hint={l.emptyHint} actions={<Button onClick={() => setAdding(true)}>{l.add}</Button>} />
        )} />
      {adding && <ReportDrawer onClose={() => setAdding(false)} />}
      {wall && <WallModal onClose={() => setWall(false)} />}
      {open && <RequestDrawer id={open} onClose={() => setParams(route, { request: null })} />}
    </ListPage>
  );
}
