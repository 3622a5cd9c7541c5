import { appendOnlySql } from '../ledger/append-only';
import type { Migration } from './types';

/**
 * The elevator fund's public disclosures (公示, issue 11 part 3; docs/fund.md): each statement made of an account
 * is recorded append-only with its period, its 公示期, the figures it printed, the PDF's SHA-256 and the chain head
 * it printed — a head kept outside the journal, which `verify` holds the chain to (LEDGER.md, "Witnesses"). The
 * head must be one the account's chain really had when recorded (a trigger looks it up).
 *
 * And the limit on wrong PINs: a signer's consecutive wrong PINs and the end of their lock, written by the
 * router's refusal path (main/api/router.ts, ctx.recordRefusal) since the refused sign-off itself rolls back.
 */
export const fundDisclosure: Migration = {
  version: 12,
  name: 'fund_disclosure',
  up(db) {
    db.exec(`
      CREATE TABLE fund_disclosures (
        id          TEXT PRIMARY KEY,
        account_id  TEXT NOT NULL REFERENCES fund_accounts (id),
        -- The period the statement covers, and the 公示期 it is posted for.
        period_from TEXT NOT NULL,
        period_to   TEXT NOT NULL,
        notice_from TEXT NOT NULL,
        notice_to   TEXT NOT NULL,
        made_on     TEXT NOT NULL,
        -- The figures printed, in fen.
        opening     INTEGER NOT NULL,
        income      INTEGER NOT NULL,
        expense     INTEGER NOT NULL,
        closing     INTEGER NOT NULL,
        -- The chain head printed on the statement (seq 0: nothing posted yet).
        head_seq    INTEGER NOT NULL CHECK (head_seq >= 0),
        head_hash   TEXT NOT NULL CHECK (length(head_hash) = 64),
        file_name   TEXT NOT NULL,
        file_sha256 TEXT NOT NULL CHECK (length(file_sha256) = 64),
        created_at  TEXT NOT NULL,
        operator    TEXT NOT NULL,
        CHECK (period_from <= period_to),
        CHECK (notice_from <= notice_to),
        CHECK (closing = opening + income - expense)
      ) STRICT;
      -- Per account by period end: the history list, the last disclosure, and whether a date is disclosed.
      CREATE INDEX fund_disclosures_account ON fund_disclosures (account_id, period_to);
      CREATE TRIGGER fund_disclosures_real_head BEFORE INSERT ON fund_disclosures
      WHEN NEW.head_seq > 0 AND (SELECT hash FROM fund_entries WHERE account_id = NEW.account_id AND seq = NEW.head_seq) IS NOT NEW.head_hash
      BEGIN SELECT RAISE(ABORT, '公示记录的校验码与账户流水不符'); END;
      ${appendOnlySql('fund_disclosures', '公示记录只能追加，不能修改或删除')}

      ALTER TABLE fund_signatories ADD COLUMN wrong_pins INTEGER NOT NULL DEFAULT 0 CHECK (wrong_pins >= 0);
      ALTER TABLE fund_signatories ADD COLUMN locked_until TEXT;
    `);
  },
};
