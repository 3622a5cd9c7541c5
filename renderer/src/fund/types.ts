import type { ApiOutput as Out } from '../api/types';

export type AccountView = Out<'fund.listAccounts'>[number];
export type AccountDetail = Out<'fund.getAccount'>;
export type Signatory = AccountDetail['signatories'][number];
export type Entry = AccountDetail['drafts'][number];
export type EntryDetail = Out<'fund.getEntry'>;
export type JournalRow = Out<'fund.listJournal'>['rows'][number];
export type Category = Out<'fund.listCategories'>[number];
