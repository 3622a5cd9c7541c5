// at: db/party/leak.ts
// rejects: layers/imports (db/ is the bottom layer)
export { createCore } from '../../main/core';
