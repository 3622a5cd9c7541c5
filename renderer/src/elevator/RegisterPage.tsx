import { Badge, Button, Select, Text, Tooltip } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { daysBetween } from '../../../main/api/common/days';
import { elevatorStatuses } from '../../../main/api/elevator/labels';
import { WARNING_FILTERS } from '../../../main/api/elevator/schemas';
import { today } from '../app/clock';
import { setParams, useRoute } from '../app/router';
import { EmptyState } from '../components/EmptyState';
import { FilterSearch } from '../components/FilterSearch';
import { options } from '../components/fields';
import { ListPage } from '../components/ListPage';
import { VirtualTable, type Column } from '../components/VirtualTable';
import { elev } from '../i18n/elevator';
import { placeOf } from './common/placeOf';
import { usePlaces } from './common/usePlaces';
import { WarningBadges } from './common/WarningBadges';
import { ElevatorDrawer } from './register/ElevatorDrawer';
import type { ElevatorView } from './types';

const l = elev.register;

const columns: Column<ElevatorView>[] = [
  { key: 'place', title: l.columns.place, width: 'minmax(220px, 2fr)', sortKey: 'place', render: (e) => placeOf(e) },
  {
    key: 'code', title: l.columns.regCode, width: 250,
    render: (e) => (
      <>
        <span className="num">{e.regCode}</span>
        {e.regCodeWarnings.length > 0 && (
          <Tooltip label={e.regCodeWarnings.map((w) => w.message).join('；')} withinPortal>
            <Badge ml={6} size="xs" color="orange" variant="light" radius="sm">{l.codeCheck}</Badge>
          </Tooltip>
        )}
      </>
    ),
  },
  { key: 'status', title: l.columns.status, width: 64, render: (e) => elevatorStatuses[e.status] },
  {
    key: 'last', title: l.columns.lastRoutine, width: 150, sortKey: 'routine',
    render: (e) => (e.lastRoutineOn
      ? <span className="num">{e.lastRoutineOn} <Text span size="xs" c="dimmed">{l.since(daysBetween(e.lastRoutineOn, today()))}</Text></span>
      : <Text span size="sm" c="dimmed">{l.never}</Text>),
  },
  { key: 'inspection', title: l.columns.nextInspection, width: 104, render: (e) => <span className="num">{e.nextInspectionOn ?? ''}</span> },
  { key: 'warnings', title: l.columns.warnings, width: 'minmax(200px, 2fr)', render: (e) => <WarningBadges warnings={e.warnings} /> },
];

type WarningFilter = keyof typeof WARNING_FILTERS;
type StatusFilter = keyof typeof elevatorStatuses;
const SORTS = ['routine', 'inspection'] as const;
const sortOf = (v: string | null) => SORTS.find((s) => s === v) ?? 'place';

/** 电梯档案: the street's elevators, filtered by estate, status and warning (the overdue and inspection lists), with the drawer. */
export function RegisterPage() {
  const route = useRoute();
  const p = route.params;
  const q = p.get('q') ?? '';
  const [total, setTotal] = useState<number | null>(null);
  const places = usePlaces();
  const estateId = p.get('estate');
  const status = p.get('status') as StatusFilter | null;
  const warning = p.get('warning') as WarningFilter | null;
  const sort = sortOf(p.get('sort'));
  const open = p.get('elevator');
  const openNew = () => setParams(route, { elevator: 'new' });
  const filtered = !!(q || estateId || status || warning);

  return (
    <ListPage
      title={l.title}
      count={total === null ? null : l.count(total)}
      actions={<Button leftSection={<IconPlus size={16} />} onClick={openNew}>{l.add}</Button>}
      filters={
        <>
          <Select aria-label={l.estate} placeholder={l.estatePlaceholder} data={places.estates} value={estateId} searchable clearable w={220}
            onChange={(v) => setParams(route, { estate: v })} />
          <Select aria-label={l.status} placeholder={l.statusPlaceholder} data={options(elevatorStatuses)} value={status} clearable w={130}
            onChange={(v) => setParams(route, { status: v })} />
          <Select aria-label={l.warning} placeholder={l.warningPlaceholder} data={options(WARNING_FILTERS)} value={warning} clearable w={230}
            onChange={(v) => setParams(route, { warning: v })} />
          <FilterSearch label={l.search} value={q} onChange={(v) => setParams(route, { q: v })} w={220} />
        </>
      }
    >
      <VirtualTable
        channel="elevator.listElevators"
        input={{ q, estateId, status, warning, sort }}
        columns={columns}
        sort={sort}
        onSort={(v) => setParams(route, { sort: v === 'place' ? null : v })}
        rowKey={(e) => e.id}
        onRowClick={(e) => setParams(route, { elevator: e.id })}
        onTotal={setTotal}
        empty={filtered ? <EmptyState title={l.emptyFiltered} /> : (
          <EmptyState title={l.empty} hint={l.emptyHint} actions={<Button onClick={openNew}>{l.add}</Button>} />
        )}
      />
      {open && <ElevatorDrawer elevatorId={open === 'new' ? null : open} estateId={estateId} onClose={() => setParams(route, { elevator: null })} />}
    </ListPage>
  );
}
