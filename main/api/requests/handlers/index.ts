import { requestCounts } from '../../../../db/requests/requests';
import { openWishes } from '../../../../db/requests/wishes';
import type { Handlers } from '../../router';
import type { requestsContract } from '../contract';
import { gridHandlers } from './grids';
import { requestHandlers } from './requests';
import { settingsHandlers } from './settings';
import { stewardHandlers } from './stewards';
import { wishHandlers } from './wishes';

export const requestsModuleHandlers: Handlers<typeof requestsContract> = {
  ...settingsHandlers,
  ...gridHandlers,
  ...requestHandlers,
  ...stewardHandlers,
  ...wishHandlers,
  'requests.getTodos': (_, { db, today }) => ({ ...requestCounts(db, today), openWishes: openWishes(db) }),
};
