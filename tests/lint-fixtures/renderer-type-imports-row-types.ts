// at: renderer/src/fund/leak.ts
// rejects: layers/imports (not even db/'s row-type files: the renderer names rows through ApiOutput)
import type { EntryRow } from '../../../db/fund/types';
export type Row = EntryRow;
