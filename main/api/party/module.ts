import { searchParty } from '../../../db/party/search';
import { defineModule } from '../module';
import { partyContract } from './contract';
import { partyExport } from './export';
import { partyHandlers } from './handlers';
import { partyRegisters } from './imports';

/** 党组织: places, the organisation tree, members, meetings, ratings. */
export const partyModule = defineModule({
  name: 'party',
  contract: partyContract,
  handlers: partyHandlers,
  imports: partyRegisters,
  export: partyExport,
  search: searchParty,
});
