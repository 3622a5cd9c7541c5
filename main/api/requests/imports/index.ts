import { gridsRegister } from './grids';

/** The 民呼必应 module's importable registers: the grids first (requests and care households name their places). */
export const requestsRegisters = [gridsRegister];
