// at: db/fund/types.ts
// accepts: other row-type files, as import type
import type { ChainHead } from '../ledger/types';
import type { OrgRow } from '../party/types';
export interface Disclosed { head: ChainHead; org: OrgRow }
