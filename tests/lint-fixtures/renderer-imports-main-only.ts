// at: renderer/src/system/leak.ts
// rejects: layers/imports (main/ code other than the shared files)
import { createRouter } from '../../../main/api/router';
export const router = createRouter;
