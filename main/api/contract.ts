import type { ApiShape } from './common/client-shape';
import { elevatorContract } from './elevator/contract';
import { requestsContract } from './requests/contract';
import { fundContract } from './fund/contract';
import { importContract } from './import/contract';
import { partyContract } from './party/contract';
import { propertyContract } from './property/contract';
import { submissionContract } from './submission/contract';
import { systemContract } from './system/contract';
import { volunteerContract } from './volunteer/contract';

/**
 * Every channel of the API. Clients, the preload bridge, IPC registration and HTTP routes derive from it.
 * It is a list of its own, not derived from the modules' manifests, because the renderer and the preload
 * bridge read it: the core's manifests bring handlers and SQLite, the renderer's bring every page (see
 * docs/architecture.md, "A module's shape"). tests/unit/modules.test.ts checks it against the manifests.
 */
export const contract = {
  ...systemContract,
  ...partyContract,
  ...importContract,
  ...submissionContract,
  ...volunteerContract,
  ...propertyContract,
  ...fundContract,
  ...elevatorContract,
  ...requestsContract,
};

export type Contract = typeof contract;
export type Api = ApiShape<Contract>;
export const channelNames = Object.keys(contract) as (keyof Contract & string)[];
