import { useDebouncedValue } from '@mantine/hooks';
import { createSpotlight, Spotlight, useSpotlight } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { ApiOutput } from '../api/types';
import { useApiQuery } from '../api/queries';
import { zh } from '../i18n/zh-CN';
import { uiModules } from '../modules';
import type { UiModule } from './module';
import { navigate } from './router';

type Hit = ApiOutput<'system.search'>[number];

/** Where each kind of hit opens, as the module returning it says. */
const targets: NonNullable<UiModule['search']> = Object.assign({}, ...uiModules.map((m) => m.search));
const open = (h: Hit) => {
  const target = targets[h.kind];
  if (target) navigate(target.path, { [target.param]: h.id });
};

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
