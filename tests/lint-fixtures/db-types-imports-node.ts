// at: db/fund/types.ts
// rejects: layers/imports (a row-type file is read by the renderer's typecheck, which has no Node)
import type { Buffer } from 'node:buffer';
export interface Attachment { bytes: Buffer }
