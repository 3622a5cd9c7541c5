import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useApiQuery } from '../api/queries';
import { zh } from '../i18n/zh-CN';

const m = zh.memberPicker;

/** Finds a member of the party register (在册) by name or pinyin initials, searched in SQL; picks and clears for the next. */
export function MemberPicker({ label, onPick, error }: { label: string; onPick: (member: { id: string; name: string; orgName: string }) => void; error?: string }) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 150);
  const hits = useApiQuery('party.listMembers', { q, limit: 12 }, { enabled: q.length > 0, placeholderData: keepPreviousData });
  const rows = q ? (hits.data?.rows ?? []) : [];
  return (
    <Select
      aria-label={label}
      placeholder={m.placeholder}
      error={error}
      data={rows.map((r) => ({ value: r.id, label: `${r.name} · ${r.orgName}` }))}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already searched; the list is shown as found.
      filter={({ options }) => options}
      value={null}
      onChange={(id) => {
        const hit = rows.find((r) => r.id === id);
        if (hit) onPick({ id: hit.id, name: hit.name, orgName: hit.orgName });
        setSearch('');
      }}
      nothingFoundMessage={q ? m.none : undefined}
      style={{ flex: 1 }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
