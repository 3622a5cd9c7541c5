import { SimpleGrid, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { formatFen } from '../../../../main/api/common/money';
import { paymentStages } from '../../../../main/api/fund/labels';
import { ApplicationPaymentInput } from '../../../../main/api/fund/schemas';
import { useApiMutation } from '../../api/queries';
import { today } from '../../app/clock';
import { DateField, options, SelectField, TextField } from '../../components/fields';
import { FormDrawer } from '../../components/FormDrawer';
import { MoneyField } from '../../components/MoneyField';
import { useZodForm } from '../../components/useZodForm';
import { fundApplications } from '../../i18n/fund-applications';
import { newEntryId } from '../common/newEntryId';
import { OverrideReasonField } from '../common/OverrideReasonField';
import { useCategories } from '../common/useCategories';
import type { Application } from './types';

const p = fundApplications.payments;

/** 新建付款: an expense draft of the journal for the works, to be signed by both sides in person there. */
export function PaymentForm({ a, onClose, onMade }: { a: Application; onClose: () => void; onMade: (entryId: string) => void }) {
  const left = Math.max(a.budget - a.paid - a.pending, 0);
  const [initial] = useState(() => ({
    id: newEntryId(), applicationId: a.id, stage: (a.paid + a.pending === 0 ? 'first' : 'final') as 'first' | 'final', category: 'overhaul', onDate: today(),
    amount: left > 0 ? formatFen(left) : '', counterparty: '', voucherNo: '', overrideReason: '',
  }));
  const form = useZodForm(ApplicationPaymentInput, initial);
  const categories = useCategories();
  const draft = useApiMutation('fund.draftApplicationPayment');
  const save = form.submit(async () => {
    await draft.mutateAsync(form.values);
    notifications.show({ color: 'green', message: p.saved });
    onMade(initial.id);
  });
  return (
    <FormDrawer opened title={p.title} dirty={form.dirty} submitting={form.submitting} onClose={onClose} onSave={save} size={520}>
      <Text size="sm" c="dimmed">{p.intro}</Text>
      <Text size="sm">{p.left(formatFen(left))}</Text>
      <SimpleGrid cols={2}>
        <SelectField form={form} name="stage" label={p.stage} data={options(paymentStages)} required />
        <SelectField form={form} name="category" label={p.category} data={categories.optionsOf('expense')} required />
        <MoneyField form={form} name="amount" label={p.amount} required />
        <DateField form={form} name="onDate" label={p.onDate} required />
      </SimpleGrid>
      <TextField form={form} name="counterparty" label={p.counterparty} required autoFocus />
      <TextField form={form} name="voucherNo" label={p.voucherNo} />
      <OverrideReasonField form={form} />
    </FormDrawer>
  );
}
