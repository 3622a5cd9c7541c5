// at: db/party/types.ts
// rejects: layers/imports (a row-type file names only other row types: the driver brings Node's types)
import type { Db } from '../open';
export interface WithDb { db: Db }
