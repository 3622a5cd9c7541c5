import { Select } from '@mantine/core';
import { useApiQuery } from '../api/queries';
import { zh } from '../i18n/zh-CN';

/**
 * A list's filter by community (社区), from the places register. Shown only where there is a choice: a street that
 * keeps several communities; a community's own installation has one and gets nothing to pick.
 */
export function CommunityFilter({ value, onChange, w = 180 }: { value: string | null; onChange: (id: string | null) => void; w?: number }) {
  const places = useApiQuery('party.listPlaces', {});
  const communities = (places.data ?? []).filter((p) => p.kind === 'community').map((c) => ({ value: c.id, label: c.name }));
  if (communities.length < 2 && !value) return null;
  return (
    <Select aria-label={zh.communityFilter.label} placeholder={zh.communityFilter.all} data={communities} value={value} clearable searchable
      w={w} onChange={onChange} comboboxProps={{ withinPortal: true }} />
  );
}
