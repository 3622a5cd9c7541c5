import { z } from 'zod';
import type { ApplicationPaymentRow, ApplicationRow, BankLineEntryRow } from '../../../db/fund/types-applications';
import type {
  AccountRow, AllocationRow, AttachmentInfo, BankItem, CampaignRow, CategoryRow, DisclosureRow, EntryRow, FeeSettingsRow, HouseholdRow, JournalRow, LedgerItem,
  PaymentRow, PeriodFigures, ReconciliationRow, ReconciliationSignoffRow, SignatoryRow, SignoffRow, StatementData,
} from '../../../db/fund/types';
import type { ChainHead, ChainVerification } from '../../../db/ledger/types';
import type { ElevatorPlace } from '../../../db/elevator/types';
import type { CommitteeRole } from '../../../db/property/types';
import { read, task, write } from '../common/channel';
import type { FileOut } from '../common/files';
import { id, type Page } from '../common/fields';
import type { ConsentVerdict } from './applications';
import type { ReconciliationFigures } from './reconcile';
import type { FundSettings } from './rules';
import type { FeeAllocation, FloorCoefficient } from './split';
import {
  AccountInput,
  AccountRef,
  AccountList,
  AttachmentInput,
  AttachmentRef,
  ApplicationInput,
  ApplicationList,
  ApplicationNoticeInput,
  ApplicationPaymentInput,
  ApplicationRef,
  ApplicationStepInput,
  BankLineInput,
  VoteInput,
  WorksStartInput,
  AllocationInput,
  AllocationMonth,
  CampaignInput,
  CampaignRef,
  ConfirmReconciliation,
  GrantInput,
  PaymentInput,
  PledgeInput,
  ReconciliationInput,
  ReconciliationMonth,
  ReconciliationRef,
  FeeSettingsInput,
  DisclosureInput,
  DraftUpdate,
  EntryRef,
  ExpenseDraftInput,
  FundSettingsInput,
  IncomeInput,
  JournalList,
  ReverseEntry,
  SetPin,
  SignatoryInput,
  UnlockSignatory,
  CloseAccount,
  VoucherInput,
  CloseCampaign,
  AddCategory,
  RetireCategory,
  DeleteCategory,
  SignOff,
  StatementInput,
  VoidDraft,
} from './schemas';

/** An account with what it holds: balance = opening + posted entries; available = balance − open expense drafts. */
export interface AccountView extends AccountRow {
  balance: number;
  available: number;
}

/** The estate's owners' committee as red property registers it: the term in office today and its members. */
export interface CommitteeRoster {
  termNo: number;
  startsOn: string;
  endsOn: string;
  members: { name: string; role: CommitteeRole }[];
  /** The active committee-side signers whose names are not on it (their ids). */
  offRoster: string[];
}

export interface AccountDetail {
  account: AccountView;
  signatories: SignatoryRow[];
  /** The committee's term in office (null: none registered, or none started): its members sign for the committee side. */
  committee: CommitteeRoster | null;
  drafts: EntryRow[];
}

/** A sign-off and whether it counts: it approved the draft as it stands (or the posting used it). */
export type SignoffView = SignoffRow & { valid: boolean };

/** A category as 设置 lists it: how many entries have it, and whether the fund posts it by itself (kept, always). */
export type CategoryUse = CategoryRow & { inUse: number; system: boolean };

export interface EntryDetail {
  entry: EntryRow;
  signoffs: SignoffView[];
  /** The reversal of this entry, if it has been reversed. */
  reversedBy: string | null;
  /** The vouchers its content lists, without their bytes (fund.downloadAttachment gives those). */
  attachments: AttachmentInfo[];
  /** The elevators it concerns (its `elevatorIds`), named. */
  elevators: ElevatorPlace[];
}

/** When an account was last disclosed and when the next disclosure is due (the setting's months on). */
export interface DisclosureStatus {
  /** The latest period end disclosed (null: never). */
  through: string | null;
  dueBy: string;
  /** Today is past dueBy (active accounts only). */
  overdue: boolean;
}

/** A month's income and expense over every account (fen, reversals netted): the overview's chart. */
export interface MonthTotal {
  month: string;
  income: number;
  expense: number;
}

/** When an account was last reconciled with the bank, and which month is to be reconciled by when. */
export interface ReconciliationStatus {
  /** The latest month confirmed by both sides (null: never). */
  through: string | null;
  /** The month to reconcile next, and the day it is due by (the setting's day of the month after it). */
  next: string;
  dueBy: string;
  overdue: boolean;
}

/**
 * 物业费提取 still owed: the months ended since the fee settings were first saved (or the opening, if later) that have
 * no allocation, oldest first. Null when the account has no fee settings (nothing is expected of it).
 */
export interface AllocationStatus {
  missing: string[];
}

