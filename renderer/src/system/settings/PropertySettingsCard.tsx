import { Group, NumberInput, SegmentedControl, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { assessorBodies } from '../../../../main/api/property/labels';
import type { PropertySettings } from '../../../../main/api/property/rules';
import { PropertySettingsInput } from '../../../../main/api/property/schemas';
import type { ListRule } from '../../../../main/api/property/scoring';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { NumberField } from '../../components/fields';
import { NumberMap } from '../../components/NumberMap';
import { SettingsCard } from './SettingsCard';
import { useZodForm } from '../../components/useZodForm';
import { pa } from '../../i18n/property-assessments';
import { pc } from '../../i18n/property-cards';
import { zh } from '../../i18n/zh-CN';

const t = pa.settings;

/** 红色物业's street-wide numbers: re-election lead, party ratio, small estates, assessor weights, the list rule, cards. */
export function PropertySettingsCard() {
  const settings = useApiQuery('property.getSettings', {});
  if (!settings.data) return null;
  return <SettingsForm key={JSON.stringify(settings.data)} settings={settings.data} />;
}

const RULE_DEFAULTS: Record<ListRule['mode'], ListRule> = {
  threshold: { mode: 'threshold', redMinPoints: 90, blackBelowPoints: 60 },
  rank: { mode: 'rank', redTop: 3, blackBottom: 3 },
};

function SettingsForm({ settings }: { settings: PropertySettings }) {
  const form = useZodForm(PropertySettingsInput, { ...settings });
  const update = useApiMutation('property.updateSettings');
  const save = form.submit(async (input) => {
    await update.mutateAsync(input);
    notifications.show({ color: 'green', message: zh.common.saved });
  });
  const rule = form.values.listRule as ListRule;
  const ruleNumber = (key: string, label: string) => (
    <NumberInput label={label} min={0} allowDecimal={false} w={150} value={(rule as unknown as Record<string, number>)[key] ?? ''}
      error={form.errors[`listRule.${key}`]} onChange={(v) => form.set('listRule', { ...rule, [key]: typeof v === 'number' ? v : null })} />
  );

  const cards = form.values.cardRule as PropertySettings['cardRule'];
  const cardNumber = (key: keyof PropertySettings['cardRule'], label: string, min: number, max: number) => (
    <NumberInput label={label} min={min} max={max} allowDecimal={false} w={170} value={cards[key] ?? ''}
      error={form.errors[`cardRule.${key}`]} onChange={(v) => form.set('cardRule', { ...cards, [key]: typeof v === 'number' ? v : null })} />
  );
  return (
    <SettingsCard title={t.title} form={form} onSave={save} saveLabel={t.save}>
      <Group align="flex-start" grow>
        <NumberField form={form} name="reelectionLeadMonths" label={t.reelection} min={1} max={24} required />
        <NumberField form={form} name="partyRatioTargetPercent" label={t.ratio} min={0} max={100} required />
        <NumberField form={form} name="smallEstateMaxHouseholds" label={t.small} description={t.smallHint} min={1} />
      </Group>
      <Text size="sm" fw={600}>{t.weights}</Text>
      <NumberMap form={form} name="assessorWeights" labels={assessorBodies} min={0} max={100} />
      <Text size="xs" c="dimmed">{t.weightsHint}</Text>
      <Text size="sm" fw={600}>{t.rule}</Text>
      <Group align="flex-end">
        <SegmentedControl value={rule.mode} aria-label={t.rule}
          data={[{ value: 'threshold', label: t.modes.threshold }, { value: 'rank', label: t.modes.rank }]}
          onChange={(m) => form.set('listRule', settings.listRule.mode === m ? settings.listRule : RULE_DEFAULTS[m as ListRule['mode']])} />
        {rule.mode === 'threshold' ? (
          <>
            {ruleNumber('redMinPoints', t.redMin)}
            {ruleNumber('blackBelowPoints', t.blackBelow)}
          </>
        ) : (
          <>
            {ruleNumber('redTop', t.redTop)}
            {ruleNumber('blackBottom', t.blackBottom)}
          </>
        )}
      </Group>
      <Text size="xs" c="dimmed">{t.ruleHint}</Text>
      <Text size="sm" fw={600}>{pc.settings.title}</Text>
      <Group align="flex-end">
        {cardNumber('redAfterYellows', pc.settings.yellows, 1, 20)}
        {cardNumber('windowMonths', pc.settings.window, 1, 60)}
      </Group>
      <Text size="xs" c="dimmed">{pc.settings.hint}</Text>
    </SettingsCard>
  );
}
