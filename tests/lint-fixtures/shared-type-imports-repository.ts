// at: main/api/leak/contract.ts
// rejects: layers/imports (even as import type: the renderer's typecheck would read the repository, and Node's types with it)
import type { OrgRow } from '../../../db/party/orgs';
export type Row = OrgRow;
