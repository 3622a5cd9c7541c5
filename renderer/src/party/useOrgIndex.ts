import { useMemo } from 'react';
import type { OrgLevel, OrgRow } from './types';
import { childLevel } from '../../../main/api/party/labels';
import { useApiQuery } from '../api/queries';
import { compareZh } from '../../../main/api/common/collate';
import { orgLabels } from '../../../main/api/common/org-labels';

export interface OrgIndex {
  rows: OrgRow[];
  byId: Map<string, OrgRow>;
  roots: OrgRow[];
  childrenOf: (id: string) => OrgRow[];
  /** Active members of the unit and every unit below it. */
  subtreeMembers: (id: string) => number;
  /** The unit and its ancestors, root first. */
  pathOf: (id: string) => OrgRow[];
  isInside: (id: string, ancestorId: string) => boolean;
  /** The unit as lists name it alone: with the path that tells it from a same-named unit (`orgLabels`). */
  labelOf: (id: string) => string;
}

const byName = (a: OrgRow, b: OrgRow) => compareZh(a.name, b.name);

export function buildOrgIndex(rows: OrgRow[]): OrgIndex {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const children = new Map<string, OrgRow[]>();
  const roots: OrgRow[] = [];
  for (const r of rows) {
    // A unit whose parent was dissolved (or filtered out) still shows, at the top.
    if (r.parentId && byId.has(r.parentId)) {
      const list = children.get(r.parentId) ?? [];
      list.push(r);
      children.set(r.parentId, list);
    } else roots.push(r);
  }
  for (const list of children.values()) list.sort(byName);
  roots.sort(byName);

  const totals = new Map<string, number>();
  const total = (id: string): number => {
    const known = totals.get(id);
    if (known !== undefined) return known;
    const sum = (byId.get(id)?.memberCount ?? 0) + (children.get(id) ?? []).reduce((n, c) => n + total(c.id), 0);
    totals.set(id, sum);
    return sum;
  };

  const pathOf = (id: string): OrgRow[] => {
    const out: OrgRow[] = [];
    for (let r = byId.get(id); r; r = r.parentId ? byId.get(r.parentId) : undefined) out.unshift(r);
    return out;
  };

  const labels = orgLabels(rows);

  return {
    rows,
    byId,
    labelOf: (id) => labels.get(id) ?? byId.get(id)?.name ?? '',
    roots,
    childrenOf: (id) => children.get(id) ?? [],
    subtreeMembers: total,
    pathOf,
    isInside: (id, ancestorId) => {
      const a = byId.get(ancestorId);
      const r = byId.get(id);
      return !!a && !!r && r.path.startsWith(a.path);
    },
  };
}

/** The active organisation tree, shared by every screen through one query. */
export function useOrgIndex() {
  const query = useApiQuery('party.listOrgs', {});
  const index = useMemo(() => buildOrgIndex(query.data ?? []), [query.data]);
  return { ...query, index };
}

/** The level a unit of this level sits under (the inverse of `childLevel`). */
export function parentLevel(level: OrgLevel): OrgLevel | null {
  const entry = Object.entries(childLevel).find(([, child]) => child === level);
  return (entry?.[0] as OrgLevel | undefined) ?? null;
}
