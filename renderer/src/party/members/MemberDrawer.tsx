import { Alert, Badge, Button, Center, Drawer, Group, Loader, Stack, Text } from '@mantine/core';
import { IconCertificate, IconPencil, IconTransferIn, IconTransferOut } from '@tabler/icons-react';
import { useState } from 'react';
import { lifecycles, memberCategories, memberRoles, memberStatuses } from '../../../../main/api/party/labels';
import { useApiQuery } from '../../api/queries';
import { SectionTitle } from '../../components/SectionTitle';
import { reg } from '../../i18n/party-register';
import { zh } from '../../i18n/zh-CN';
import type { MemberView } from '../types';
import { LifecycleModal, type LifecycleAction } from './LifecycleModals';
import { MemberHistory } from './MemberHistory';
import { MemberProfile } from './MemberProfile';
import { ServedHouseholds } from './ServedHouseholds';

const d = reg.drawer;

function Actions({ m, onEdit, onAction }: { m: MemberView; onEdit: () => void; onAction: (a: LifecycleAction) => void }) {
  if (m.lifecycle === 'transferred_out') {
    return (
      <Group>
        <Button size="xs" leftSection={<IconTransferIn size={14} />} onClick={() => onAction('readmit')}>{d.actions.readmit}</Button>
      </Group>
    );
  }
  if (m.lifecycle !== 'active') return null;
  return (
    <Group gap="xs">
      <Button size="xs" leftSection={<IconPencil size={14} />} onClick={onEdit}>{zh.common.edit}</Button>
      {m.status === 'probationary' && (
        <Button size="xs" variant="default" leftSection={<IconCertificate size={14} />} onClick={() => onAction('becomeFull')}>{d.actions.becomeFull}</Button>
      )}
      <Button size="xs" variant="default" leftSection={<IconTransferOut size={14} />} onClick={() => onAction('transferOut')}>{d.actions.transferOut}</Button>
      <Button size="xs" variant="default" onClick={() => onAction('deceased')}>{d.actions.deceased}</Button>
    </Group>
  );
}

function Header({ m }: { m: MemberView }) {
  return (
    <Stack gap={4}>
      <Text fw={600} size="lg">{m.name}</Text>
      <Group gap={6}>
        {m.lifecycle !== 'active' && <Badge color="gray" radius="sm">{lifecycles[m.lifecycle]}</Badge>}
        <Badge variant="light" radius="sm">{memberStatuses[m.status]}</Badge>
        <Badge variant="light" color="gray" radius="sm">{memberCategories[m.category]}</Badge>
        {m.role && <Badge variant="outline" radius="sm">{memberRoles[m.role]}</Badge>}
        {m.isCentreHousehold && <Badge variant="outline" color="gray" radius="sm">{reg.form.centre}</Badge>}
      </Group>
    </Stack>
  );
}

/** The member record on the right of the list: everything on file, the history, and what can be done next. */
export function MemberDrawer({ memberId, opened, onClose, onEdit }: {
  memberId: string | null;
  opened: boolean;
  onClose: () => void;
  onEdit: (m: MemberView) => void;
}) {
  const detail = useApiQuery('party.getMember', { id: memberId ?? '' }, { enabled: !!memberId });
  const [action, setAction] = useState<LifecycleAction | null>(null);
  const m = detail.data?.member;

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size={520}
      title={m ? <Header m={m} /> : d.loading}
      overlayProps={{ backgroundOpacity: 0.15 }}
      closeButtonProps={{ 'aria-label': d.close }}
    >
      {detail.isPending && <Center py="xl"><Loader size="sm" /></Center>}
      {detail.isError && <Alert color="red">{detail.error.message}</Alert>}
      {m && detail.data && (
        <Stack gap="md">
          {m.lifecycle === 'transferred_out' && <Alert color="gray" p="xs">{d.left.transferred_out(m.leftOn ?? '', m.leftTo)}</Alert>}
          {m.lifecycle === 'deceased' && <Alert color="gray" p="xs">{d.left.deceased(m.leftOn ?? '')}</Alert>}
          <Actions m={m} onEdit={() => onEdit(m)} onAction={setAction} />
          <MemberProfile m={m} />
          {m.isCentreHousehold && m.lifecycle === 'active' && (
            <>
              <SectionTitle title={reg.households.title} />
              <ServedHouseholds key={m.id} memberId={m.id} households={detail.data.households} />
            </>
          )}
          <SectionTitle title={d.history} />
          <MemberHistory events={detail.data.events} />
        </Stack>
      )}
      {m && action && <LifecycleModal action={action} member={m} onClose={() => setAction(null)} />}
    </Drawer>
  );
}
