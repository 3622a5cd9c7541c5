/** The benches' units, found as the window finds them: the tree a level at a time (`party.orgChildren`). */
type Call = (channel: string, input: unknown) => Promise<unknown>;
export type BenchOrg = { id: string; parentId: string | null; path: string; level: string; name: string; childCount: number; subtreeMembers: number };

/** Every active unit, asking only the units that have children (at a district, about a third of 2,512). */
export async function walkOrgs(call: Call): Promise<BenchOrg[]> {
  const out: BenchOrg[] = [];
  for (let level = [null as string | null]; level.length; ) {
    const next: string[] = [];
    for (const parentId of level) {
      for (const o of (await call('party.orgChildren', { parentId })) as BenchOrg[]) {
        out.push(o);
        if (o.childCount > 0) next.push(o.id);
      }
    }
    level = next;
  }
  return out;
}

/** The units of a level with the most members in their subtree first: the slowest realistic filters. */
export const largestFirst = (orgs: BenchOrg[], level: string) =>
  orgs.filter((o) => o.level === level).sort((a, b) => b.subtreeMembers - a.subtreeMembers);
