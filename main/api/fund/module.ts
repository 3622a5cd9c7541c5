import { defineModule } from '../module';
import { fundContract } from './contract';
import { fundExport } from './export';
import { fundHandlers } from './handlers';
import { fundRegisters } from './imports';

/** 电梯维保基金: fund accounts per estate, their signatories, and the journal with two sign-offs (docs/fund.md). */
export const fundModule = defineModule({
  name: 'fund',
  contract: fundContract,
  handlers: fundHandlers,
  export: fundExport,
  imports: fundRegisters,
});
