import type { Handlers } from '../../router';
import type { fundContract } from '../contract';
import { accountHandlers } from './accounts';
import { allocationHandlers } from './allocations';
import { applicationHandlers } from './applications';
import { attachmentHandlers } from './attachments';
import { bankLineHandlers } from './bank-lines';
import { campaignHandlers } from './campaigns';
import { categoryHandlers } from './categories';
import { disclosureHandlers } from './disclosures';
import { entryHandlers } from './entries';
import { journalHandlers } from './journal';
import { reconciliationHandlers } from './reconciliations';
import { signatoryHandlers } from './signatories';
import { signoffHandlers } from './signoffs';

export const fundHandlers: Handlers<typeof fundContract> = {
  ...accountHandlers,
  ...signatoryHandlers,
  ...entryHandlers,
  ...attachmentHandlers,
  ...signoffHandlers,
  ...journalHandlers,
  ...disclosureHandlers,
  ...allocationHandlers,
  ...campaignHandlers,
  ...reconciliationHandlers,
  ...applicationHandlers,
  ...bankLineHandlers,
  ...categoryHandlers,
};
