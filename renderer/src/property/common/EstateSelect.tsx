import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { useApiQuery } from '../../api/queries';
import { prop } from '../../i18n/property';

/**
 * Estates with a property profile (of one community, or all), labelled with their community: two communities may
 * both have a 阳光小区.
 */
export function useEstateOptions(communityId: string | null = null) {
  // The API's page maximum; a street has far fewer estates with profiles than that.
  const estates = useApiQuery('property.listEstates', { limit: 500, communityId });
  return useMemo(() => {
    const rows = estates.data?.rows ?? [];
    return {
      rows,
      byId: new Map(rows.map((e) => [e.placeId, e])),
      options: rows.map((e) => ({ value: e.placeId, label: `${e.name} · ${e.communityName}` })),
      isPending: estates.isPending,
    };
  }, [estates.data, estates.isPending]);
}

/** The one way to choose an estate on these screens: searchable, by name. */
export function EstateSelect(props: {
  value: string | null;
  onChange: (id: string | null) => void;
  label?: string;
  placeholder?: string;
  clearable?: boolean;
  required?: boolean;
  error?: string;
  onBlur?: () => void;
  w?: number | string;
  autoFocus?: boolean;
  /** Only this community's estates (a list filtered by community). */
  communityId?: string | null;
}) {
  const { communityId, ...select } = props;
  const { options } = useEstateOptions(communityId ?? null);
  return (
    <Select
      {...select}
      aria-label={props.label ?? prop.estatePick.label}
      placeholder={props.placeholder ?? prop.estatePick.placeholder}
      data={options}
      value={props.value}
      onChange={props.onChange}
      searchable
      nothingFoundMessage={prop.estatePick.none}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={320}
    />
  );
}
