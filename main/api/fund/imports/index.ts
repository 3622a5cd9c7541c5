import { openingsRegister } from './openings';

/** The fund module's importable registers (docs/fund.md). */
export const fundRegisters = [openingsRegister];
