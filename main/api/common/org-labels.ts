import type { OrgLevel } from '../../../db/party/types';

/** What naming a unit apart needs: its name, its parent, and for a community committee the community's name. */
export interface NamedOrg {
  id: string;
  parentId: string | null;
  level: OrgLevel;
  name: string;
  placeName?: string | null;
  /** A dissolved unit is still named (old meetings, history) but does not make an active one's name shared. */
  status?: 'active' | 'dissolved';
}

export const ORG_PATH_SEPARATOR = ' › ';

/** A community committee stands for its community in a path, by the community's name (幸福社区), as registers do. */
const prefixName = (o: NamedOrg) => (o.level === 'community_committee' && o.placeName ? o.placeName : o.name);

/**
 * Each unit's name as a list, a picker or a to-do shows it on its own line: the bare name when no other active
 * unit bears it, otherwise after its parent's label — 幸福社区 › 第一党支部 and 和平社区 › 第一党支部 — so two
 * communities' 第一党支部 are never one line. The parent's label is itself bare unless its name is shared too
 * (a 第一党小组 under two communities' 第一党支部: 幸福社区 › 第一党支部 › 第一党小组). One rule for the window,
 * the core's lists and the exports (`labelOrgNames`, `OrgIndex.label`).
 */
export function orgLabels(orgs: Iterable<NamedOrg>): Map<string, string> {
  const byId = new Map<string, NamedOrg>();
  const active = new Map<string, number>();
  for (const o of orgs) {
    byId.set(o.id, o);
    if (o.status !== 'dissolved') active.set(o.name, (active.get(o.name) ?? 0) + 1);
  }
  const shared = (o: NamedOrg) => (active.get(o.name) ?? 0) - (o.status === 'dissolved' ? 0 : 1) > 0;

  const labels = new Map<string, string>();
  // `asPrefix`: the unit as it reads in front of a child's name; `seen` guards against a parent loop in bad data.
  const pathOf = (o: NamedOrg, asPrefix: boolean, seen: Set<string>): string => {
    const own = asPrefix ? prefixName(o) : o.name;
    const parent = o.parentId ? byId.get(o.parentId) : undefined;
    // A community's own name is what registers tell communities apart by: no street in front of it.
    if (own !== o.name || !shared(o) || !parent || seen.has(parent.id)) return own;
    seen.add(o.id);
    return pathOf(parent, true, seen) + ORG_PATH_SEPARATOR + own;
  };
  for (const o of byId.values()) labels.set(o.id, pathOf(o, false, new Set()));
  return labels;
}
