// at: preload/leak.ts
// rejects: layers/imports (preload exposes the api object, nothing more)
import { openDb } from '../db/open';
export const open = openDb;