export type AccountListRow = AccountView & { disclosure: DisclosureStatus; reconciliation: ReconciliationStatus; allocation: AllocationStatus | null };

/** A confirmation and whether it counts: it approved the reconciliation as it stands. */
export type ReconciliationSignoffView = ReconciliationSignoffRow & { valid: boolean };

export interface SavedReconciliation {
  reconciliation: ReconciliationRow;
  ledgerItems: LedgerItem[];
  bankItems: BankItem[];
  /** From the figures saved (the journal's balance when saved). */
  figures: ReconciliationFigures;
  signoffs: ReconciliationSignoffView[];
  /** Its bank lines already entered into the journal (matched to bankItems by day, direction, amount and words). */
  enteredLines: BankLineEntryRow[];
}

/**
 * A month to reconcile: the journal's balance at its end now; the entries that may be in transit (those still in
 * transit at the last confirmed reconciliation, `carried`, then those posted since its statement date); the saved
 * reconciliation, and `ledgerChanged` when the journal's balance has moved since the draft was saved.
 */
export interface ReconciliationView {
  month: string;
  statementDate: string;
  /** The first day whose entries are offered: the day after the last confirmed statement date, or the month's first. */
  from: string;
  ledgerBalance: number;
  candidates: (LedgerItem & { carried: boolean })[];
  previousMonth: string | null;
  saved: SavedReconciliation | null;
  ledgerChanged: boolean;
}

/**
 * `disclosedThrough`: the latest period end disclosed. A reversal may take its original's date only after it, since
 * a day up to it is on a statement already (in its period, or in a later one's opening balance).
 */
export type JournalPage = Page<JournalRow> & PeriodFigures & { from: string; to: string; disclosedThrough: string | null };

/** A period's statement as the 公示 prints it, with the account's head now. */
export type StatementView = StatementData & { head: ChainHead; disclosedThrough: string | null };

export interface DisclosureFile extends FileOut {
  disclosure: DisclosureRow;
}

/** A chain verified against the heads its disclosures recorded; `affected`: the disclosures a break reaches. */
export type FundVerification = ChainVerification & { disclosures: number; affected: DisclosureRow[] };

/**
 * A month's 物业费提取 as it would be posted: the settings and the estate's area it is computed from (null where
 * missing, with `missing` saying what to fill in), the figures, the date the entry would take, and the allocation
 * already made for that month, if any.
 */
export interface AllocationPreview {
  month: string;
  /** A building account's building: its area is typed in the fee settings, not read from the estate's profile. */
  building: string | null;
  settings: FeeSettingsRow | null;
  areaHundredths: number | null;
  figures: FeeAllocation | null;
  onDate: string;
  missing: ('settings' | 'area')[];
  existing: AllocationRow | null;
}

/** A campaign with its progress: (paid + grants received) ÷ target in tenths of a percent, rounded down. */
export type CampaignView = CampaignRow & { progressPermille: number };

export interface CampaignDetail {
  campaign: CampaignView;
  households: HouseholdRow[];
  /** The coefficients the floor-coefficient scheme used (hundredths), by floor; empty for the other schemes. */
  floorCoefficients: FloorCoefficient[];
  payments: PaymentRow[];
}

/** What a public list shows of a household: the room and the masked name (房号 + 张*), never the full name. */
export interface PublicHousehold {
  room: string;
  maskedName: string;
  share: number;
  paid: number;
}

export interface CampaignPublicList {
  campaign: CampaignView;
  households: PublicHousehold[];
}

/** What an open application is waiting for, for 今日待办 (null: nothing today). */
export type ApplicationTodo = 'vote' | 'plan_notice_ended' | 'works' | 'result_notice_due' | 'result_notice_ended';

/**
 * A maintenance-fund use application with the core's verdict on its vote (null until counted), the steps it may take
 * now, what it is waiting for, and its warnings in words (works before the vote or before the plan's notice ended,
 * a result notice later than the setting allows).
 */
export type ApplicationView = ApplicationRow & {
  verdict: ConsentVerdict | null;
  voteProblems: string[];
  nextSteps: ApplicationRow['status'][];
  todo: ApplicationTodo | null;
  /** The last day the result notice should start (the setting's days after the last payment), once all is paid. */
  resultNoticeDueBy: string | null;
  warnings: string[];
};

export interface ApplicationDetail {
  application: ApplicationView;
  payments: ApplicationPaymentRow[];
}

const byId = z.object({ id });

