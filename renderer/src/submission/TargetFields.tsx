import { Alert, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { todayIso } from '../../../main/api/common/calendar';
import { unitLevels, type UnitLevel } from '../../../main/api/system/contract';
import { useApiQuery } from '../api/queries';
import { sub } from '../i18n/submission';
import { UnitSelect } from '../components/UnitSelect';
import { recentMonths } from './files';

/** Who an export speaks for, for which month, and whether personal numbers go out in full. */
export interface Target {
  level: UnitLevel;
  orgId: string | null;
  period: string;
  unmasked: boolean;
  /** Why the numbers go out in full (required then; audited). */
  reason: string | null;
}

export const defaultTarget = (unitLevel: UnitLevel): Target => ({
  level: unitLevel,
  orgId: null,
  period: todayIso().slice(0, 7),
  unmasked: false,
  reason: null,
});

/** This installation's unit (a street chooses between its whole submission and one community's; the others export themselves). */
export function useUnit() {
  return useApiQuery('system.getStatus', {}).data?.installation ?? null;
}

export function TargetFields(props: {
  value: Target;
  onChange: (t: Target) => void;
  errors?: Record<string, string>;
  /** The export holds personal numbers (an ID-number column or table). */
  personal: boolean;
}) {
  const unit = useUnit();
  const t = props.value;
  const set = (patch: Partial<Target>) => props.onChange({ ...t, ...patch });
  const t9 = sub.target;
  return (
    <Stack gap="sm">
      <Select label={t9.period} data={recentMonths(todayIso())} value={t.period} allowDeselect={false}
        onChange={(period) => period && set({ period })} error={props.errors?.period} w={200} />
      {unit?.unitLevel === 'street' ? (
        <>
          <Select label={t9.level} value={t.level} allowDeselect={false} w={320} error={props.errors?.level}
            data={[{ value: 'street', label: t9.street }, { value: 'community', label: t9.community }]}
            onChange={(level) => level && set({ level: level as Target['level'], orgId: null })} />
          {t.level === 'community' && (
            <UnitSelect label={t9.communityPick} levels={['community_committee']} value={t.orgId} w={320} required
              placeholder={t9.communityPlaceholder} onChange={(orgId) => set({ orgId })} error={props.errors?.orgId} />
          )}
        </>
      ) : (
        unit && <Text size="sm"><Text span c="dimmed">{t9.level}：</Text>{t9.own(unitLevels[unit.unitLevel], unit.unitName)}</Text>
      )}
      {props.personal && (
        <>
          <Switch label={t9.unmasked} description={t9.unmaskedHint} checked={t.unmasked}
            onChange={(e) => set({ unmasked: e.currentTarget.checked })} />
          {t.unmasked && (
            <>
              <Alert color="orange" icon={<IconAlertTriangle size={18} />} data-testid="unmasked-warning">{t9.unmaskedWarning}</Alert>
              <TextInput label={t9.reason} description={t9.reasonHint} required value={t.reason ?? ''} maxLength={100}
                onChange={(e) => set({ reason: e.currentTarget.value })} error={props.errors?.reason} />
            </>
          )}
        </>
      )}
    </Stack>
  );
}
