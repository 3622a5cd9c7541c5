// at: renderer/src/party/leak.ts
// rejects: layers/imports (export … from is an import too)
export { listOrgs } from '../../../db/party/orgs';
