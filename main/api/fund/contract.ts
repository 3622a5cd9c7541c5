import { z } from 'zod';
import type { AccountRow } from '../../../db/fund/accounts';
import type { JournalRow, PeriodFigures } from '../../../db/fund/balances';
import type { CategoryRow, EntryRow } from '../../../db/fund/entries';
import type { SignatoryRow } from '../../../db/fund/signatories';
import type { SignoffRow } from '../../../db/fund/signoffs';
import type { ChainVerification } from '../../../db/ledger/verify';
import { read, write } from '../common/channel';
import { id, type Page } from '../common/fields';
import {
  AccountInput,
  AccountList,
  DraftUpdate,
  EntryRef,
  ExpenseDraftInput,
  IncomeInput,
  JournalList,
  ReverseEntry,
  SetPin,
  SignatoryInput,
  SignOff,
  VoidDraft,
} from './schemas';

/** An account with what it holds: balance = opening + posted entries; available = balance − open expense drafts. */
export interface AccountView extends AccountRow {
  balance: number;
  available: number;
}

export interface AccountDetail {
  account: AccountView;
  signatories: SignatoryRow[];
  drafts: EntryRow[];
}

/** A sign-off and whether it counts: it approved the draft as it stands (or the posting used it). */
export type SignoffView = SignoffRow & { valid: boolean };

export interface EntryDetail {
  entry: EntryRow;
  signoffs: SignoffView[];
  /** The reversal of this entry, if it has been reversed. */
  reversedBy: string | null;
}

export type JournalPage = Page<JournalRow> & PeriodFigures & { from: string; to: string };

const byId = z.object({ id });

export const fundContract = {
  'fund.listCategories': read<CategoryRow[]>()(z.object({})),
  'fund.openAccount': write<AccountView>()(AccountInput),
  'fund.listAccounts': read<AccountView[]>()(AccountList),
  'fund.getAccount': read<AccountDetail>()(byId),

  'fund.addSignatory': write<SignatoryRow>()(SignatoryInput),
  'fund.setSignatoryPin': write<SignatoryRow>()(SetPin),
  'fund.retireSignatory': write<SignatoryRow>()(byId),

  'fund.postIncome': write<EntryRow>()(IncomeInput),
  'fund.draftExpense': write<EntryDetail>()(ExpenseDraftInput),
  'fund.updateDraft': write<EntryDetail>()(DraftUpdate),
  'fund.signOff': write<EntryDetail>()(SignOff),
  'fund.postExpense': write<EntryDetail>()(EntryRef),
  'fund.voidDraft': write<EntryDetail>()(VoidDraft),
  'fund.reverseEntry': write<EntryRow>()(ReverseEntry),
  'fund.getEntry': read<EntryDetail>()(byId),

  'fund.listJournal': read<JournalPage>()(JournalList),
  'fund.verifyAccount': read<ChainVerification>()(byId),
};
