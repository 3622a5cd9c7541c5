import { SimpleGrid, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { campaignSchemes } from '../../../../main/api/fund/labels';
import { CampaignInput } from '../../../../main/api/fund/schemas';
import { useApiMutation } from '../../api/queries';
import { SelectField, TextField } from '../../components/fields';
import { FormDrawer } from '../../components/FormDrawer';
import { MoneyField } from '../../components/MoneyField';
import { useZodForm } from '../../components/useZodForm';
import { fundIncome } from '../../i18n/fund-income';
import { parseHouseholds } from './households';

const c = fundIncome.crowd;
const schemeOptions = Object.entries(campaignSchemes).map(([value, label]) => ({ value, label }));

/** 发起众筹: the target, the others' parts (the owners' part is what is left), the scheme and the households. */
export function CampaignForm({ accountId, onClose, onMade }: { accountId: string; onClose: () => void; onMade: (id: string) => void }) {
  const form = useZodForm(CampaignInput, {
    accountId, title: '', purpose: '', target: '', subsidyPart: '0', grantPart: '0', balancePart: '0', scheme: 'area', households: [],
  });
  const [text, setText] = useState('');
  const [badLines, setBadLines] = useState<number[]>([]);
  const create = useApiMutation('fund.createCampaign');
  const typed = (value: string) => {
    setText(value);
    const parsed = parseHouseholds(value);
    setBadLines(parsed.badLines);
    form.set('households', parsed.households);
  };
  const save = form.submit(async () => {
    if (badLines.length > 0) return false;
    const made = await create.mutateAsync(form.values);
    notifications.show({ color: 'green', message: c.created });
    onMade(made.campaign.id);
  });
  const households = form.values.households as unknown[];
  return (
    <FormDrawer opened title={c.createTitle} dirty={form.dirty} submitting={form.submitting} onClose={onClose} onSave={save} size={560}>
      <TextField form={form} name="title" label={c.name} required autoFocus />
      <TextField form={form} name="purpose" label={c.purpose} required />
      <SimpleGrid cols={2}>
        <MoneyField form={form} name="target" label={c.target} required />
        <SelectField form={form} name="scheme" label={c.scheme} data={schemeOptions} required />
        <MoneyField form={form} name="subsidyPart" label={c.subsidy} />
        <MoneyField form={form} name="grantPart" label={c.grant} />
        <MoneyField form={form} name="balancePart" label={c.balance} />
      </SimpleGrid>
      <Textarea
        label={c.households} description={c.householdsHint} required autosize minRows={4} maxRows={10} value={text}
        onChange={(e) => typed(e.currentTarget.value)} onBlur={() => form.touch('households')}
        error={badLines.length > 0 ? badLines.map(c.badLine).join('；') : form.errors.households}
      />
      <Text size="xs" c="dimmed">{c.householdsCount(households.length)}</Text>
    </FormDrawer>
  );
}
