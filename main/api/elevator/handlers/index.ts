import type { Handlers } from '../../router';
import type { elevatorContract } from '../contract';
import { checklistHandlers } from './checklist';
import { elevatorHandlers } from './elevators';
import { faultHandlers } from './faults';
import { maintenanceHandlers } from './maintenance';
import { settingsHandlers } from './settings';
import { todoHandlers } from './todos';

export const elevatorModuleHandlers: Handlers<typeof elevatorContract> = {
  ...settingsHandlers,
  ...elevatorHandlers,
  ...maintenanceHandlers,
  ...checklistHandlers,
  ...faultHandlers,
  ...todoHandlers,
};
