import { SimpleGrid, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { formatFen } from '../../../../main/api/common/money';
import { PaymentInput } from '../../../../main/api/fund/schemas';
import { useApiMutation } from '../../api/queries';
import { today } from '../../app/clock';
import { DateField, TextField } from '../../components/fields';
import { FormDrawer } from '../../components/FormDrawer';
import { MoneyField } from '../../components/MoneyField';
import { useZodForm } from '../../components/useZodForm';
import { fundIncome } from '../../i18n/fund-income';
import { newEntryId } from '../common/newEntryId';
import type { Out } from '../types';

const c = fundIncome.crowd;
type Household = Out<'fund.getCampaign'>['households'][number];

/** 登记缴款: the receipt number first (the amount starts at what is left of the share); posted at once, once. */
export function PaymentForm({ household, onClose }: { household: Household; onClose: () => void }) {
  const left = Math.max(household.share - household.paid, 0);
  const [initial] = useState(() => ({ id: newEntryId(), householdId: household.id, amount: left > 0 ? formatFen(left) : '', receiptNo: '', onDate: today() }));
  const form = useZodForm(PaymentInput, initial);
  const pay = useApiMutation('fund.recordPayment');
  const save = form.submit(async () => {
    await pay.mutateAsync(form.values);
    notifications.show({ color: 'green', message: c.paySaved(household.room) });
    onClose();
  });
  return (
    <FormDrawer opened title={c.payTitle(household.room)} dirty={form.dirty} submitting={form.submitting} onClose={onClose} onSave={save} size={440}>
      <Text size="sm" c="dimmed">{c.payIntro}</Text>
      <TextField form={form} name="receiptNo" label={c.receiptNo} required autoFocus />
      <SimpleGrid cols={2}>
        <MoneyField form={form} name="amount" label={c.amount} required />
        <DateField form={form} name="onDate" label={c.paidOn} required />
      </SimpleGrid>
    </FormDrawer>
  );
}
