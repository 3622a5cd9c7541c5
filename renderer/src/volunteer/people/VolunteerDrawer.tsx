import { Alert, Badge, Button, Center, Drawer, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { IconLink, IconListDetails, IconPencil, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { z } from 'zod';
import { todayIso } from '../../../../main/api/common/calendar';
import { honourTitles, periodLabel, volunteerKinds } from '../../../../main/api/volunteer/labels';
import { SetVolunteerLeft } from '../../../../main/api/volunteer/schemas';
import { tenthsText } from '../../../../main/api/volunteer/tenths';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { href } from '../../app/router';
import { DateField } from '../../components/fields';
import { vol } from '../../i18n/volunteer';
import { zh } from '../../i18n/zh-CN';
import { RevealValue } from '../../components/RevealValue';
import { ActionModal } from '../../components/ActionModal';
import { Facts } from '../../components/Facts';
import { SectionTitle } from '../../components/SectionTitle';
import type { VolunteerDetail, VolunteerView } from '../types';
import { ServiceRecordModal } from './ServiceRecordModal';

const d = vol.drawer;
const y = d.yearColumns;

function Profile({ v }: { v: VolunteerView }) {
  return (
    <Facts
      items={[
        [vol.form.org, v.orgName],
        [vol.people.post, v.postName ? `${v.postName}${v.postSince ? `（${v.postSince} 起）` : ''}` : ''],
        [vol.form.team, v.team],
        [vol.form.skills, v.skills],
        [vol.form.phone, <RevealValue key="phone" channel="volunteer.revealVolunteer" recordId={v.id} field="phone" masked={v.phoneMasked} />],
        [vol.form.idNumber, <RevealValue key="id" channel="volunteer.revealVolunteer" recordId={v.id} field="idNumber" masked={v.idNumberMasked} />],
        [vol.form.address, v.address],
        [vol.form.registeredOn, v.registeredOn],
      ]}
    />
  );
}

function Years({ detail }: { detail: VolunteerDetail }) {
  if (detail.years.length === 0) return null;
  return (
    <Table striped withTableBorder fz="sm" verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>{[y.year, y.base, y.service, y.contribution, y.redeemed, y.hours].map((h) => <Table.Th key={h}>{h}</Table.Th>)}</Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {detail.years.map((r) => (
          <Table.Tr key={r.year}>
            <Table.Td>{r.year}</Table.Td>
            {[r.base, r.service, r.contribution, r.redeemed, r.hours].map((v, i) => <Table.Td key={i} className="num" ta="right">{tenthsText(v)}</Table.Td>)}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

type Action = 'link' | 'stop' | 'resume' | 'record';

/** A volunteer's record: who they are (masked, reveal logged), their points by year, honours and recent service. */
export function VolunteerDrawer({ volunteerId, opened, onClose, onEdit }: {
  volunteerId: string | null;
  opened: boolean;
  onClose: () => void;
  onEdit: (v: VolunteerView) => void;
}) {
  const detail = useApiQuery('volunteer.getVolunteer', { id: volunteerId ?? '' }, { enabled: !!volunteerId });
  const link = useApiMutation('volunteer.linkMember', { quiet: true });
  const setLeft = useApiMutation('volunteer.setLeft', { quiet: true });
  const [action, setAction] = useState<Action | null>(null);
  const v = detail.data?.volunteer;

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size={540}
      overlayProps={{ backgroundOpacity: 0.15 }}
      closeButtonProps={{ 'aria-label': zh.common.close }}
      title={v ? (
        <Group gap={8}>
          <Text fw={600} size="lg">{v.name}</Text>
          <Badge variant="light" radius="sm">{volunteerKinds[v.kind]}</Badge>
          {!v.active && <Badge color="gray" radius="sm">{vol.people.inactive}</Badge>}
        </Group>
      ) : zh.common.loading}
    >
      {detail.isPending && <Center py="xl"><Loader size="sm" /></Center>}
      {detail.isError && <Alert color="red">{detail.error.message}</Alert>}
      {v && detail.data && (
        <Stack gap="md">
          <Group gap="xs">
            <Button size="xs" leftSection={<IconPencil size={14} />} onClick={() => onEdit(v)}>{zh.common.edit}</Button>
            <Button size="xs" variant="default" leftSection={<IconPrinter size={14} />} onClick={() => setAction('record')}>{d.print}</Button>
            <Button size="xs" variant="default" component="a" href={href('/volunteer/ledger', { volunteer: v.id })} leftSection={<IconListDetails size={14} />}>{d.ledger}</Button>
            {v.kind === 'resident' && (
              <Button size="xs" variant="subtle" onClick={() => setAction(v.active ? 'stop' : 'resume')}>{v.active ? d.stop : d.resume}</Button>
            )}
          </Group>
          {v.linkableMemberId && (
            <Alert color="orange" p="xs">
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm">{d.linkHint(v.name)}</Text>
                <Button size="compact-sm" leftSection={<IconLink size={14} />} onClick={() => setAction('link')}>{d.link}</Button>
              </Group>
            </Alert>
          )}
          {v.kind === 'member' && <Text size="xs" c="dimmed">{d.memberNote}</Text>}
          <Profile v={v} />
          <Group gap="sm" align="baseline">
            <Text size="sm" c="dimmed">{d.balance}</Text>
            <Text fz={24} fw={700} className="num" data-testid="volunteer-balance">{tenthsText(detail.data.balance)}</Text>
            {detail.data.expiry === 'yearly' && <Text size="xs" c="dimmed">{d.expiryYearly}</Text>}
          </Group>
          <SectionTitle title={d.byYear} />
          <Years detail={detail.data} />
          {detail.data.honours.length > 0 && (
            <>
              <SectionTitle title={d.honours} />
              <Group gap={6}>
                {detail.data.honours.map((h) => <Badge key={h.id} color="partyRed" variant="light">{`${periodLabel(h.year, h.quarter)}${honourTitles[h.title]}`}</Badge>)}
              </Group>
            </>
          )}
          <SectionTitle title={d.recent} />
          {detail.data.recentActivities.length === 0 ? <Text size="sm" c="dimmed">{d.noActivities}</Text> : (
            <Stack gap={4}>
              {detail.data.recentActivities.map((a) => (
                <Group key={a.activityId} justify="space-between" wrap="nowrap">
                  <Text size="sm" truncate>{`${a.onDate} ${a.title}`}</Text>
                  <Text size="sm" c="dimmed" className="num">{vol.common.hours(tenthsText(a.hours))}</Text>
                </Group>
              ))}
            </Stack>
          )}
        </Stack>
      )}
      {v && action === 'record' && <ServiceRecordModal volunteer={v} onClose={() => setAction(null)} />}
      {v && action === 'link' && v.linkableMemberId && (
        <ActionModal
          title={d.link}
          intro={d.linkHint(v.name)}
          schema={z.object({})}
          initial={{}}
          confirmLabel={d.link}
          onSubmit={() => link.mutateAsync({ id: v.id, memberId: v.linkableMemberId! })}
          onClose={() => setAction(null)}
        />
      )}
      {v && (action === 'stop' || action === 'resume') && (
        <ActionModal
          title={action === 'stop' ? d.stop : d.resume}
          intro={action === 'stop' ? vol.form.stopHint : vol.form.resumeHint}
          schema={SetVolunteerLeft}
          initial={{ id: v.id, leftOn: action === 'stop' ? todayIso() : null }}
          fields={(form) => (action === 'stop' ? <DateField form={form} name="leftOn" label={vol.form.leftOn} required /> : null)}
          confirmLabel={action === 'stop' ? d.stop : d.resume}
          onSubmit={(parsed) => setLeft.mutateAsync(parsed)}
          onClose={() => setAction(null)}
        />
      )}
    </Drawer>
  );
}
