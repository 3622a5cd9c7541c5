import { appendOnlySql } from '../ledger/append-only';
import type { Migration } from './types';

/**
 * The fund's monthly bank reconciliation (银行对账, issue 11; docs/fund.md): a month's bank statement closing balance
 * set beside the journal's balance that day, with the items in transit on each side (未达账项), and the two sides'
 * confirmations given in person with their signing PINs.
 *
 * - A reconciliation is one per account and month (UNIQUE). It is a draft the clerk may change until both sides have
 *   confirmed it; then it is final (triggers refuse any change to it or its items).
 * - `ledger_balance` is the journal's balance at the statement date when the draft was last saved; `content_hash`
 *   covers it and every item, so a confirmation approves the figures as they stood: an edit, or a back-dated entry
 *   posted into the month (the clerk must save again), leaves earlier confirmations counting for nothing.
 * - Items: `ledger` — a posted entry the bank statement does not show yet (企收银未收 / 企付银未付); `bank` — a line
 *   on the statement not in the journal yet (银收企未收 / 银付企未付: interest, bank charges), with its date, direction,
 *   amount in fen and what it is.
 * - Confirmations are append-only, like the journal's sign-offs.
 */
export const fundReconciliation: Migration = {
  version: 22,
  name: 'fund_reconciliation',
  up(db) {
    db.exec(`
      CREATE TABLE fund_reconciliations (
        id             TEXT PRIMARY KEY,
        account_id     TEXT NOT NULL REFERENCES fund_accounts (id),
        month          TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
        statement_date TEXT NOT NULL,
        -- Fen, as the bank statement prints it, and the journal's balance that day.
        bank_balance   INTEGER NOT NULL,
        ledger_balance INTEGER NOT NULL,
        content_hash   TEXT NOT NULL CHECK (length(content_hash) = 64),
        status         TEXT NOT NULL CHECK (status IN ('draft', 'confirmed')),
        confirmed_at   TEXT,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        operator       TEXT NOT NULL,
        UNIQUE (account_id, month),
        CHECK ((status = 'confirmed') = (confirmed_at IS NOT NULL))
      ) STRICT;
      ${appendOnlySql('fund_reconciliations', '已确认的银行对账不能修改或删除', "OLD.status = 'confirmed'")}

      CREATE TABLE fund_reconciliation_items (
        reconciliation_id TEXT NOT NULL REFERENCES fund_reconciliations (id),
        position          INTEGER NOT NULL CHECK (position >= 0),
        side              TEXT NOT NULL CHECK (side IN ('ledger', 'bank')),
        entry_id          TEXT REFERENCES fund_entries (id),
        on_date           TEXT,
        direction         TEXT CHECK (direction IN ('income', 'expense')),
        amount            INTEGER CHECK (amount > 0),
        note              TEXT,
        PRIMARY KEY (reconciliation_id, position),
        UNIQUE (reconciliation_id, entry_id),
        CHECK (CASE side
          WHEN 'ledger' THEN entry_id IS NOT NULL AND on_date IS NULL AND direction IS NULL AND amount IS NULL AND note IS NULL
          ELSE entry_id IS NULL AND on_date IS NOT NULL AND direction IS NOT NULL AND amount IS NOT NULL AND note IS NOT NULL END)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX fund_reconciliation_items_entry ON fund_reconciliation_items (entry_id) WHERE entry_id IS NOT NULL;
      CREATE TRIGGER fund_reconciliation_items_final_insert BEFORE INSERT ON fund_reconciliation_items
      WHEN (SELECT status FROM fund_reconciliations WHERE id = NEW.reconciliation_id) = 'confirmed'
      BEGIN SELECT RAISE(ABORT, '已确认的银行对账不能修改或删除'); END;
      CREATE TRIGGER fund_reconciliation_items_final_update BEFORE UPDATE ON fund_reconciliation_items
      WHEN (SELECT status FROM fund_reconciliations WHERE id = OLD.reconciliation_id) = 'confirmed'
      BEGIN SELECT RAISE(ABORT, '已确认的银行对账不能修改或删除'); END;
      CREATE TRIGGER fund_reconciliation_items_final_delete BEFORE DELETE ON fund_reconciliation_items
      WHEN (SELECT status FROM fund_reconciliations WHERE id = OLD.reconciliation_id) = 'confirmed'
      BEGIN SELECT RAISE(ABORT, '已确认的银行对账不能修改或删除'); END;

      CREATE TABLE fund_reconciliation_signoffs (
        id                TEXT PRIMARY KEY,
        reconciliation_id TEXT NOT NULL REFERENCES fund_reconciliations (id),
        side              TEXT NOT NULL CHECK (side IN ('company', 'committee')),
        signatory_id      TEXT NOT NULL REFERENCES fund_signatories (id),
        signed_at         TEXT NOT NULL,
        -- The reconciliation's content_hash when confirmed: it counts only while the reconciliation still has it.
        content_hash      TEXT NOT NULL CHECK (length(content_hash) = 64),
        operator          TEXT NOT NULL
      ) STRICT;
      CREATE INDEX fund_reconciliation_signoffs_of ON fund_reconciliation_signoffs (reconciliation_id);
      ${appendOnlySql('fund_reconciliation_signoffs', '对账确认记录只能追加，不能修改或删除')}
    `);
  },
};
