import { requestCounts } from '../../../../db/requests/requests';
import { careVisitsDue } from '../../../../db/requests/care';
import { openWishes } from '../../../../db/requests/wishes';
import type { Handlers } from '../../router';
import type { requestsContract } from '../contract';
import { careHandlers } from './care';
import { categoryHandlers } from './categories';
import { dashboardHandlers } from './dashboard';
import { gridHandlers } from './grids';
import { requestHandlers } from './requests';
import { requestSettings, settingsHandlers } from './settings';
import { stewardHandlers } from './stewards';
import { streetHandlers } from './street';
import { summaryHandlers } from './summary';
import { templateHandlers } from './templates';
import { wishHandlers } from './wishes';

export const requestsModuleHandlers: Handlers<typeof requestsContract> = {
  ...settingsHandlers,
  ...categoryHandlers,
  ...gridHandlers,
  ...requestHandlers,
  ...stewardHandlers,
  ...wishHandlers,
  ...careHandlers,
  ...summaryHandlers,
  ...dashboardHandlers,
  ...templateHandlers,
  ...streetHandlers,
  'requests.getTodos': (_, { db, today }) => ({
    ...requestCounts(db, today),
    openWishes: openWishes(db),
    careVisitsDue: careVisitsDue(db, today, requestSettings(db).careVisitDays),
  }),
};
