import { requestCounts } from '../../../../db/requests/requests';
import type { Handlers } from '../../router';
import type { requestsContract } from '../contract';
import { gridHandlers } from './grids';
import { requestHandlers } from './requests';
import { settingsHandlers } from './settings';
import { stewardHandlers } from './stewards';

export const requestsModuleHandlers: Handlers<typeof requestsContract> = {
  ...settingsHandlers,
  ...gridHandlers,
  ...requestHandlers,
  ...stewardHandlers,
  'requests.getTodos': (_, { db, today }) => requestCounts(db, today),
};
