import type { InputOf, OutputOf } from '../main/api/common/channel';
import type { Contract } from '../main/api/contract';

/**
 * Finding a unit the tests set up, as the screens find one (a level at a time, by search): shared by the unit tests
 * (their core's `call`) and the e2e specs (tests/e2e/api.ts binds these to a running app).
 */

type OrgReads = 'party.orgChildren' | 'party.searchOrgs';
/** How a test reads the core: `call` from tests/unit/helpers.ts, or `apiCall` bound to a running app. */
export type OrgCall = <K extends OrgReads>(channel: K, input: InputOf<Contract[K]>) => Promise<OutputOf<Contract[K]>>;
export type OrgNode = OutputOf<Contract['party.orgChildren']>[number];

/** The installation's root unit, the one setup made (a street's 党工委, a community's 党委). */
export async function rootOrg(call: OrgCall): Promise<OrgNode> {
  const [root, ...more] = await call('party.orgChildren', {});
  if (!root || more.length) throw new Error(`expected one root unit, found ${more.length + (root ? 1 : 0)}`);
  return root;
}

/** The one active unit named exactly `name` (a test names the units it makes apart). */
export async function orgByName(call: OrgCall, name: string): Promise<OrgNode> {
  const found = (await call('party.searchOrgs', { q: name, limit: 100 })).filter((o) => o.name === name);
  if (found.length !== 1) throw new Error(`expected one unit named ${name}, found ${found.length}`);
  return found[0]!;
}

/** Active units in the tree: the root and every one below it. */
export async function orgCount(call: OrgCall): Promise<number> {
  return (await rootOrg(call)).descendantCount + 1;
}
