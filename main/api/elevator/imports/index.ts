import { elevatorsRegister } from './elevators';
import { maintenanceRegister } from './maintenance';

/** The elevator module's importable registers (docs/elevator.md): the elevators first, their records after. */
export const elevatorRegisters = [elevatorsRegister, maintenanceRegister];
