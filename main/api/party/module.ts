import { searchParty } from '../../../db/party/search';
import { defineModule } from '../module';
import { partyContract } from './contract';
import { partyExport } from './export';
import { partyHandlers } from './handlers';
import { partyRegisters } from './imports';
import { orgLabelsOf } from './org-names';

/** 党组织: places, the organisation tree, members, meetings, ratings. */
export const partyModule = defineModule({
  name: 'party',
  contract: partyContract,
  handlers: partyHandlers,
  imports: partyRegisters,
  export: partyExport,
  // A hit names its unit as the lists do, so two communities' 第一党支部 are two lines.
  search: (db, q, limit) => {
    const labels = orgLabelsOf(db);
    return searchParty(db, q, limit, (id, name) => labels.get(id) ?? name);
  },
});
