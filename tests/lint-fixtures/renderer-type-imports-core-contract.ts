// at: renderer/src/api/leak.ts
// rejects: layers/imports (the core's merged contract brings every handler; the window merges its manifests' own)
import type { Contract } from '../../../main/api/contract';
export type Leak = Contract;
