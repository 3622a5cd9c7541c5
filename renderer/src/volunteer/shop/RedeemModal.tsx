import { NumberInput, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { todayIso } from '../../../../main/api/common/calendar';
import { Redeem } from '../../../../main/api/volunteer/schemas';
import { tenthsText } from '../../../../main/api/volunteer/tenths';
import { useApiMutation } from '../../api/queries';
import { DateField } from '../../components/fields';
import { vp } from '../../i18n/volunteer-points';
import { ActionModal } from '../../components/ActionModal';
import { PersonPicker, personRef } from '../common/PersonPicker';
import type { ItemRow, PersonHit } from '../types';

const s = vp.shop;

/** Redeems an item for a person: the cost and the balance after are shown before anything is taken. */
export function RedeemModal({ item, onClose }: { item: ItemRow; onClose: () => void }) {
  const [person, setPerson] = useState<PersonHit | null>(null);
  const redeem = useApiMutation('volunteer.redeem', { quiet: true });
  return (
    <ActionModal
      title={s.redeemTitle(item.name)}
      intro={s.cost(tenthsText(item.price), item.stock, item.unit)}
      schema={Redeem}
      initial={{ person: null, itemId: item.id, quantity: 1, onDate: todayIso() }}
      confirmLabel={s.redeem}
      fields={(form) => {
        const quantity = Number(form.values.quantity) || 0;
        const after = person ? person.balance - item.price * quantity : null;
        return (
          <>
            <PersonPicker
              label={vp.entry.person}
              required
              autoFocus
              showBalance
              selected={person}
              error={Object.entries(form.errors).find(([k]) => k.startsWith('person'))?.[1]}
              onPick={(h) => {
                setPerson(h);
                form.set('person', h ? personRef(h) : null);
              }}
            />
            <NumberInput label={s.quantity} min={1} max={99} allowDecimal={false} w={120} value={quantity || ''}
              onChange={(v) => form.set('quantity', typeof v === 'number' ? v : null)} error={form.errors.quantity} />
            <DateField form={form} name="onDate" label={s.onDate} required />
            {after !== null && (
              <Text size="sm" c={after < 0 ? 'red' : undefined} fw={600} data-testid="redeem-after">
                {after < 0 ? `${s.short}：${s.after(tenthsText(after))}` : s.after(tenthsText(after))}
              </Text>
            )}
          </>
        );
      }}
      onSubmit={(parsed) =>
        redeem.mutateAsync(parsed).then((r) => notifications.show({ color: 'green', message: s.done(person?.name ?? '', item.name, tenthsText(r.balance)) }))
      }
      onClose={onClose}
    />
  );
}
