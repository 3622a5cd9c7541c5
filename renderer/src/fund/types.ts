import type { ApiOutput as Out } from '../api/types';

export type { Out };

/** An account as every screen shows it: balance and available balance. */
export type AccountView = Out<'fund.getAccount'>['account'];
/** In the accounts list: with when it was last disclosed and when the next disclosure is due. */
export type AccountListRow = Out<'fund.listAccounts'>[number];
export type AccountDetail = Out<'fund.getAccount'>;
export type Signatory = AccountDetail['signatories'][number];
export type Entry = AccountDetail['drafts'][number];
export type CommitteeRoster = NonNullable<AccountDetail['committee']>;
export type EntryDetail = Out<'fund.getEntry'>;
export type JournalRow = Out<'fund.listJournal'>['rows'][number];
export type Category = Out<'fund.listCategories'>[number];
export type Disclosure = Out<'fund.listDisclosures'>[number];
export type Statement = Out<'fund.getStatement'>;
