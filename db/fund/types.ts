/**
 * The row types of db/fund/'s repositories, as the contract sends them to the window. Type-only and free of Node and
 * SQLite: the shared files import them, and the renderer's typecheck reads them (docs/architecture.md, layers).
 */

// accounts.ts

export type AccountStatus = 'active' | 'closed';

export interface AccountFields {
  estateId: string;
  /** Null: the estate's account; set: one building's (a setting, migration 047). */
  buildingId: string | null;
  name: string;
  bankName: string | null;
  bankAccount: string | null;
  /** Fen. */
  openingBalance: number;
  openedOn: string;
  note: string | null;
}

export interface AccountRow extends AccountFields {
  id: string;
  estateName: string;
  buildingName: string | null;
  communityName: string;
  status: AccountStatus;
  createdAt: string;
  updatedAt: string;
  operator: string;
}

/** An account's figures beside its row (accountStandings). Fen. */
export interface AccountStanding {
  id: string;
  /** The posted entries' sum: the balance is the opening balance plus this. */
  posted: number;
  /** Money reserved by the expense drafts waiting for their sign-offs. */
  drafts: number;
  disclosedThrough: string | null;
  /** The latest month both sides confirmed with the bank. */
  reconciledThrough: string | null;
  /** When the fee settings were first saved (UTC), null when never: the allocations expected start then. */
  feeSettingsSavedAt: string | null;
  /** Every month allocated (reversed or not: a month is allocated once). */
  allocatedMonths: string[];
}

// balances.ts

export interface PeriodFigures {
  /** The balance at the start of `from`. */
  opening: number;
  /** Income and expense posted in the period, reversals netted. */
  income: number;
  expense: number;
  /** The balance at the end of `to`, summed on its own (not as opening + income − expense). */
  closing: number;
}

/** `reversedBy`: the reversal of this entry, if any (reverses_id is UNIQUE, so an index look-up per row). */
export type JournalRow = EntryRow & { runningBalance: number; reversedBy: string | null };

// disclosures.ts

/** A disclosure (公示) as recorded when its statement was made (migration 012). Amounts in fen. */
export interface DisclosureRow {
  id: string;
  accountId: string;
  periodFrom: string;
  periodTo: string;
  noticeFrom: string;
  noticeTo: string;
  madeOn: string;
  opening: number;
  income: number;
  expense: number;
  closing: number;
  headSeq: number;
  headHash: string;
  fileName: string;
  fileSha256: string;
  createdAt: string;
  operator: string;
}

// entries.ts

export type Direction = 'income' | 'expense';

/** The voucher types a journal entry takes (PDF scans, photos); checked by their magic bytes (main/api/fund/attachments.ts). */
export type AttachmentMime = 'application/pdf' | 'image/jpeg' | 'image/png';

/** A stored voucher without its bytes: what lists show. */
export interface AttachmentInfo {
  sha256: string;
  fileName: string;
  mime: AttachmentMime;
  bytes: number;
  /** Holds personal data (an ID copy, a bank card): downloaded only by 审核人 and 管理员, each download audited. */
  personal: boolean;
  createdAt: string;
  operator: string;
}

export type EntryStatus = 'draft' | 'posted' | 'voided';

/** What an entry says: the part two signers approve (db/fund/chain.ts, draftHash). Amounts in fen. */
export interface EntryContent {
  onDate: string;
  direction: Direction;
  category: string;
  amount: number;
  counterparty: string | null;
  voucherNo: string | null;
  purpose: string;
  elevatorIds: string[];
  attachmentHashes: string[];
  reversesId: string | null;
  overrideReason: string | null;
}

export interface EntryRow extends EntryContent {
  id: string;
  accountId: string;
  seq: number | null;
  hash: string | null;
  /** What it does to the balance: +amount for income, −amount for an expense. */
  effect: number;
  status: EntryStatus;
  postedAt: string | null;
  postedBy: string | null;
  voidReason: string | null;
  createdAt: string;
  updatedAt: string;
  operator: string;
}

export interface CategoryRow {
  direction: Direction;
  code: string;
  label: string;
  /** No longer offered for new entries; the entries that have it keep it. */
  retired: boolean;
}

// signatories.ts

export type Side = 'company' | 'committee';

/** A signatory as the screens see them: whether a PIN is set, never its hash. */
export interface SignatoryRow {
  id: string;
  accountId: string;
  side: Side;
  name: string;
  phone: string | null;
  pinSet: boolean;
  pinSetAt: string | null;
  /** Wrong PINs typed in a row since the last right one (main/api/fund/pin-limit.ts). */
  wrongPins: number;
  /** Locked from signing until this instant (ISO-8601 UTC), after too many wrong PINs. */
  lockedUntil: string | null;
  status: 'active' | 'retired';
  createdAt: string;
  updatedAt: string;
  operator: string;
}

// signoffs.ts

