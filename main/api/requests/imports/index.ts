import { careRegister } from './care';
import { gridsRegister } from './grids';
import { requestsRegister } from './requests';

/** The 民呼必应 module's importable registers: the grids first (a request takes its building's grid), then the rest. */
export const requestsRegisters = [gridsRegister, requestsRegister, careRegister];
