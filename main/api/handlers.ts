import type { Contract } from './contract';
import { importHandlers } from './import/handlers';
import { partyHandlers } from './party/handlers';
import type { Handlers } from './router';
import { submissionHandlers } from './submission/handlers';
import { systemHandlers } from './system/handlers';
import { volunteerHandlers } from './volunteer/handlers';

export const handlers: Handlers<Contract> = {
  ...systemHandlers,
  ...partyHandlers,
  ...importHandlers,
  ...submissionHandlers,
  ...volunteerHandlers,
};
