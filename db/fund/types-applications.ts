import type { Direction, EntryStatus } from './types';

/**
 * The rows of a maintenance-fund use application (维修资金使用申请, db/fund/applications.ts) and of the bank lines
 * entered into the journal from a reconciliation (db/fund/bank-lines.ts): row types like types.ts, apart because
 * they are procedures of their own around the journal.
 */

// applications.ts

export type ApplicationStatusCode = 'proposed' | 'noticed' | 'approved' | 'result_noticed' | 'closed' | 'rejected' | 'withdrawn';
export type PaymentStage = 'first' | 'progress' | 'final';

/** What a maintenance-fund use application is about, as proposed (migration 026). Amounts in fen, areas in hundredths of a m². */
export interface ApplicationFields {
  accountId: string;
  title: string;
  works: string;
  budget: number;
  rule: 'use' | 'raise';
  totalHouseholds: number;
  totalArea: number;
}

export interface ApplicationRow extends ApplicationFields {
  id: string;
  estateName: string;
  /** A building account's building. */
  buildingName: string | null;
  communityName: string;
  accountName: string;
  votedHouseholds: number | null;
  votedArea: number | null;
  agreedHouseholds: number | null;
  agreedArea: number | null;
  voteClosedOn: string | null;
  planNoticeFrom: string | null;
  planNoticeTo: string | null;
  objections: number;
  objectionReply: string | null;
  approvedOn: string | null;
  approvalRef: string | null;
  worksStartedOn: string | null;
  resultNoticeFrom: string | null;
  resultNoticeTo: string | null;
  endReason: string | null;
  status: ApplicationStatusCode;
  /** Posted payments nobody reversed, and open drafts (fen). */
  paid: number;
  pending: number;
  /** The date of the last payment that counts. */
  lastPaidOn: string | null;
  createdAt: string;
  updatedAt: string;
  operator: string;
}

/** A payment of an application: its journal entry as it stands. */
export interface ApplicationPaymentRow {
  entryId: string;
  applicationId: string;
  stage: PaymentStage;
  onDate: string;
  amount: number;
  counterparty: string | null;
  voucherNo: string | null;
  status: 'draft' | 'posted' | 'voided';
  seq: number | null;
  reversed: boolean;
  createdAt: string;
  operator: string;
}

// bank-lines.ts

/** A bank line entered into the journal from a reconciliation, with its entry as it stands (migration 026). */
export interface BankLineEntryRow {
  entryId: string;
  reconciliationId: string;
  onDate: string;
  direction: Direction;
  amount: number;
  note: string;
  status: EntryStatus;
  seq: number | null;
  createdAt: string;
  operator: string;
}
