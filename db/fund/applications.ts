import { nowIso } from '../moment';
import { newId } from '../ids';
import type { Db } from '../open';
import { newStamps } from '../stamps';
import type { ApplicationFields, ApplicationPaymentRow, ApplicationRow, PaymentStage, ApplicationStatusCode } from './types-applications';
export type { ApplicationFields, ApplicationPaymentRow, ApplicationRow, PaymentStage, ApplicationStatusCode } from './types-applications';

// A payment counts once posted and while nobody has reversed it; a draft is pending; a voided one is nothing.
const unreversed = `NOT EXISTS (SELECT 1 FROM fund_entries r WHERE r.reverses_id = e.id AND r.status = 'posted')`;

const GRANT = `
  SELECT g.id, g.account_id AS accountId, a.name AS accountName, est.name AS estateName, bld.name AS buildingName, com.name AS communityName, g.title, g.works, g.budget,
    g.rule, g.total_households AS totalHouseholds, g.total_area AS totalArea, g.voted_households AS votedHouseholds, g.voted_area AS votedArea,
    g.agreed_households AS agreedHouseholds, g.agreed_area AS agreedArea, g.vote_closed_on AS voteClosedOn, g.plan_notice_from AS planNoticeFrom,
    g.plan_notice_to AS planNoticeTo, g.objections, g.objection_reply AS objectionReply, g.approved_on AS approvedOn, g.approval_ref AS approvalRef,
    g.works_started_on AS worksStartedOn, g.result_notice_from AS resultNoticeFrom, g.result_notice_to AS resultNoticeTo, g.end_reason AS endReason,
    g.status, g.created_at AS createdAt, g.updated_at AS updatedAt, g.operator,
    (SELECT COALESCE(SUM(e.amount), 0) FROM fund_grant_payments p JOIN fund_entries e ON e.id = p.entry_id
       WHERE p.application_id = g.id AND e.status = 'posted' AND ${unreversed}) AS paid,
    (SELECT COALESCE(SUM(e.amount), 0) FROM fund_grant_payments p JOIN fund_entries e ON e.id = p.entry_id
       WHERE p.application_id = g.id AND e.status = 'draft') AS pending,
    (SELECT MAX(e.on_date) FROM fund_grant_payments p JOIN fund_entries e ON e.id = p.entry_id
       WHERE p.application_id = g.id AND e.status = 'posted' AND ${unreversed}) AS lastPaidOn
  FROM fund_grant_applications g
  JOIN fund_accounts a ON a.id = g.account_id
  JOIN places est ON est.id = a.estate_id
  LEFT JOIN places bld ON bld.id = a.building_id
  LEFT JOIN places com ON com.id = est.parent_id`;

export const getApplication = (db: Db, id: string): ApplicationRow | undefined => db.prepare(`${GRANT} WHERE g.id = ?`).get(id) as ApplicationRow | undefined;

/** An account's applications (or every account's), newest first; `open`: not yet closed, rejected or withdrawn. */
export function listApplications(db: Db, f: { accountId: string | null; open: boolean }): ApplicationRow[] {
  const where = [f.accountId ? 'g.account_id = @accountId' : null, f.open ? "g.status NOT IN ('closed', 'rejected', 'withdrawn')" : null].filter(Boolean);
  return db.prepare(`${GRANT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY g.created_at DESC, g.id DESC`).all({ accountId: f.accountId }) as ApplicationRow[];
}

/** The applications of a community's accounts (every community's: null), in place order: what a data package carries. */
export const applicationsIn = (db: Db, communityId: string | null): ApplicationRow[] =>
  db.prepare(`${GRANT} WHERE ($community IS NULL OR est.parent_id = $community) ORDER BY com.name, est.name, g.created_at, g.id`)
    .all({ community: communityId }) as ApplicationRow[];

export function insertApplication(db: Db, g: ApplicationFields, operator: string): string {
  const id = newId();
  const s = newStamps(operator);
  db.prepare(
    `INSERT INTO fund_grant_applications (id, account_id, title, works, budget, rule, total_households, total_area, status, created_at, updated_at, operator)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'proposed', ?, ?, ?)`,
  ).run(id, g.accountId, g.title, g.works, g.budget, g.rule, g.totalHouseholds, g.totalArea, s.created_at, s.updated_at, s.operator);
  return id;
}

/** The columns a step or the vote may set, by their column names. */
export interface ApplicationChange {
  voted_households?: number;
  voted_area?: number;
  agreed_households?: number;
  agreed_area?: number;
  vote_closed_on?: string;
  plan_notice_from?: string;
  plan_notice_to?: string;
  objections?: number;
  objection_reply?: string | null;
  approved_on?: string;
  approval_ref?: string | null;
  works_started_on?: string;
  result_notice_from?: string;
  result_notice_to?: string;
  end_reason?: string;
  status?: ApplicationStatusCode;
}

export function updateApplication(db: Db, id: string, change: ApplicationChange, operator: string): void {
  const columns = Object.keys(change) as (keyof ApplicationChange)[];
  db.prepare(`UPDATE fund_grant_applications SET ${columns.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @at, operator = @operator WHERE id = @id`)
    .run({ ...change, at: nowIso(), operator, id });
}

export function insertApplicationPayment(db: Db, p: { entryId: string; applicationId: string; stage: PaymentStage }, operator: string): void {
  db.prepare('INSERT INTO fund_grant_payments (entry_id, application_id, stage, created_at, operator) VALUES (?, ?, ?, ?, ?)')
    .run(p.entryId, p.applicationId, p.stage, nowIso(), operator);
}

export function applicationPaymentsOf(db: Db, applicationId: string): ApplicationPaymentRow[] {
  const rows = db.prepare(
    `SELECT p.entry_id AS entryId, p.application_id AS applicationId, p.stage, e.on_date AS onDate, e.amount, e.counterparty, e.voucher_no AS voucherNo,
       e.status, e.seq, NOT ${unreversed} AS reversed, p.created_at AS createdAt, p.operator
     FROM fund_grant_payments p JOIN fund_entries e ON e.id = p.entry_id WHERE p.application_id = ? ORDER BY p.created_at, p.entry_id`,
  ).all(applicationId) as (Omit<ApplicationPaymentRow, 'reversed'> & { reversed: number })[];
  return rows.map((r) => ({ ...r, reversed: Boolean(r.reversed) }));
}

/** The application an entry pays, if any: its budget holds the entry's amount whichever screen edits it. */
export const applicationOfEntry = (db: Db, entryId: string): string | undefined =>
  (db.prepare('SELECT application_id AS id FROM fund_grant_payments WHERE entry_id = ?').get(entryId) as { id: string } | undefined)?.id;
