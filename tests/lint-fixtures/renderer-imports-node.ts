// at: renderer/src/leak.ts
// rejects: layers/imports (the window has no Node)
import { readFileSync } from 'node:fs';
export const read = readFileSync;
