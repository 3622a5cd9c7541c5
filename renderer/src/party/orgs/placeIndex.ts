import type { PlaceRow } from '../types';
import { compareZh } from '../../../../main/api/common/collate';

export interface PlaceIndex {
  byId: Map<string, PlaceRow>;
  roots: PlaceRow[];
  childrenOf: (id: string) => PlaceRow[];
  /** The place's own household count, or else the sum over the places below it (null when nobody counted). */
  households: (id: string) => { value: number | null; summed: boolean };
}

const byName = (a: PlaceRow, b: PlaceRow) => compareZh(a.name, b.name);

export function buildPlaceIndex(rows: PlaceRow[]): PlaceIndex {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const children = new Map<string, PlaceRow[]>();
  const roots: PlaceRow[] = [];
  for (const r of rows) {
    if (r.parentId && byId.has(r.parentId)) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
    else roots.push(r);
  }
  for (const list of children.values()) list.sort(byName);
  roots.sort(byName);

  const households = (id: string): { value: number | null; summed: boolean } => {
    const own = byId.get(id)?.households ?? null;
    if (own !== null) return { value: own, summed: false };
    const parts = (children.get(id) ?? []).map((c) => households(c.id).value).filter((v): v is number => v !== null);
    return parts.length ? { value: parts.reduce((a, b) => a + b, 0), summed: true } : { value: null, summed: false };
  };

  return { byId, roots, childrenOf: (id) => children.get(id) ?? [], households };
}
