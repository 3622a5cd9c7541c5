import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconKey, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { sides } from '../../../../main/api/fund/labels';
import { committeeRoles } from '../../../../main/api/property/labels';
import { SignatoryInput, UnlockSignatory } from '../../../../main/api/fund/schemas';
import { useApiMutation, useApiQuery, useRole } from '../../api/queries';
import { ActionModal } from '../../components/ActionModal';
import { TextField } from '../../components/fields';
import { fmtTimestamp } from '../../components/format';
import { lockedUntil } from '../common/locked';
import { fund } from '../../i18n/fund';
import { zh } from '../../i18n/zh-CN';
import type { AccountView, CommitteeRoster, Signatory } from '../types';
import { PinModal } from './PinModal';

const s = fund.signers;
type Side = keyof typeof sides;

function SignerRow({ signer, onPin, admin, roster }: { signer: Signatory; onPin: () => void; admin: boolean; roster: CommitteeRoster | null }) {
  const retire = useApiMutation('fund.retireSignatory');
  const unlock = useApiMutation('fund.unlockSignatory', { quiet: true });
  const [unlocking, setUnlocking] = useState(false);
  const until = lockedUntil(signer);
  const confirmRetire = () =>
    modals.openConfirmModal({
      title: s.retireTitle,
      children: <Text size="sm">{s.retireBody(signer.name)}</Text>,
      labels: { confirm: s.retire, cancel: zh.common.cancel },
      confirmProps: { color: 'red' },
      onConfirm: () => retire.mutate({ id: signer.id }, { onSuccess: () => notifications.show({ color: 'green', message: s.retired }) }),
    });
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <Stack gap={0}>
        <Text size="sm" fw={600}>{signer.name}{signer.phone && <Text span size="xs" c="dimmed">{`  ${signer.phone}`}</Text>}</Text>
        {signer.pinSet
          ? <Text size="xs" c="dimmed">{s.pinSet(fmtTimestamp(signer.pinSetAt))}</Text>
          : <Badge size="sm" color="orange" variant="light">{s.pinMissing}</Badge>}
        {until && <Text size="xs" c="red">{s.locked(until)}</Text>}
        {roster?.offRoster.includes(signer.id) && (
          <Badge size="sm" color="orange" variant="light">{s.notOnRoster(roster.termNo)}</Badge>
        )}
      </Stack>
      <Group gap={4} wrap="nowrap">
        {until && admin && (
          <Button size="compact-xs" variant="light" color="red" onClick={() => setUnlocking(true)} aria-label={`${s.unlock} ${signer.name}`}>{s.unlock}</Button>
        )}
        <Button size="compact-xs" variant={signer.pinSet ? 'subtle' : 'light'} leftSection={<IconKey size={14} />} onClick={onPin}
          aria-label={`${signer.pinSet ? s.changePin : s.setPin} ${signer.name}`}>
          {signer.pinSet ? s.changePin : s.setPin}
        </Button>
        <Button size="compact-xs" variant="subtle" color="gray" onClick={confirmRetire} aria-label={`${s.retire} ${signer.name}`}>{s.retire}</Button>
      </Group>
      {unlocking && until && (
        <ActionModal
          title={s.unlockTitle(signer.name)}
          intro={s.unlockBody(signer.name, until)}
          schema={UnlockSignatory}
          initial={{ signatoryId: signer.id, reason: '' }}
          confirmLabel={s.unlock}
          fields={(form) => <TextField form={form} name="reason" label={s.unlockReason} required autoFocus />}
          onSubmit={(input) => unlock.mutateAsync(input).then(() => notifications.show({ color: 'green', message: s.unlocked }))}
          onClose={() => setUnlocking(false)}
        />
      )}
    </Group>
  );
}

/** The committee's members in office, to pick a signer from (those already signing left out); or why there are none. */
function RosterPicks({ roster, taken, onPick }: { roster: CommitteeRoster | null; taken: string[]; onPick: (name: string) => void }) {
  if (!roster) return <Text size="xs" c="dimmed">{s.noRoster}</Text>;
  const free = roster.members.filter((m) => !taken.includes(m.name));
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed">{s.roster(roster.termNo, roster.startsOn, roster.endsOn)}</Text>
      <Group gap={4}>
        {free.map((m) => (
          <Button key={m.name} size="compact-xs" variant="light" onClick={() => onPick(m.name)}>{`${m.name}（${committeeRoles[m.role]}）`}</Button>
        ))}
      </Group>
    </Stack>
  );
}

/** The signers of each side, side by side; each sets their own PIN in a dialog they fill in themselves. */
export function SignatoryPanel({ account }: { account: AccountView }) {
  const detail = useApiQuery('fund.getAccount', { id: account.id });
  const add = useApiMutation('fund.addSignatory', { quiet: true });
  const [adding, setAdding] = useState<Side | null>(null);
  const [pinFor, setPinFor] = useState<Signatory | null>(null);
  const admin = useRole() === 'admin';
  const active = (detail.data?.signatories ?? []).filter((x) => x.status === 'active');
  // Retired signers are kept for the sign-offs they gave: named under their side, without actions.
  const retired = (side: Side) => (detail.data?.signatories ?? []).filter((x) => x.status === 'retired' && x.side === side);
  return (
    <Paper withBorder p="sm" component="section" aria-label={s.title(account.name)}>
      <Title order={5}>{s.title(account.name)}</Title>
      <Text size="xs" c="dimmed" mb="xs">{s.intro}</Text>
      <SimpleGrid cols={2} spacing="sm">
        {(Object.keys(sides) as Side[]).map((side) => {
          const mine = active.filter((x) => x.side === side);
          return (
            <Paper key={side} withBorder p="xs" component="section" aria-label={sides[side]}>
              <Group justify="space-between" mb={6}>
                <Text fw={600} size="sm">{sides[side]}</Text>
                <Button size="compact-xs" variant="light" leftSection={<IconUserPlus size={14} />} onClick={() => setAdding(side)}
                  aria-label={s.addTitle(sides[side])}>{s.add}</Button>
              </Group>
              <Stack gap={6}>
                {mine.length === 0 && <Text size="sm" c="dimmed">{s.empty}</Text>}
                {mine.map((x) => <SignerRow key={x.id} signer={x} admin={admin} roster={detail.data?.committee ?? null} onPin={() => setPinFor(x)} />)}
                {retired(side).length > 0 && <Text size="xs" c="dimmed">{s.retiredList(retired(side).map((x) => x.name).join('、'))}</Text>}
              </Stack>
            </Paper>
          );
        })}
      </SimpleGrid>
      {adding && (
        <ActionModal
          title={s.addTitle(sides[adding])}
          intro={s.addIntro}
          schema={SignatoryInput}
          initial={{ accountId: account.id, side: adding, name: '', phone: '' }}
          confirmLabel={s.add}
          fields={(form) => (
            <>
              <TextField form={form} name="name" label={s.name} required autoFocus />
              {adding === 'committee' && <RosterPicks roster={detail.data?.committee ?? null} taken={active.map((x) => x.name)} onPick={(name) => form.set('name', name)} />}
              <TextField form={form} name="phone" label={s.phone} />
            </>
          )}
          onSubmit={(input) => add.mutateAsync(input).then((row) => (notifications.show({ color: 'green', message: s.added }), setPinFor(row)))}
          onClose={() => setAdding(null)}
        />
      )}
      {pinFor && <PinModal signer={pinFor} onClose={() => setPinFor(null)} />}
    </Paper>
  );
}
