import { elevatorsRegister } from './elevators';

/** The elevator module's importable registers (docs/elevator.md). */
export const elevatorRegisters = [elevatorsRegister];
