import { appendOnlySql } from '../ledger/append-only';
import type { Migration } from './types';

/**
 * Maintenance-fund use applications (维修资金使用申请, issue 11; docs/fund.md "维修资金使用申请"): works proposed on an
 * account's elevators, the owners' vote on them (households and floor area, 民法典 §278), the plan's notice before
 * works (方案公示), objections, approval, the payments the fund makes for them and the result notice after (结果公示).
 *
 * - The vote is four tallies beside the totals they are counted against; all or none (CHECK), and never more agreeing
 *   than voting, nor voting than there are (CHECK). Area in hundredths of a m², as property_estates keeps it.
 * - `status` moves only along the steps in main/api/fund/applications.ts; once closed, rejected or withdrawn the row is final
 *   (triggers), so the record of a finished application cannot be rewritten.
 * - A payment is an expense entry of the journal, drafted, signed by both sides in person and posted on the journal's
 *   one path: `fund_grant_payments` only links an entry to its application (append-only; an entry serves one).
 *
 * And the bank reconciliation's lines the journal lacked, entered into it from the reconciliation screen (an interest
 * credit posted as income, a bank charge drafted as an expense): `fund_bank_line_entries` links each entry to the
 * reconciliation and the line it came from, as typed, so the same line is not entered twice (append-only).
 */
export const fundGrantApplications: Migration = {
  version: 26,
  name: 'fund_grant_applications',
  up(db) {
    db.exec(`
      CREATE TABLE fund_grant_applications (
        id                 TEXT PRIMARY KEY,
        account_id         TEXT NOT NULL REFERENCES fund_accounts (id),
        title              TEXT NOT NULL,
        works              TEXT NOT NULL,
        -- Fen: what the works are budgeted at; the payments linked may not exceed it.
        budget             INTEGER NOT NULL CHECK (budget > 0),
        rule               TEXT NOT NULL CHECK (rule IN ('use', 'raise')),
        total_households   INTEGER NOT NULL CHECK (total_households > 0),
        total_area         INTEGER NOT NULL CHECK (total_area > 0),
        voted_households   INTEGER,
        voted_area         INTEGER,
        agreed_households  INTEGER,
        agreed_area        INTEGER,
        vote_closed_on     TEXT,
        plan_notice_from   TEXT,
        plan_notice_to     TEXT,
        objections         INTEGER NOT NULL DEFAULT 0 CHECK (objections >= 0),
        objection_reply    TEXT,
        approved_on        TEXT,
        approval_ref       TEXT,
        works_started_on   TEXT,
        result_notice_from TEXT,
        result_notice_to   TEXT,
        end_reason         TEXT,
        status             TEXT NOT NULL CHECK (status IN ('proposed', 'noticed', 'approved', 'result_noticed', 'closed', 'rejected', 'withdrawn')),
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL,
        operator           TEXT NOT NULL,
        CHECK ((voted_households IS NULL) = (voted_area IS NULL) AND (voted_area IS NULL) = (agreed_households IS NULL)
          AND (agreed_households IS NULL) = (agreed_area IS NULL) AND (agreed_area IS NULL) = (vote_closed_on IS NULL)),
        CHECK (agreed_households <= voted_households AND voted_households <= total_households),
        CHECK (agreed_area <= voted_area AND voted_area <= total_area),
        CHECK (agreed_households >= 0 AND agreed_area >= 0),
        CHECK ((plan_notice_from IS NULL) = (plan_notice_to IS NULL) AND plan_notice_from <= plan_notice_to),
        CHECK ((result_notice_from IS NULL) = (result_notice_to IS NULL) AND result_notice_from <= result_notice_to),
        CHECK (status IN ('proposed', 'rejected', 'withdrawn') OR plan_notice_from IS NOT NULL),
        CHECK (status NOT IN ('approved', 'result_noticed', 'closed') OR approved_on IS NOT NULL),
        CHECK (status NOT IN ('result_noticed', 'closed') OR result_notice_from IS NOT NULL)
      ) STRICT;
      CREATE INDEX fund_grant_applications_of ON fund_grant_applications (account_id, status);
      ${appendOnlySql('fund_grant_applications', '已办结、未通过或已撤回的维修资金使用申请不能修改或删除', "OLD.status IN ('closed', 'rejected', 'withdrawn')")}

      CREATE TABLE fund_grant_payments (
        entry_id       TEXT PRIMARY KEY REFERENCES fund_entries (id),
        application_id TEXT NOT NULL REFERENCES fund_grant_applications (id),
        stage          TEXT NOT NULL CHECK (stage IN ('first', 'progress', 'final')),
        created_at     TEXT NOT NULL,
        operator       TEXT NOT NULL
      ) STRICT;
      CREATE INDEX fund_grant_payments_of ON fund_grant_payments (application_id);
      ${appendOnlySql('fund_grant_payments', '维修资金使用申请的付款记录只能追加，不能修改或删除')}

      CREATE TABLE fund_bank_line_entries (
        entry_id          TEXT PRIMARY KEY REFERENCES fund_entries (id),
        reconciliation_id TEXT NOT NULL REFERENCES fund_reconciliations (id),
        on_date           TEXT NOT NULL,
        direction         TEXT NOT NULL CHECK (direction IN ('income', 'expense')),
        amount            INTEGER NOT NULL CHECK (amount > 0),
        note              TEXT NOT NULL,
        created_at        TEXT NOT NULL,
        operator          TEXT NOT NULL
      ) STRICT;
      CREATE INDEX fund_bank_line_entries_of ON fund_bank_line_entries (reconciliation_id);
      ${appendOnlySql('fund_bank_line_entries', '银行未达账项的入账记录只能追加，不能修改或删除')}
    `);
  },
};
