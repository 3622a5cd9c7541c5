import { useDebouncedValue } from '@mantine/hooks';
import { createSpotlight, Spotlight, useSpotlight } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { ApiOutput } from '../api/types';
import { useApiQuery } from '../api/queries';
import { zh } from '../i18n/zh-CN';
import { navigate } from './router';

type Hit = ApiOutput<'system.search'>[number];

const target = { member: '/party/members', org: '/party/members', place: '/party/orgs' } as const;
const param = { member: 'member', org: 'org', place: 'place' } as const;
const open = (h: Hit) => navigate(target[h.kind], { [param[h.kind]]: h.id });

const [searchStore, searchSpotlight] = createSpotlight();

/** Opens the global search (Ctrl+K, or the header's search box). */
export const openSearch = searchSpotlight.open;

/** Ctrl+K: people by name or pinyin initials first, then organisations and places. */
export function GlobalSearch() {
  const [query, setQuery] = useState('');
  const [q] = useDebouncedValue(query.trim(), 120);
  const hits = useApiQuery('system.search', { q, limit: 20 }, { enabled: q.length > 0 });
  const rows = q ? (hits.data ?? []) : [];
  const { selected } = useSpotlight(searchStore);
  return (
    <Spotlight.Root store={searchStore} query={query} onQueryChange={setQuery} shortcut={null} scrollable maxHeight={420}>
      <Spotlight.Search
        placeholder={zh.search.placeholder}
        leftSection={<IconSearch size={18} />}
        aria-label={zh.search.placeholder}
        onKeyDown={(e) => {
          // Type and press Enter: the first result opens unless the arrows picked another one.
          if (e.key === 'Enter' && selected < 0 && rows[0]) {
            e.preventDefault();
            open(rows[0]);
            searchSpotlight.close();
          }
        }}
      />
      <Spotlight.ActionsList>
        {rows.map((h) => (
          <Spotlight.Action
            key={`${h.kind}-${h.id}`}
            label={h.title}
            description={`${zh.search.kinds[h.kind]} · ${h.subtitle}`}
            onClick={() => open(h)}
          />
        ))}
        {q && hits.isSuccess && rows.length === 0 && <Spotlight.Empty>{zh.search.empty}</Spotlight.Empty>}
        {!q && <Spotlight.Empty>{zh.search.hint}</Spotlight.Empty>}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
