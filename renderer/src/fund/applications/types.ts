import type { Out } from '../types';

export type ApplicationDetail = Out<'fund.getApplication'>;
export type Application = ApplicationDetail['application'];
export type ApplicationPayment = ApplicationDetail['payments'][number];