export const fundContract = {
  'fund.listCategories': read<CategoryRow[]>()(z.object({})),
  'fund.listCategoryUse': read<CategoryUse[]>()(z.object({})),
  'fund.addCategory': write<CategoryUse[]>()(AddCategory, { needs: 'admin' }),
  'fund.retireCategory': write<CategoryUse[]>()(RetireCategory, { needs: 'admin' }),
  'fund.deleteCategory': write<CategoryUse[]>()(DeleteCategory, { needs: 'admin' }),
  'fund.openAccount': write<AccountView>()(AccountInput),
  'fund.closeAccount': write<AccountView>()(CloseAccount, { needs: 'admin' }),
  'fund.listAccounts': read<AccountListRow[]>()(AccountList),
  'fund.getAccount': read<AccountDetail>()(byId),

  'fund.addSignatory': write<SignatoryRow>()(SignatoryInput),
  'fund.setSignatoryPin': write<SignatoryRow>()(SetPin),
  'fund.retireSignatory': write<SignatoryRow>()(byId),
  'fund.unlockSignatory': write<SignatoryRow>()(UnlockSignatory, { needs: 'admin' }),

  'fund.postIncome': write<EntryRow>()(IncomeInput),
  'fund.draftExpense': write<EntryDetail>()(ExpenseDraftInput),
  'fund.updateDraft': write<EntryDetail>()(DraftUpdate),
  'fund.signOff': write<EntryDetail>()(SignOff),
  'fund.postExpense': write<EntryDetail>()(EntryRef),
  'fund.voidDraft': write<EntryDetail>()(VoidDraft),
  'fund.reverseEntry': write<EntryRow>()(ReverseEntry),
  'fund.getEntry': read<EntryDetail>()(byId),
  // Vouchers: added to and removed from drafts only; a personal one is downloaded by 审核人 or 管理员 only, audited.
  'fund.addAttachment': write<EntryDetail>()(AttachmentInput),
  'fund.storeVoucher': write<AttachmentInfo>()(VoucherInput),
  'fund.removeAttachment': write<EntryDetail>()(AttachmentRef),
  'fund.downloadAttachment': read<FileOut>()(AttachmentRef),
  'fund.downloadPersonalAttachment': write<FileOut>()(AttachmentRef, { needs: 'review' }),

  'fund.listJournal': read<JournalPage>()(JournalList),
  'fund.verifyAccount': read<FundVerification>()(byId),

  'fund.getStatement': read<StatementView>()(StatementInput),
  'fund.makeDisclosure': task<DisclosureFile>()(DisclosureInput, { needs: 'review' }),
  'fund.listDisclosures': read<DisclosureRow[]>()(AccountRef),
  'fund.getSettings': read<FundSettings>()(z.object({})),
  'fund.updateSettings': write<FundSettings>()(FundSettingsInput, { needs: 'admin' }),

  'fund.saveFeeSettings': write<FeeSettingsRow>()(FeeSettingsInput),
  'fund.previewAllocation': read<AllocationPreview>()(AllocationMonth),
  'fund.allocateFee': write<AllocationRow>()(AllocationInput),
  'fund.listAllocations': read<AllocationRow[]>()(AccountRef),

  'fund.createCampaign': write<CampaignDetail>()(CampaignInput),
  'fund.listCampaigns': read<CampaignView[]>()(AccountRef),
  'fund.getCampaign': read<CampaignDetail>()(CampaignRef),
  'fund.campaignPublicList': read<CampaignPublicList>()(CampaignRef),
  'fund.recordPledge': write<HouseholdRow>()(PledgeInput),
  'fund.recordPayment': write<PaymentRow>()(PaymentInput),
  'fund.recordGrant': write<CampaignView>()(GrantInput),
  'fund.closeCampaign': write<CampaignView>()(CloseCampaign, { needs: 'review' }),
  'fund.printCampaignList': task<FileOut>()(CampaignRef),

  'fund.getReconciliation': read<ReconciliationView>()(ReconciliationMonth),
  'fund.saveReconciliation': write<ReconciliationView>()(ReconciliationInput),
  'fund.confirmReconciliation': write<ReconciliationView>()(ConfirmReconciliation),
  'fund.printReconciliation': task<FileOut>()(ReconciliationRef),
  'fund.listReconciliations': read<SavedReconciliation[]>()(AccountRef),
  'fund.enterBankLine': write<EntryDetail>()(BankLineInput),

  'fund.getMonthlyTotals': read<MonthTotal[]>()(z.object({})),

  'fund.createApplication': write<ApplicationDetail>()(ApplicationInput),
  'fund.listApplications': read<ApplicationView[]>()(ApplicationList),
  'fund.getApplication': read<ApplicationDetail>()(ApplicationRef),
  'fund.recordVote': write<ApplicationDetail>()(VoteInput),
  'fund.stepApplication': write<ApplicationDetail>()(ApplicationStepInput),
  'fund.recordWorksStart': write<ApplicationDetail>()(WorksStartInput),
  'fund.draftApplicationPayment': write<ApplicationDetail>()(ApplicationPaymentInput),
  'fund.printApplicationNotice': task<FileOut>()(ApplicationNoticeInput),
};
