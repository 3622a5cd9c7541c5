import type { ApiShape } from './common/client-shape';
import type { ContractOf } from './common/channel';
import { coreModules } from './handlers';

/**
 * Every channel of the API, merged from the core's modules (main/api/handlers.ts): the router, the transports and
 * the tests read it. It brings handlers and SQLite with it, so the window and the preload never import it: the
 * window types its client from its own manifests (renderer/src/api/contract.ts), and the preload asks the main
 * process for the channel names (main/electron/ipc.ts). docs/architecture.md, "A module's shape".
 */
export type Contract = ContractOf<typeof coreModules>;
export const contract = Object.assign({}, ...coreModules.map((m) => m.contract)) as Contract;

export type Api = ApiShape<Contract>;
export const channelNames = Object.keys(contract) as (keyof Contract & string)[];
