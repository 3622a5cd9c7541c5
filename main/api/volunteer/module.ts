import { defineModule } from '../module';
import { volunteerContract } from './contract';
import { volunteerExport } from './export';
import { volunteerHandlers } from './handlers';
import { volunteerRegisters } from './imports';

/** 志愿服务: volunteers, posts, activities, the points ledger and shop. */
export const volunteerModule = defineModule({
  name: 'volunteer',
  contract: volunteerContract,
  handlers: volunteerHandlers,
  imports: volunteerRegisters,
  export: volunteerExport,
});
