// at: renderer/src/party/leak.ts
// rejects: layers/imports (import() is checked like import)
export const orgs = () => import('../../../db/party/orgs');
