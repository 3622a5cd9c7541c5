import { SimpleGrid, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { formatFen } from '../../../../main/api/common/money';
import { grantKinds } from '../../../../main/api/fund/labels';
import { GrantInput } from '../../../../main/api/fund/schemas';
import { useApiMutation } from '../../api/queries';
import { today } from '../../app/clock';
import { DateField, SelectField, TextField } from '../../components/fields';
import { FormDrawer } from '../../components/FormDrawer';
import { MoneyField } from '../../components/MoneyField';
import { useZodForm } from '../../components/useZodForm';
import { fundIncome } from '../../i18n/fund-income';
import { newEntryId } from '../common/newEntryId';
import type { Out } from '../types';

const c = fundIncome.crowd;
type Campaign = Out<'fund.getCampaign'>['campaign'];

const kindOptions = Object.entries(grantKinds).map(([value, label]) => ({ value, label }));

/**
 * 补助到账: a government subsidy or a maintenance-fund grant received for the campaign — income posted at once
 * (its category the kind), counted in the campaign's progress. The amount starts at what the plan still expects.
 */
export function GrantForm({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const [initial] = useState(() => ({ id: newEntryId(), campaignId: campaign.id, kind: (campaign.subsidyPart > 0 ? 'subsidy' : 'maintenance_grant') as keyof typeof grantKinds, amount: '', voucherNo: '', onDate: today() }));
  const form = useZodForm(GrantInput, initial);
  const record = useApiMutation('fund.recordGrant');
  const kind = form.values.kind as keyof typeof grantKinds;
  const planned = kind === 'subsidy' ? campaign.subsidyPart : campaign.grantPart;
  const save = form.submit(async () => {
    await record.mutateAsync(form.values);
    notifications.show({ color: 'green', message: c.grantSaved(grantKinds[kind]) });
    onClose();
  });
  return (
    <FormDrawer opened title={c.grantTitle(campaign.title)} dirty={form.dirty} submitting={form.submitting} onClose={onClose} onSave={save} size={440}>
      <Text size="sm" c="dimmed">{c.grantIntro}</Text>
      <SelectField form={form} name="kind" label={c.grantKind} data={kindOptions} required autoFocus />
      <Text size="xs" c="dimmed">{c.grantPlanned(grantKinds[kind], formatFen(planned))}</Text>
      <SimpleGrid cols={2}>
        <MoneyField form={form} name="amount" label={c.grantAmount} required />
        <DateField form={form} name="onDate" label={c.grantOn} required />
      </SimpleGrid>
      <TextField form={form} name="voucherNo" label={c.voucherNo} />
    </FormDrawer>
  );
}
