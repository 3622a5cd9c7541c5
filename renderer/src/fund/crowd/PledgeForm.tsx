import { SimpleGrid, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { formatFen } from '../../../../main/api/common/money';
import { PledgeInput } from '../../../../main/api/fund/schemas';
import { useApiMutation } from '../../api/queries';
import { today } from '../../app/clock';
import { DateField } from '../../components/fields';
import { FormDrawer } from '../../components/FormDrawer';
import { MoneyField } from '../../components/MoneyField';
import { useZodForm } from '../../components/useZodForm';
import { fundIncome } from '../../i18n/fund-income';
import type { Out } from '../types';

const c = fundIncome.crowd;
type Household = Out<'fund.getCampaign'>['households'][number];

/** 认缴: what a household promises (its share by default; 0 withdraws it). A promise posts nothing: only a payment does. */
export function PledgeForm({ household, onClose }: { household: Household; onClose: () => void }) {
  const [initial] = useState(() => ({ householdId: household.id, amount: formatFen(household.pledged > 0 ? household.pledged : household.share), onDate: today() }));
  const form = useZodForm(PledgeInput, initial);
  const pledge = useApiMutation('fund.recordPledge');
  const save = form.submit(async () => {
    await pledge.mutateAsync(form.values);
    notifications.show({ color: 'green', message: c.pledgeSaved(household.room) });
    onClose();
  });
  return (
    <FormDrawer opened title={c.pledgeTitle(household.room)} dirty={form.dirty} submitting={form.submitting} onClose={onClose} onSave={save} size={440}>
      <Text size="sm" c="dimmed">{c.pledgeIntro}</Text>
      <SimpleGrid cols={2}>
        <MoneyField form={form} name="amount" label={c.pledgeAmount} required autoFocus />
        <DateField form={form} name="onDate" label={c.pledgedOn} required />
      </SimpleGrid>
    </FormDrawer>
  );
}
