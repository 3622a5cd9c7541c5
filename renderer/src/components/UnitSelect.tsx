import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { useApiQuery } from '../api/queries';
import { pm } from '../i18n/party-meetings';
import type { ApiOutput } from '../api/types';
import { orgLabels } from '../../../main/api/common/org-labels';

/** The units every module files its records under: the party organisation tree. */
export type OrgRow = ApiOutput<'party.listOrgs'>[number];
export type OrgLevel = OrgRow['level'];

const MEETING_UNITS: OrgLevel[] = ['branch', 'group'];

/**
 * Active units of the given levels, each labelled as every list names it (`orgLabels`): the bare name, or the path
 * that tells it from a same-named unit — 幸福社区 › 第一党支部 — so the list's search finds it by its community too.
 */
export function useUnits(levels: OrgLevel[] = MEETING_UNITS) {
  const orgs = useApiQuery('party.listOrgs', { includeDissolved: false });
  const key = levels.join(',');
  return useMemo(() => {
    const rows = orgs.data ?? [];
    const byId = new Map(rows.map((o) => [o.id, o]));
    const labels = orgLabels(rows);
    const labelOf = (id: string) => labels.get(id) ?? byId.get(id)?.name ?? '';
    const wanted = new Set(key.split(','));
    const options = rows.filter((o) => wanted.has(o.level)).map((o) => ({ value: o.id, label: labelOf(o.id) }));
    return { options, byId, labelOf, rows, isPending: orgs.isPending };
  }, [orgs.data, orgs.isPending, key]);
}

/** The one way to choose a unit on these screens: a searchable list, since a street has hundreds of units. */
export function UnitSelect(props: {
  value: string | null;
  onChange: (id: string | null) => void;
  levels?: OrgLevel[];
  label?: string;
  placeholder?: string;
  clearable?: boolean;
  required?: boolean;
  error?: string;
  description?: string;
  onBlur?: () => void;
  w?: number | string;
  size?: string;
  autoFocus?: boolean;
}) {
  const { options } = useUnits(props.levels);
  return (
    <Select
      label={props.label}
      aria-label={props.label ?? pm.unit.label}
      placeholder={props.placeholder ?? pm.unit.placeholder}
      data={options}
      value={props.value}
      onChange={props.onChange}
      onBlur={props.onBlur}
      searchable
      clearable={props.clearable}
      required={props.required}
      error={props.error}
      description={props.description}
      nothingFoundMessage={pm.unit.none}
      w={props.w}
      size={props.size}
      autoFocus={props.autoFocus}
      comboboxProps={{ width: 'target', withinPortal: true }}
      maxDropdownHeight={320}
    />
  );
}
