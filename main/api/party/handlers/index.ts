import type { Handlers } from '../../router';
import type { partyContract } from '../contract';
import { dashboardHandlers } from './dashboard';
import { meetingHandlers } from './meetings';
import { memberHandlers } from './members';
import { orgHandlers } from './orgs';
import { placeHandlers } from './places';
import { ratingHandlers } from './ratings';

export const partyHandlers: Handlers<typeof partyContract> = {
  ...placeHandlers,
  ...orgHandlers,
  ...memberHandlers,
  ...meetingHandlers,
  ...ratingHandlers,
  ...dashboardHandlers,
};
