import type { Handlers } from '../../router';
import type { propertyContract } from '../contract';
import { assessmentHandlers } from './assessments';
import { cardHandlers } from './cards';
import { committeeHandlers } from './committees';
import { companyHandlers } from './companies';
import { contractHandlers } from './contracts';
import { estateHandlers } from './estates';
import { figureHandlers } from './figures';
import { jointMeetingHandlers } from './joint-meetings';
import { overviewHandlers } from './overview';
import { listHandlers } from './red-black-list';
import { resolutionHandlers } from './resolutions';
import { settingsHandlers } from './settings';
import { templateHandlers } from './templates';

export const propertyHandlers: Handlers<typeof propertyContract> = {
  ...settingsHandlers,
  ...companyHandlers,
  ...estateHandlers,
  ...contractHandlers,
  ...committeeHandlers,
  ...jointMeetingHandlers,
  ...resolutionHandlers,
  ...cardHandlers,
  ...figureHandlers,
  ...overviewHandlers,
  ...templateHandlers,
  ...assessmentHandlers,
  ...listHandlers,
};
