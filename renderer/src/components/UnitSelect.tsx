import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useApiQuery } from '../api/queries';
import { pm } from '../i18n/party-meetings';
import type { ApiOutput } from '../api/types';

/** A unit every module files its records under, as the core answers it: its counts, path and label included. */
export type OrgRow = ApiOutput<'party.orgPath'>[number];
export type OrgLevel = OrgRow['level'];

const MEETING_UNITS: OrgLevel[] = ['branch', 'group'];

/**
 * A unit by id with its ancestors, root first (`party.orgPath`): what a card, a field or the tree needs to name and
 * open it, without the whole tree (2,512 units, 1.2 MB at a district).
 */
export function useOrg(id: string | null) {
  const query = useApiQuery('party.orgPath', { id: id ?? '' }, { enabled: !!id });
  const path = id ? (query.data ?? []) : [];
  const org = path.at(-1);
  // `active`: the unit as a choice may use it (a dissolved one still names an old record, but takes no new one).
  return { org, active: org?.status === 'active' ? org : undefined, path, isPending: !!id && query.isPending };
}

/** What is searched for: the name after a label's path (「幸福社区 › 第一」 looks for 第一), as the core matches names. */
const nameQuery = (typed: string) => typed.split('›').at(-1)!.trim();

/**
 * The one way to choose a unit on these screens: a list searched in the core (`party.searchOrgs`, 50 at a time, by
 * name or pinyin), since a district has thousands of units. The current value is named by id (`party.orgPath`), so
 * it shows even when it is not among the answers. `hide` leaves out units the field may not take.
 */
export function UnitSelect(props: {
  value: string | null;
  /** With the picked unit, for what depends on its level or a message that names it. */
  onChange: (id: string | null, picked: OrgRow | null) => void;
  levels?: OrgLevel[];
  hide?: (unit: OrgRow) => boolean;
  label?: string;
  placeholder?: string;
  clearable?: boolean;
  required?: boolean;
  error?: ReactNode;
  description?: ReactNode;
  onBlur?: () => void;
  w?: number | string;
  size?: string;
  autoFocus?: boolean;
  openOnFocus?: boolean;
}) {
  const { value, hide } = props;
  const levels = props.levels ?? MEETING_UNITS;
  const current = useOrg(value).org;
  const currentLabel = value && current?.id === value ? current.label : null;
  const [typed, setTyped] = useState('');
  // The box shows the chosen unit's label while closed: that is no search, so the list opens on every unit.
  const q = typed === currentLabel ? '' : nameQuery(typed);
  const [debounced] = useDebouncedValue(q, 150);
  const found = useApiQuery('party.searchOrgs', { q: debounced, levels, limit: 50 }, { placeholderData: keepPreviousData });
  const data = useMemo(() => {
    const units = (found.data ?? []).filter((o) => !hide?.(o));
    if (current && currentLabel && !units.some((o) => o.id === current.id)) units.unshift(current);
    return units;
  }, [found.data, current, currentLabel, hide]);
  return (
    <Select
      label={props.label}
      aria-label={props.label ?? pm.unit.label}
      placeholder={props.placeholder ?? pm.unit.placeholder}
      data={data.map((o) => ({ value: o.id, label: o.label }))}
      value={value}
      onChange={(id) => props.onChange(id, data.find((o) => o.id === id) ?? null)}
      onBlur={props.onBlur}
      searchable
      searchValue={typed}
      onSearchChange={setTyped}
      filter={({ options }) => options}
      clearable={props.clearable}
      required={props.required}
      error={props.error}
      description={props.description}
      nothingFoundMessage={found.isFetching ? pm.unit.searching : pm.unit.none}
      w={props.w}
      size={props.size}
      autoFocus={props.autoFocus}
      openOnFocus={props.openOnFocus}
      comboboxProps={{ width: 'target', withinPortal: true }}
      maxDropdownHeight={320}
    />
  );
}
