import { Group, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { forwardRef, useMemo, useState } from 'react';
import { volunteerKinds } from '../../../../main/api/volunteer/labels';
import { tenthsText } from '../../../../main/api/volunteer/tenths';
import { useApiQuery } from '../../api/queries';
import { vol } from '../../i18n/volunteer';
import type { PersonHit } from '../types';

export const personKey = (h: Pick<PersonHit, 'volunteerId' | 'memberId'>): string => (h.volunteerId ? `v:${h.volunteerId}` : `m:${h.memberId}`);
/** The API's reference to a person picked here: a volunteer, or a member who becomes one on first use. */
export const personRef = (h: Pick<PersonHit, 'volunteerId' | 'memberId'>) =>
  h.volunteerId ? { volunteerId: h.volunteerId } : { memberId: h.memberId! };

/**
 * Finds a person by name or pinyin initials, searching in SQL as the user types (a district has 30,000
 * volunteers). `clearAfterPick` makes it an "add" box for lists (sign-ups, walk-ins): pick, and type the next.
 */
export const PersonPicker = forwardRef<HTMLInputElement, {
  onPick: (hit: PersonHit | null) => void;
  selected?: PersonHit | null;
  clearAfterPick?: boolean;
  /** Only people already on the volunteer register, or only members not yet on it. */
  only?: 'volunteers' | 'newMembers';
  label?: string;
  placeholder?: string;
  error?: string;
  required?: boolean;
  w?: number | string;
  autoFocus?: boolean;
  showBalance?: boolean;
}>(function PersonPicker(props, ref) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 150);
  const hits = useApiQuery('volunteer.searchPeople', { q, limit: 12 }, { enabled: q.length > 0, placeholderData: keepPreviousData });
  const found = useMemo(() => {
    const all = q ? (hits.data ?? []) : [];
    if (props.only === 'volunteers') return all.filter((h) => h.volunteerId);
    if (props.only === 'newMembers') return all.filter((h) => !h.volunteerId);
    return all;
  }, [hits.data, q, props.only]);
  const byKey = new Map(found.map((h) => [personKey(h), h]));
  if (props.selected) byKey.set(personKey(props.selected), props.selected);
  const data = [...byKey.entries()].map(([value, h]) => ({ value, label: `${h.name} · ${h.orgName}` }));

  return (
    <Select
      ref={ref}
      label={props.label}
      aria-label={props.label ?? vol.common.person}
      placeholder={props.placeholder ?? vol.common.personPlaceholder}
      data={data}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already searched; the list is shown as found.
      filter={({ options }) => options}
      value={props.selected && !props.clearAfterPick ? personKey(props.selected) : null}
      onChange={(key) => {
        props.onPick(key ? (byKey.get(key) ?? null) : null);
        if (props.clearAfterPick) setSearch('');
      }}
      nothingFoundMessage={q ? vol.common.personNone : undefined}
      clearable={!props.clearAfterPick}
      required={props.required}
      error={props.error}
      w={props.w}
      autoFocus={props.autoFocus}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={320}
      renderOption={({ option }) => {
        const h = byKey.get(option.value);
        if (!h) return option.label;
        return (
          <Group gap={8} wrap="nowrap" justify="space-between" w="100%">
            <Text size="sm" truncate>{h.name}<Text span size="xs" c="dimmed"> · {h.orgName}{h.postName ? ` · ${h.postName}` : ''}</Text></Text>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {h.volunteerId ? (props.showBalance ? vol.common.balance(tenthsText(h.balance)) : volunteerKinds[h.kind]) : vol.common.notRegistered}
            </Text>
          </Group>
        );
      }}
    />
  );
});
