import { membersRegister } from './members';
import { orgsRegister } from './orgs';
import { placesRegister } from './places';

/** The party module's importable registers, in the order a new installation fills them: places, the tree, members. */
export const partyRegisters = [placesRegister, orgsRegister, membersRegister];
