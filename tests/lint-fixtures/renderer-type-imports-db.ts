// at: renderer/src/party/leak.ts
// rejects: layers/imports (not even types: the renderer names rows through ApiOutput)
import type { OrgRow } from '../../../db/party/orgs';
export type Row = OrgRow;
