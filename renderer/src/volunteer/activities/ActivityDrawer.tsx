import { ActionIcon, Alert, Badge, Button, Center, Drawer, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconCoins, IconPencil, IconTrash, IconUserCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { z } from 'zod';
import { todayIso } from '../../../../main/api/common/calendar';
import { attendanceStates } from '../../../../main/api/volunteer/labels';
import { ReverseApplication } from '../../../../main/api/volunteer/schemas';
import { tenthsText } from '../../../../main/api/volunteer/tenths';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { TextField } from '../../components/fields';
import { fmtTimestamp } from '../../components/format';
import { va } from '../../i18n/volunteer-activities';
import { zh } from '../../i18n/zh-CN';
import { ActionModal } from '../../components/ActionModal';
import { Facts } from '../../components/Facts';
import { SectionTitle } from '../../components/SectionTitle';
import { PersonPicker, personRef } from '../common/PersonPicker';
import { ruleFor } from '../common/ruleFor';
import type { ActivityDetail } from '../types';
import { ActivityForm } from './ActivityForm';
import { HoursSheet } from './HoursSheet';

const d = va.detail;

function Participants({ a, open }: { a: ActivityDetail; open: boolean }) {
  const cancel = useApiMutation('volunteer.cancelSignUp');
  if (a.participants.length === 0) return <Text size="sm" c="dimmed">{d.noParticipants}</Text>;
  return (
    <Table striped withTableBorder fz="sm" verticalSpacing={3}>
      <Table.Tbody>
        {a.participants.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Td>{p.name}{p.walkIn && <Badge size="xs" ml={6} variant="light" color="gray">{d.walkIn}</Badge>}</Table.Td>
            <Table.Td c="dimmed">{p.orgName}</Table.Td>
            <Table.Td>{attendanceStates[p.attendance]}</Table.Td>
            <Table.Td ta="right" className="num">{p.attendance === 'present' ? tenthsText(p.hours) : ''}</Table.Td>
            <Table.Td w={36}>
              {open && (
                <ActionIcon size="sm" variant="subtle" color="gray" aria-label={`${d.cancel} ${p.name}`} onClick={() => cancel.mutate({ activityId: a.id, volunteerId: p.volunteerId })}>
                  <IconX size={14} />
                </ActionIcon>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

type Step = 'edit' | 'hours' | 'apply' | 'reverse' | null;

/** One activity: its facts, the sign-up list, then the record (hours) and the points — in that order. */
export function ActivityDrawer({ activityId, onClose }: { activityId: string; onClose: () => void }) {
  const detail = useApiQuery('volunteer.getActivity', { id: activityId });
  const rules = useApiQuery('volunteer.listRules', {});
  const signUp = useApiMutation('volunteer.signUp');
  const apply = useApiMutation('volunteer.applyActivity', { quiet: true });
  const reverse = useApiMutation('volunteer.reverseActivity', { quiet: true });
  const remove = useApiMutation('volunteer.deleteActivity');
  const [step, setStep] = useState<Step>(null);
  const a = detail.data;
  const open = !!a && !a.application;
  const held = !!a && a.onDate <= todayIso();
  const present = a?.participants.filter((p) => p.attendance === 'present') ?? [];
  const rule = a && rules.data ? ruleFor(rules.data, a.onDate) : undefined;

  const confirmDelete = (x: ActivityDetail) =>
    modals.openConfirmModal({
      title: d.deleteTitle,
      children: <Text size="sm">{d.deleteBody(x.title, x.participants.length)}</Text>,
      labels: { confirm: d.delete, cancel: zh.common.cancel },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate({ id: x.id }, { onSuccess: () => (notifications.show({ message: d.deleted }), onClose()) }),
    });

  return (
    <>
    <Drawer opened={step !== 'edit' && step !== 'hours'} onClose={onClose} position="right" size={600} overlayProps={{ backgroundOpacity: 0.15 }}
      closeButtonProps={{ 'aria-label': zh.common.close }} title={<Text fw={600} size="lg">{a?.title ?? zh.common.loading}</Text>}>
      {detail.isPending && <Center py="xl"><Loader size="sm" /></Center>}
      {detail.isError && <Alert color="red">{detail.error.message}</Alert>}
      {a && (
        <Stack gap="md">
          <Group gap="xs">
            {/* Hours are recorded once the activity was held: the core refuses a future one, so it is not offered. */}
            {open && held && <Button size="xs" leftSection={<IconUserCheck size={14} />} onClick={() => setStep('hours')}>{d.record}</Button>}
            {open && !held && <Text size="xs" c="dimmed">{d.recordAfter(a.onDate)}</Text>}
            {open && a.recordedAt && <Button size="xs" color="green" leftSection={<IconCoins size={14} />} onClick={() => setStep('apply')}>{d.apply}</Button>}
            {open && <Button size="xs" variant="default" leftSection={<IconPencil size={14} />} onClick={() => setStep('edit')}>{zh.common.edit}</Button>}
            {a.application && <Button size="xs" variant="default" color="red" onClick={() => setStep('reverse')}>{d.reverse}</Button>}
            {!a.recordedAt && <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => confirmDelete(a)}>{d.delete}</Button>}
          </Group>
          {a.application && <Alert color="green" p="xs">{d.credited(a.application.ruleVersion, a.application.operator, fmtTimestamp(a.application.appliedAt))}</Alert>}
          <Facts items={[
            [d.when, `${a.onDate} ${[a.startTime, a.endTime].filter(Boolean).join('–')}`],
            [d.where, a.place],
            [d.organiser, a.organiserName],
            [d.post, a.postName],
            [d.capacity, a.capacity === null ? '' : String(a.capacity)],
            [d.recorded, a.recordedAt ? d.recordedValue(a.recorderOrgName ?? '', a.recordedBy ?? '', fmtTimestamp(a.recordedAt)) : d.notRecorded],
          ]} />
          <SectionTitle title={d.participants(a.participants.filter((p) => p.signedUp).length, present.length)} />
          {open && (
            <PersonPicker clearAfterPick placeholder={d.signUpPlaceholder} label={d.signUp}
              onPick={(h) => h && signUp.mutate({ activityId: a.id, people: [personRef(h)] })} />
          )}
          <Participants a={a} open={open} />
        </Stack>
      )}
    </Drawer>
      {a && step === 'edit' && <ActivityForm activity={a} onClose={() => setStep(null)} onSaved={() => undefined} />}
      {a && step === 'hours' && <HoursSheet activity={a} onClose={() => setStep(null)} />}
      {a && step === 'apply' && rule && (
        <ActionModal title={d.applyTitle} schema={z.object({})} initial={{}} confirmLabel={d.apply}
          intro={d.applyBody(present.length, rule.version, tenthsText(rule.pointsPerHour), rule.maxHoursPerActivity ? tenthsText(rule.maxHoursPerActivity) : null)}
          onSubmit={() => apply.mutateAsync({ activityId: a.id }).then((r) => notifications.show({ color: 'green', message: d.applied(r.entries, tenthsText(r.points)) }))}
          onClose={() => setStep(null)} />
      )}
      {a && step === 'reverse' && (
        <ActionModal title={d.reverseTitle} intro={d.reverseBody} schema={ReverseApplication} initial={{ activityId: a.id, reason: '' }} danger confirmLabel={d.reverse}
          fields={(form) => <TextField form={form} name="reason" label={d.reverseReason} required autoFocus />}
          onSubmit={(parsed) => reverse.mutateAsync(parsed)} onClose={() => setStep(null)} />
      )}
    </>
  );
}
