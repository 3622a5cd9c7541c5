import { defineModule } from '../module';
import { elevatorContract } from './contract';
import { elevatorExport } from './export';
import { elevatorModuleHandlers } from './handlers';
import { elevatorRegisters } from './imports';

/** 电梯档案: elevators per building and unit, their maintenance records with sign-off, faults and entrapments (docs/elevator.md). */
export const elevatorModule = defineModule({
  name: 'elevator',
  contract: elevatorContract,
  handlers: elevatorModuleHandlers,
  export: elevatorExport,
  imports: elevatorRegisters,
});
