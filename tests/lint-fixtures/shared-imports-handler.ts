// at: main/api/party/labels.ts
// rejects: layers/imports (shared files reach only each other, zod and db/ types)
import { partyHandlers } from './handlers';
export const handlers = partyHandlers;
