// at: renderer/src/system/leak.ts
// rejects: layers/imports (a built-in without node: is still Node)
import os from 'os';
export const host = os.hostname;
