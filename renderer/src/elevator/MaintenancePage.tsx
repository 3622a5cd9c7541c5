import { Badge, Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { maintenanceKinds, inspectionResults } from '../../../main/api/elevator/labels';
import { SignOffFields } from '../../../main/api/elevator/schemas';
import { useApiMutation, useApiQuery } from '../api/queries';
import { today } from '../app/clock';
import { setParams, useRoute } from '../app/router';
import { ActionModal } from '../components/ActionModal';
import { EmptyState } from '../components/EmptyState';
import { DateField, TextField } from '../components/fields';
import { VirtualTable, type Column } from '../components/VirtualTable';
import { elev } from '../i18n/elevator';
import { ElevatorSelect } from './common/ElevatorSelect';
import { WarningBadges } from './common/WarningBadges';
import { MaintenanceDrawer } from './maintenance/MaintenanceDrawer';
import type { MaintenanceRow } from './types';

const m = elev.maintenance;

const columns = (signOff: (r: MaintenanceRow) => void): Column<MaintenanceRow>[] => [
  { key: 'doneOn', title: m.columns.doneOn, width: 100, render: (r) => <span className="num">{r.doneOn}</span> },
  {
    key: 'kind', title: m.columns.kind, width: 150,
    render: (r) => `${maintenanceKinds[r.kind]}${r.result ? `（${inspectionResults[r.result]}）` : ''}`,
  },
  { key: 'workers', title: m.columns.workers, width: 140, render: (r) => [r.worker1, r.worker2].filter(Boolean).join('、') },
  { key: 'items', title: m.columns.items, width: 64, align: 'right', render: (r) => (r.items.length ? m.itemsCount(r.items.length) : '') },
  { key: 'findings', title: m.columns.findings, width: 'minmax(160px, 2fr)', render: (r) => [r.findings, r.partsReplaced].filter(Boolean).join(' / ') },
  {
    key: 'signed', title: m.columns.signed, width: 170,
    render: (r) => (r.signedOn ? <span className="num">{m.signedBy(r.signedBy!, r.signedOn)}</span> : (
      <Group gap={6} wrap="nowrap">
        <Badge size="sm" color="orange" variant="light" radius="sm">{m.unsigned}</Badge>
        <Button size="compact-xs" variant="light" onClick={(e) => (e.stopPropagation(), signOff(r))}>{m.signOff}</Button>
      </Group>
    )),
  },
];

/** 维保记录: one elevator's records, newest first, with fast keyboard entry and the safety manager's sign-off. */
export function MaintenancePage() {
  const route = useRoute();
  const elevatorId = route.params.get('elevator');
  const elevator = useApiQuery('elevator.getElevator', { id: elevatorId ?? '' }, { enabled: !!elevatorId });
  const any = useApiQuery('elevator.listElevators', { limit: 1 });
  const latest = useApiQuery('elevator.listMaintenance', { elevatorId: elevatorId ?? '', limit: 1 }, { enabled: !!elevatorId });
  const [editing, setEditing] = useState<MaintenanceRow | 'new' | null>(null);
  const [signing, setSigning] = useState<MaintenanceRow | null>(null);
  const [count, setCount] = useState<number | null>(null);
  const update = useApiMutation('elevator.updateMaintenance');
  const e = elevator.data;

  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" align="center" wrap="nowrap">
          <Title order={3}>{m.title}</Title>
          <ElevatorSelect value={elevatorId} onChange={(id) => setParams(route, { elevator: id })} w={420} />
          {count !== null && e && <Text size="sm" c="dimmed">{m.count(count)}</Text>}
        </Group>
        {e && <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>{m.add}</Button>}
      </Group>
      {any.data?.total === 0 && <EmptyState title={m.noElevators} hint={m.noElevatorsHint} />}
      {any.data?.total !== 0 && !elevatorId && <EmptyState title={m.pickFirst} hint={m.pickHint} />}
      {e && (
        <>
          {e.warnings.length > 0 && <WarningBadges warnings={e.warnings} />}
          <Paper withBorder style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
            <Box style={{ flex: 1, minHeight: 0 }}>
              <VirtualTable
                channel="elevator.listMaintenance"
                input={{ elevatorId: e.id }}
                columns={columns(setSigning)}
                rowKey={(r) => r.id}
                onRowClick={(r) => (r.signedOn
                  ? notifications.show({ message: elev.record.locked(r.signedBy!, r.signedOn) })
                  : setEditing(r))}
                onTotal={setCount}
                empty={<EmptyState title={m.empty} hint={m.emptyHint} actions={<Button onClick={() => setEditing('new')}>{m.add}</Button>} />}
              />
            </Box>
          </Paper>
        </>
      )}
      {e && editing && (
        <MaintenanceDrawer elevator={e} record={editing === 'new' ? null : editing} lastRecord={latest.data?.rows[0] ?? null} onClose={() => setEditing(null)} />
      )}
      {signing && (
        <ActionModal
          title={elev.signOff.title}
          intro={elev.signOff.intro(signing.doneOn, maintenanceKinds[signing.kind])}
          schema={SignOffFields}
          initial={{ signedBy: '', signedOn: today() }}
          confirmLabel={elev.signOff.confirm}
          fields={(form) => (
            <>
              <TextField form={form} name="signedBy" label={elev.record.signedBy} required autoFocus />
              <DateField form={form} name="signedOn" label={elev.record.signedOn} required />
            </>
          )}
          onSubmit={async (s) => {
            await update.mutateAsync({ ...signing, ...s });
            notifications.show({ color: 'green', message: elev.signOff.done });
          }}
          onClose={() => setSigning(null)}
        />
      )}
    </Stack>
  );
}
