import { useMemo } from 'react';
import { useApiQuery } from '../api/queries';

/** The places register as pick lists: every place named with its parents (西里社区 阳光小区 3号楼), and a community's buildings. */
export function usePlaceOptions() {
  const places = useApiQuery('party.listPlaces', {});
  return useMemo(() => {
    const rows = places.data ?? [];
    const byId = new Map(rows.map((p) => [p.id, p]));
    const fullName = (id: string): string => {
      const p = byId.get(id);
      return !p ? '' : p.parentId ? `${fullName(p.parentId)} ${p.name}` : p.name;
    };
    const all = rows.map((p) => ({ value: p.id, label: fullName(p.id) })).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
    const communities = rows.filter((p) => p.kind === 'community').map((c) => ({ value: c.id, label: c.name }));
    const buildingsOf = (communityId: string | null) =>
      rows.filter((b) => b.kind === 'building' && b.parentId && byId.get(b.parentId)?.parentId === communityId)
        .map((b) => ({ value: b.id, label: `${byId.get(b.parentId!)!.name} ${b.name}`, households: b.households }));
    const buildings = rows.filter((b) => b.kind === 'building').map((b) => ({ value: b.id, label: fullName(b.id) }))
      .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN', { numeric: true }));
    return { all, communities, buildingsOf, buildings, isPending: places.isPending };
  }, [places.data, places.isPending]);
}
