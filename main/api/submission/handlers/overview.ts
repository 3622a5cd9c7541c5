import { getInstallation } from '../../../../db/settings';
import type { Handlers } from '../../router';
import type { submissionContract } from '../contract';
import { consolidatedOverview } from '../overview';

export const overviewHandlers: Pick<Handlers<typeof submissionContract>, 'submission.getOverview'> = {
  'submission.getOverview': (_, { db, today }) => consolidatedOverview(db, getInstallation(db)!.unitLevel, today),
};
