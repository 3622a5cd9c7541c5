import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ClaimWish, FulfilWish, ReleaseWish, WithdrawWish } from '../../../../main/api/requests/schemas';
import { useApiMutation } from '../../api/queries';
import { today } from '../../app/clock';
import { ActionModal } from '../../components/ActionModal';
import { CheckField, DateField, TextAreaField, TextField } from '../../components/fields';
import { MemberPicker } from '../../components/MemberPicker';
import { TenthsField } from '../../components/TenthsField';
import { rq } from '../../i18n/requests';
import type { WishView } from '../types';

const w = rq.wish;
export type WishActionKind = 'claim' | 'release' | 'fulfil' | 'withdraw';

/** One move of a wish, each a small form with only what that move settles; the core refuses a move its state does not allow. */
export function WishAction({ wish, action, onClose }: { wish: WishView; action: WishActionKind; onClose: () => void }) {
  const mutations = {
    claim: useApiMutation('requests.claimWish', { quiet: true }),
    release: useApiMutation('requests.releaseWish', { quiet: true }),
    fulfil: useApiMutation('requests.fulfilWish', { quiet: true }),
    withdraw: useApiMutation('requests.withdrawWish', { quiet: true }),
  };
  const [picked, setPicked] = useState<string | null>(null);
  const common = {
    title: w.actions[action], intro: w.intro(wish.title), confirmLabel: w.actions[action], onClose,
    // Each case's schema is its channel's own; the union of the four inputs is what the mutation of `action` takes.
    onSubmit: (input: unknown) => (mutations[action].mutateAsync as (i: unknown) => Promise<unknown>)(input),
  };
  const id = wish.id;
  switch (action) {
    case 'claim':
      return <ActionModal {...common} schema={ClaimWish} initial={{ id, memberId: null, unit: '', claimedOn: today() }} fields={(form) => (
        <>
          <Stack gap={4}>
            <MemberPicker label={w.member} error={form.errors.memberId} onPick={(m) => (form.set('memberId', m.id), setPicked(w.picked(m.name, m.orgName)))} />
            <Text size="xs" c="dimmed">{picked ?? w.memberHint}</Text>
          </Stack>
          <TextField form={form} name="unit" label={w.unit} description={w.unitHint} />
          <DateField form={form} name="claimedOn" label={w.claimedOn} required />
        </>)} />;
    case 'fulfil':
      return <ActionModal {...common} schema={FulfilWish} initial={{ id, fulfilledOn: today(), result: '', hours: null, creditHours: !!wish.claimerMemberId }} fields={(form) => (
        <>
          <TextAreaField form={form} name="result" label={w.result} required autoFocus minRows={2} />
          <DateField form={form} name="fulfilledOn" label={w.fulfilledOn} required />
          <TenthsField form={form} name="hours" label={w.hours} min={0.1} />
          {wish.claimerMemberId && <CheckField form={form} name="creditHours" label={w.creditHours} description={w.creditHint} />}
        </>)} />;
    case 'release':
    case 'withdraw':
      return <ActionModal {...common} danger schema={action === 'release' ? ReleaseWish : WithdrawWish} initial={{ id, reason: '' }}
        fields={(form) => <TextField form={form} name="reason" label={w.reason} required autoFocus />} />;
  }
}
