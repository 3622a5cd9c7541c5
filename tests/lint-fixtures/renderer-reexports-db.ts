// at: renderer/src/party/leak.ts
// rejects: layers/imports (export … from is an import too)
export { getOrg } from '../../../db/party/orgs';
