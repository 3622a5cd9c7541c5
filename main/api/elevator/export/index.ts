import type { ModuleExport } from '../../../export/types';
import { elevatorRegister, faultRegister, maintenanceRegister } from './registers';
import { elevatorSummary } from './summary';
import { elevatorsTable, faultsTable, maintenanceTable } from './tables';

/** The elevator register in exports and submissions (docs/export.md, docs/elevator.md). */
export const elevatorExport: ModuleExport = {
  module: 'elevator',
  title: '电梯档案',
  tables: [elevatorsTable, maintenanceTable, faultsTable],
  registers: [elevatorRegister, maintenanceRegister, faultRegister],
  summary: elevatorSummary,
};
