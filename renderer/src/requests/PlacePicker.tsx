import { Select } from '@mantine/core';
import { useState } from 'react';
import { useApiQuery } from '../api/queries';

/**
 * A request's or a wish's place (上报, 发布心愿): typed by name or by pinyin, word by word (yg 3hl → 阳光小区 3号楼), found by the core
 * (requests.searchPlaces, the members' pinyin rule). Enter takes the first hit.
 */
export function PlacePicker(props: {
  label: string; placeholder?: string; description?: string; options: { value: string; label: string }[]; value: string | null;
  error?: string; onChange: (v: string | null) => void; onBlur: () => void; nothingFound: string;
}) {
  const [search, setSearch] = useState('');
  const chosen = props.options.find((o) => o.value === props.value)?.label;
  // The search box shows the chosen place's name once one is picked: that is not a search.
  const q = search.trim() && search !== chosen ? search.trim() : '';
  const hits = useApiQuery('requests.searchPlaces', { q }, { enabled: q !== '' });
  const found = hits.data && new Map(hits.data.map((h, i) => [h.id, i]));
  return (
    <Select label={props.label} placeholder={props.placeholder} description={props.description} required data={props.options} value={props.value} error={props.error}
      searchable searchValue={search} onSearchChange={setSearch} selectFirstOptionOnChange nothingFoundMessage={props.nothingFound}
      onChange={props.onChange} onBlur={props.onBlur}
      onKeyDown={(e) => {
        // The core's hits arrive after the words changed, when the list chose its first option already (none yet):
        // Enter with no option under the cursor takes the first hit.
        const first = hits.data?.[0];
        if (e.key !== 'Enter' || !q || !first || e.currentTarget.getAttribute('aria-activedescendant')) return;
        e.preventDefault();
        props.onChange(first.id);
        setSearch(props.options.find((o) => o.value === first.id)?.label ?? first.label);
      }}
      filter={({ options }) => {
        if (!q) return options;
        const items = options as { value: string; label: string }[];
        // Until the core answers, the words as part of the name.
        if (!found) return items.filter((o) => o.label.includes(q));
        return items.filter((o) => found.has(o.value)).sort((a, b) => found.get(a.value)! - found.get(b.value)!);
      }} />
  );
}
