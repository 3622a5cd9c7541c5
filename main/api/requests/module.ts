import { defineModule } from '../module';
import { requestsContract } from './contract';
import { requestsExport } from './export';
import { requestsModuleHandlers } from './handlers';
import { requestsRegisters } from './imports';

/** 民呼必应: grids of buildings with their workers, and the request ledger from 上报 to 评价 (docs/requests.md). */
export const requestsModule = defineModule({
  name: 'requests',
  contract: requestsContract,
  handlers: requestsModuleHandlers,
  export: requestsExport,
  imports: requestsRegisters,
});
