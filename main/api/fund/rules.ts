import type { z } from 'zod';
import type { FundSettingsInput } from './schemas';

export type FundSettings = z.output<typeof FundSettingsInput>;

/**
 * Disclosure: a quarter, well inside §30's yearly minimum (schemas.ts, FundSettingsInput). Reconciliation: by the
 * 10th, when the month's bank statement (回单/对账单) has usually reached the community.
 */
export const DEFAULT_FUND_SETTINGS: FundSettings = {
  disclosureIntervalMonths: 3, reconciliationDueDay: 10, planNoticeDays: 5, resultNoticeDays: 10, resultNoticeWithinDays: 30, accountScope: 'estate',
};
