import type { z } from 'zod';
import type { FundSettingsInput } from './schemas';

export type FundSettings = z.output<typeof FundSettingsInput>;

/** A quarter: the warning comes well inside §30's yearly minimum (schemas.ts, FundSettingsInput). */
export const DEFAULT_FUND_SETTINGS: FundSettings = { disclosureIntervalMonths: 3 };
