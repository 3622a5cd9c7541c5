import type { Handlers } from '../../router';
import type { submissionContract } from '../contract';
import { consolidatedHandlers } from './consolidated';
import { exportHandlers } from './export';
import { importHandlers } from './import';
import { overviewHandlers } from './overview';

export const submissionHandlers: Handlers<typeof submissionContract> = {
  ...exportHandlers,
  ...importHandlers,
  ...consolidatedHandlers,
  ...overviewHandlers,
};
