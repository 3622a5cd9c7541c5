import { defineModule } from '../module';
import { propertyContract } from './contract';
import { propertyExport } from './export';
import { propertyHandlers } from './handlers';
import { propertyRegisters } from './imports';

/** 红色物业: property companies, estates' profiles and contracts, owners' committees, three-party joint meetings. */
export const propertyModule = defineModule({
  name: 'property',
  contract: propertyContract,
  handlers: propertyHandlers,
  export: propertyExport,
  imports: propertyRegisters,
});
