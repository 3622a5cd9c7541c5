import { SimpleGrid, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { parseYuan } from '../../../../main/api/common/money';
import { campaignSchemes } from '../../../../main/api/fund/labels';
import { CampaignInput } from '../../../../main/api/fund/schemas';
import type { Scheme } from '../../../../main/api/fund/split';
import { useApiMutation } from '../../api/queries';
import { SelectField, TextField } from '../../components/fields';
import { FormDrawer } from '../../components/FormDrawer';
import { MoneyField } from '../../components/MoneyField';
import { useZodForm } from '../../components/useZodForm';
import { fundIncome } from '../../i18n/fund-income';
import { coefficientOf, FloorCoefficients, typedCoefficient } from './FloorCoefficients';
import { parseHouseholds } from './households';
import { SharePreview } from './SharePreview';

const c = fundIncome.crowd;
const schemeOptions = Object.entries(campaignSchemes).map(([value, label]) => ({ value, label }));

/** Fen of a money field as typed, or null while it does not parse (empty counts as 0 for the optional parts). */
function fenOf(value: unknown, empty: number | null): number | null {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) return empty;
  const parsed = parseYuan(text);
  return 'fen' in parsed ? parsed.fen : null;
}

/**
 * 发起众筹: the target, the others' parts (the owners' part is what is left), the scheme, the households (their
 * columns follow the scheme), the floor coefficients for 楼层系数 × 面积, and the shares as the core will compute
 * them, shown before saving.
 */
export function CampaignForm({ accountId, onClose, onMade }: { accountId: string; onClose: () => void; onMade: (id: string) => void }) {
  const form = useZodForm(CampaignInput, {
    accountId, title: '', purpose: '', target: '', subsidyPart: '0', grantPart: '0', balancePart: '0', scheme: 'area', households: [], floorCoefficients: [],
  });
  const [text, setText] = useState('');
  const [typedCoefficients, setTypedCoefficients] = useState<Record<number, string>>({});
  const create = useApiMutation('fund.createCampaign');
  const scheme = form.values.scheme as Scheme;
  const parsed = parseHouseholds(text, scheme);
  const floors = scheme === 'floor_area' ? [...new Set(parsed.households.map((h) => h.floor!))].sort((a, b) => a - b) : [];
  const coefficients = floors.map((floor) => ({ floor, coefficientHundredths: coefficientOf(typedCoefficient(typedCoefficients, floor)) }));
  const badCoefficient = coefficients.some((f) => Number.isNaN(f.coefficientHundredths));
  // What goes to the core, kept in step with what is typed: the households as parsed and the floors' coefficients.
  const { set } = form;
  // Compared by value: the list is made again on every render.
  const coefficientsKey = JSON.stringify(coefficients);
  useEffect(() => {
    set('households', parseHouseholds(text, scheme).households);
    set('floorCoefficients', JSON.parse(coefficientsKey) as unknown);
  }, [set, text, scheme, coefficientsKey]);
  const target = fenOf(form.values.target, null);
  const others = [form.values.subsidyPart, form.values.grantPart, form.values.balancePart].map((v) => fenOf(v, 0));
  const ownersPart = target === null || others.some((v) => v === null) ? null : target - others.reduce<number>((s, v) => s + v!, 0);
  const save = form.submit(async () => {
    if (parsed.badLines.length > 0 || badCoefficient) return false;
    const made = await create.mutateAsync(form.values);
    notifications.show({ color: 'green', message: c.created });
    onMade(made.campaign.id);
  });
  return (
    <FormDrawer opened title={c.createTitle} dirty={form.dirty} submitting={form.submitting} onClose={onClose} onSave={save} size={720}>
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
        label={c.households} description={c.householdsHint[scheme]} required autosize minRows={4} maxRows={10} value={text}
        onChange={(e) => setText(e.currentTarget.value)} onBlur={() => form.touch('households')}
        error={parsed.badLines.length > 0 ? parsed.badLines.map(c.badLine[scheme]).join('；') : form.errors.households}
      />
      <Text size="xs" c="dimmed">{c.householdsCount(parsed.households.length)}</Text>
      <FloorCoefficients floors={floors} typed={typedCoefficients} onChange={setTypedCoefficients} />
      {form.errors.floorCoefficients && <Text size="sm" c="red">{form.errors.floorCoefficients}</Text>}
      <SharePreview ownersPart={ownersPart !== null && ownersPart >= 0 ? ownersPart : null} scheme={scheme} households={parsed.households}
        coefficients={badCoefficient ? [] : coefficients} />
    </FormDrawer>
  );
}
