import { openingRegister } from './opening';
import { peopleRegister } from './people';
import { postsRegister } from './posts';

/** The volunteer module's importable registers, in the order a new installation fills them: people, posts, points. */
export const volunteerRegisters = [peopleRegister, postsRegister, openingRegister];
