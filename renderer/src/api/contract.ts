import type { ContractOf } from '../../../main/api/common/channel';
import type { ApiShape } from '../../../main/api/common/client-shape';
import type { uiModules } from '../modules';

/**
 * The window's API: the contracts its modules' manifests name, merged (types only — no schema is loaded for it).
 * The core's is merged from its own manifests (main/api/contract.ts); tests/unit/renderer-imports.test.ts holds the
 * two to exactly the same channels.
 */
export type Contract = ContractOf<typeof uiModules>;
export type Api = ApiShape<Contract>;
