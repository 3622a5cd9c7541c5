import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { childLevel } from '../../../main/api/party/labels';
import { callApi } from '../api/queries';
import type { ApiOutput } from '../api/types';
import type { OrgLevel } from './types';

/** A unit as the tree sends it: its row, its label, how many units sit below it, its subtree's members. */
export type OrgNode = ApiOutput<'party.orgChildren'>[number];

/** The children of each unit in `parentIds` (null: the roots), a level each, as the tree opens them. */
export function useOrgLevels(parentIds: (string | null)[]) {
  const results = useQueries({
    queries: parentIds.map((parentId) => ({
      queryKey: ['party.orgChildren', { parentId }],
      queryFn: () => callApi('party.orgChildren', { parentId }),
    })),
  });
  // One map per change of what was loaded, not per render: the tree rebuilds (and re-derives its folds) on a new map.
  const stamp = `${parentIds.join()}|${results.map((r) => r.dataUpdatedAt).join()}`;
  const levels = useMemo(() => {
    const out = new Map<string | null, OrgNode[]>();
    results.forEach((r, i) => r.data && out.set(parentIds[i]!, r.data));
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `stamp` says when the ids or their answers changed
  }, [stamp]);
  return { levels, isPending: results[0]?.isPending ?? false };
}

/** The level a unit of this level sits under (the inverse of `childLevel`). */
export function parentLevel(level: OrgLevel): OrgLevel | null {
  const entry = Object.entries(childLevel).find(([, child]) => child === level);
  return (entry?.[0] as OrgLevel | undefined) ?? null;
}

/** Members belong to branches and groups only (the handler refuses anything else). */
export const MEMBER_UNITS: OrgLevel[] = ['branch', 'group'];
