// at: renderer/src/party/leak.ts
// rejects: layers/imports (the renderer reaches data through the API only)
import { getOrg } from '../../../db/party/orgs';
export const orgs = getOrg;