export interface SignoffRow {
  id: string;
  entryId: string;
  side: Side;
  signatoryId: string;
  signerName: string;
  signedAt: string;
  /** The hash of the draft content this sign-off approved (db/fund/chain.ts, draftHash). */
  draftHash: string;
  operator: string;
}

// statement.ts

export interface CategoryTotal {
  category: string;
  label: string;
  /** Entries in the period, reversals included. */
  entries: number;
  /** Net of reversals. */
  amount: number;
  /** The reversals within it (≤ 0). */
  reversed: number;
}

export interface Signature {
  name: string;
  signedAt: string;
}

export interface ExpenseLine {
  seq: number;
  onDate: string;
  category: string;
  categoryLabel: string;
  purpose: string;
  voucherNo: string | null;
  /** How many vouchers are attached (the 公示 shows the count, never the files). */
  attachments: number;
  counterparty: string | null;
  /** Negative for a reversal (冲正). */
  amount: number;
  /** A reversal: the seq of the entry it reverses. */
  reverses: number | null;
  /** Reversed (in this period or later): the reversal's seq and date. */
  reversedBy: { seq: number; onDate: string } | null;
  company: Signature | null;
  committee: Signature | null;
}

export interface StatementData extends PeriodFigures {
  from: string;
  to: string;
  incomeByCategory: CategoryTotal[];
  expenseByCategory: CategoryTotal[];
  expenses: ExpenseLine[];
}

// allocations.ts

/** An account's fee-allocation settings: rate in fen per m² per month, the fund's share as a fraction. */
export interface FeeSettingsRow {
  accountId: string;
  rateFen: number;
  shareNum: number;
  shareDen: number;
  /** A building account's floor area as typed (hundredths of a m²); null for an estate's (its profile has it). */
  areaHundredths: number | null;
  updatedAt: string;
  operator: string;
}

/** A month's allocation as recorded, with the figures it was computed from and the entry it posted. */
export interface AllocationRow {
  entryId: string;
  accountId: string;
  month: string;
  rateFen: number;
  areaHundredths: number;
  shareNum: number;
  shareDen: number;
  feeFen: number;
  amount: number;
  seq: number | null;
  reversed: boolean;
  createdAt: string;
  operator: string;
}

// campaigns.ts

export type CampaignScheme = 'equal' | 'area' | 'floor_area' | 'custom';

export type GrantKind = 'subsidy' | 'maintenance_grant';

export interface CampaignFields {
  accountId: string;
  title: string;
  purpose: string;
  /** Fen: the target and its funding mix, which adds up to it. */
  target: number;
  ownersPart: number;
  subsidyPart: number;
  grantPart: number;
  balancePart: number;
  scheme: CampaignScheme;
}

/** A campaign with what has come in: payments and grants count only while their entry is not reversed. */
export interface CampaignRow extends CampaignFields {
  id: string;
  status: 'open' | 'closed';
  households: number;
  paid: number;
  pledged: number;
  /** What households pledged beyond what they have paid (a pledge is not income). */
  pledgedUnpaid: number;
  grantsReceived: number;
  createdAt: string;
  operator: string;
}

export interface HouseholdRow {
  id: string;
  campaignId: string;
  position: number;
  room: string;
  ownerName: string;
  areaHundredths: number | null;
  /** 楼层, for the floor-coefficient scheme. */
  floor: number | null;
  /** The custom scheme's 份额 as typed, in hundredths (a proportion, not fen). */
  weightHundredths: number | null;
  share: number;
  pledged: number;
  pledgedOn: string | null;
  paid: number;
  payments: number;
}

export interface PaymentRow {
  entryId: string;
  campaignId: string;
  householdId: string;
  room: string;
  receiptNo: string;
  amount: number;
  onDate: string;
  seq: number | null;
  reversed: boolean;
  createdAt: string;
  operator: string;
}

// reconciliations.ts

export type ReconciliationStatus = 'draft' | 'confirmed';

/** A line on the bank statement not in the journal yet (interest, bank charges). Amount in fen, positive. */
export interface BankItem {
  onDate: string;
  direction: Direction;
  amount: number;
  note: string;
}

/** A month's bank reconciliation as saved (migration 022). Amounts in fen. */
export interface ReconciliationRow {
  id: string;
  accountId: string;
  month: string;
  statementDate: string;
  bankBalance: number;
  /** The journal's balance at the statement date when the draft was last saved. */
  ledgerBalance: number;
  contentHash: string;
  status: ReconciliationStatus;
  confirmedAt: string | null;
  createdAt: string;
  updatedAt: string;
  operator: string;
}

/** A posted entry the bank statement does not show yet, as the reconciliation lists it. */
export interface LedgerItem {
  entryId: string;
  seq: number | null;
  onDate: string;
  direction: Direction;
  /** As posted (a reversal's is negative). */
  amount: number;
  purpose: string;
}

export interface ReconciliationSignoffRow {
  id: string;
  reconciliationId: string;
  side: Side;
  signatoryId: string;
  signerName: string;
  signedAt: string;
  contentHash: string;
  operator: string;
}
