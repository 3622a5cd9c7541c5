import { useMemo } from 'react';
import { useApiQuery } from '../../api/queries';

/** Estates and their buildings from the places register (an elevator stands in a building of an estate). */
export function usePlaces() {
  const places = useApiQuery('party.listPlaces', {});
  return useMemo(() => {
    const rows = places.data ?? [];
    const names = new Map(rows.map((p) => [p.id, p.name]));
    const estates = rows.filter((p) => p.kind === 'estate')
      .map((e) => ({ value: e.id, label: e.parentId ? `${e.name} · ${names.get(e.parentId) ?? ''}` : e.name }));
    const buildingsOf = (estateId: string | null) =>
      rows.filter((p) => p.kind === 'building' && p.parentId === estateId).map((b) => ({ value: b.id, label: b.name, unitCount: b.unitCount }));
    return { estates, buildingsOf, isPending: places.isPending };
  }, [places.data, places.isPending]);
}
