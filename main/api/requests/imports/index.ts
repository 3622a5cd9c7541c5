import { careRegister } from './care';
import { gridsRegister } from './grids';

/** The 民呼必应 module's importable registers: the grids first, then the households cared for. */
export const requestsRegisters = [gridsRegister, careRegister];
