import { committeeMembersRegister } from './committee-members';
import { companiesRegister } from './companies';
import { estatesRegister } from './estates';

/** The red-property module's importable registers, in the order a street fills them: companies, estates, committees. */
export const propertyRegisters = [companiesRegister, estatesRegister, committeeMembersRegister];
