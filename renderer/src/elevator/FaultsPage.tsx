import { Badge, Button, Checkbox, Group, Select, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { faultCauses, rescueAreas } from '../../../main/api/elevator/labels';
import { useApiMutation, useApiQuery } from '../api/queries';
import { setParams, useRoute } from '../app/router';
import { EmptyState } from '../components/EmptyState';
import { options } from '../components/fields';
import { ListPage } from '../components/ListPage';
import { VirtualTable, type Column } from '../components/VirtualTable';
import { elev } from '../i18n/elevator';
import { ElevatorSelect } from './common/ElevatorSelect';
import { placeOf } from './common/placeOf';
import { usePlaces } from './common/usePlaces';
import { FaultDrawer } from './faults/FaultDrawer';
import type { FaultView } from './types';

const l = elev.faults;

const columns: Column<FaultView>[] = [
  { key: 'alarm', title: l.columns.alarmAt, width: 140, render: (r) => <span className="num">{r.alarmAt}</span> },
  { key: 'place', title: l.columns.place, width: 'minmax(200px, 2fr)', render: (r) => placeOf(r) },
  { key: 'trapped', title: l.columns.trapped, width: 56, align: 'right', render: (r) => l.people(r.peopleTrapped) },
  { key: 'cause', title: l.columns.cause, width: 150, render: (r) => faultCauses[r.cause] },
  {
    key: 'response', title: l.columns.response, width: 130,
    render: (r) => (
      <Group gap={6} wrap="nowrap">
        <Text span size="sm" c={r.slow ? 'red' : undefined} fw={r.slow ? 600 : undefined} className="num">{l.minutes(r.responseMinutes)}</Text>
        {r.slow && (
          <Tooltip label={l.slow(r.limitMinutes)} withinPortal>
            <Badge size="sm" color="red" variant="light" radius="sm">{l.late}</Badge>
          </Tooltip>
        )}
      </Group>
    ),
  },
  { key: 'release', title: l.columns.release, width: 90, render: (r) => (r.trappedMinutes === null ? '' : l.minutes(r.trappedMinutes)) },
  { key: 'rescuer', title: l.columns.rescuer, width: 'minmax(120px, 1fr)', render: (r) => r.rescuer },
];

/** 困人故障: faults and entrapments across the street or of one elevator, their response times against the limit. */
export function FaultsPage() {
  const route = useRoute();
  const p = route.params;
  const [total, setTotal] = useState<number | null>(null);
  const places = usePlaces();
  const settings = useApiQuery('elevator.getSettings', {});
  const saveSettings = useApiMutation('elevator.updateSettings');
  const elevatorId = p.get('elevator');
  const estateId = p.get('estate');
  const entrapmentsOnly = p.get('trapped') === '1';
  const slowOnly = p.get('slow') === '1';
  const [editing, setEditing] = useState<FaultView | 'new' | null>(null);
  const filtered = !!(elevatorId || estateId || entrapmentsOnly || slowOnly);

  return (
    <ListPage
      title={l.title}
      count={total === null ? null : l.count(total)}
      actions={
        <>
          <Select aria-label={l.area} w={260} data={options(rescueAreas)} value={settings.data?.rescueArea ?? null} allowDeselect={false}
            leftSection={<Text size="xs" c="dimmed" pl={4}>{l.area}</Text>} leftSectionWidth={64}
            onChange={(v) => settings.data && v && void saveSettings.mutateAsync({ ...settings.data, rescueArea: v as keyof typeof rescueAreas })
              .then(() => notifications.show({ message: l.areaSaved }))} />
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>{l.add}</Button>
        </>
      }
      filters={
        <>
          <Select aria-label={elev.register.estate} placeholder={elev.register.estatePlaceholder} data={places.estates} value={estateId} searchable clearable w={200}
            onChange={(v) => setParams(route, { estate: v })} />
          <ElevatorSelect value={elevatorId} onChange={(id) => setParams(route, { elevator: id })} w={360} />
          <Checkbox label={l.entrapmentsOnly} checked={entrapmentsOnly} onChange={(e) => setParams(route, { trapped: e.currentTarget.checked ? '1' : null })} />
          <Checkbox label={l.slowOnly} checked={slowOnly} onChange={(e) => setParams(route, { slow: e.currentTarget.checked ? '1' : null })} />
        </>
      }
    >
      <VirtualTable
        channel="elevator.listFaults"
        input={{ elevatorId, estateId, entrapmentsOnly, slowOnly }}
        columns={columns}
        rowKey={(r) => r.id}
        onRowClick={setEditing}
        onTotal={setTotal}
        empty={filtered ? <EmptyState title={l.emptyFiltered} /> : (
          <EmptyState title={l.empty} hint={l.emptyHint} actions={<Button onClick={() => setEditing('new')}>{l.add}</Button>} />
        )}
      />
      {editing && <FaultDrawer fault={editing === 'new' ? null : editing} elevatorId={elevatorId} onClose={() => setEditing(null)} />}
    </ListPage>
  );
}
