import type { Handlers } from '../../router';
import type { volunteerContract } from '../contract';
import { activityHandlers } from './activities';
import { certificateHandlers } from './certificate';
import { peopleHandlers } from './people';
import { pointHandlers } from './points';
import { postHandlers } from './posts';
import { rankingHandlers } from './rankings';
import { shopHandlers } from './shop';

export const volunteerHandlers: Handlers<typeof volunteerContract> = {
  ...peopleHandlers,
  ...postHandlers,
  ...activityHandlers,
  ...pointHandlers,
  ...rankingHandlers,
  ...shopHandlers,
  ...certificateHandlers,
};
