// at: main/api/leak/contract.ts
// rejects: layers/imports (a contract runs in the renderer too: db/ only as import type)
import { getOrg } from '../../../db/party/orgs';
export const orgs = getOrg;
