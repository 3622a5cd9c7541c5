import { Chip, Group, SegmentedControl, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback, useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { lifecycles, memberCategories, memberRoles, memberStatuses } from '../../../../main/api/party/labels';
import { options } from '../../components/fields';
import { reg } from '../../i18n/party-register';
import { zh } from '../../i18n/zh-CN';
import { param, type MemberFilters as Filters } from './memberParams';

type Change = Record<string, string | null>;

/** Search (name or pinyin initials, Ctrl+F) and the filters, each written to the address as it changes. */
export function MemberFilters({ filters, onChange }: { filters: Filters; onChange: (c: Change) => void }) {
  const [text, setText] = useState(filters.q);
  // The address can change the search too (清除筛选, the back button): follow it, as React advises, while rendering.
  const [seenQ, setSeenQ] = useState(filters.q);
  if (seenQ !== filters.q) {
    setSeenQ(filters.q);
    if (text.trim() !== filters.q) setText(filters.q);
  }
  const search = useRef<HTMLInputElement>(null);
  const commit = useDebouncedCallback((q: string) => onChange({ [param.q]: q.trim() || null }), 250);
  useHotkeys([['mod+F', () => search.current?.focus()]]);
  const select = (key: keyof typeof param, label: string, data: { value: string; label: string }[]) => (
    <Select
      aria-label={label}
      placeholder={label}
      data={data}
      value={(filters[key] as string | null) ?? null}
      onChange={(v) => onChange({ [param[key]]: v })}
      clearable
      allowDeselect
      w={96}
      comboboxProps={{ width: 140 }}
    />
  );

  return (
    <Group gap="xs" wrap="wrap">
      <TextInput
        ref={search}
        aria-label={reg.members.searchLabel}
        placeholder={reg.members.search}
        leftSection={<IconSearch size={16} />}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          commit(e.currentTarget.value);
        }}
        w={230}
      />
      {select('category', reg.members.category, options(memberCategories))}
      {select('status', reg.members.status, options(memberStatuses))}
      {select('role', reg.members.role, [...options(memberRoles), { value: 'any_role', label: reg.members.anyRole }])}
      <SegmentedControl
        aria-label={reg.members.lifecycle}
        size="sm"
        value={filters.lifecycle}
        onChange={(v) => onChange({ [param.lifecycle]: v === 'active' ? null : v })}
        data={[...options(lifecycles), { value: 'all', label: zh.common.all }]}
      />
      <Chip
        checked={filters.centreOnly}
        onChange={(on) => onChange({ [param.centreOnly]: on ? '1' : null })}
        variant="outline"
      >
        {reg.members.centreOnly}
      </Chip>
    </Group>
  );
}
