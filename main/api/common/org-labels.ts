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
 * communities' 第一党支部 are never one line. The parent's label is itself bare unless its name is shared too.
 * A shared name below a branch reads after its community alone when that is enough (幸福社区 › 第一党小组, not
 * 幸福社区 › 第一党支部 › 第一党小组: a list's 所在组织 holds two lines, issue 15); only where the community has two
 * such units does the whole path show. One rule for the window, the core's lists and the exports
 * (`labelOrgNames`, `OrgIndex.label`).
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

  // The shorter community › name, for a shared unit not directly under its community, where no other unit reads so.
  const short = new Map<string, string>();
  for (const o of byId.values()) {
    const community = shared(o) ? communityAbove(o, byId) : undefined;
    if (community && community.id !== o.parentId) short.set(o.id, prefixName(community) + ORG_PATH_SEPARATOR + o.name);
  }
  const taken = new Map<string, number>();
  for (const [id, label] of short) if (byId.get(id)!.status !== 'dissolved') taken.set(label, (taken.get(label) ?? 0) + 1);
  const full = new Set(labels.values());
  for (const [id, label] of short) {
    const others = (taken.get(label) ?? 0) - (byId.get(id)!.status === 'dissolved' ? 0 : 1);
    if (others === 0 && !full.has(label)) labels.set(id, label);
  }
  return labels;
}

/** The community committee a unit is under, if any (a parent loop in bad data ends the walk). */
function communityAbove(o: NamedOrg, byId: Map<string, NamedOrg>): NamedOrg | undefined {
  const seen = new Set([o.id]);
  for (let p = o.parentId ? byId.get(o.parentId) : undefined; p && !seen.has(p.id); p = p.parentId ? byId.get(p.parentId) : undefined) {
    if (p.level === 'community_committee') return p;
    seen.add(p.id);
  }
  return undefined;
}
