// at: renderer/src/leak.ts
// rejects: layers/imports (files outside renderer/ and the shared ones)
import { seed } from '../../scripts/lib/seed';
export const s = seed;
