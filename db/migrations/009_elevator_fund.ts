import { appendOnlySql } from '../ledger/append-only';
import type { Migration } from './types';

const stamps = `
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL`;

/** The categories of issue 11, in their lists' order; a table, so that editing the lists later needs no migration. */
const CATEGORIES: [direction: 'income' | 'expense', code: string, label: string][] = [
  ['income', 'fee_allocation', '物业费提取'],
  ['income', 'crowdfunding', '众筹'],
  ['income', 'maintenance_grant', '维修资金拨付'],
  ['income', 'subsidy', '政府补贴'],
  ['income', 'interest', '利息'],
  ['income', 'other', '其他'],
  ['expense', 'routine', '日常维保'],
  ['expense', 'repair', '维修'],
  ['expense', 'overhaul', '大修'],
  ['expense', 'inspection', '年检'],
  ['expense', 'other', '其他'],
];

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
/** Each account's chain in ledger_heads (db/fund/chain.ts names it the same way). */
const HEAD = `(SELECT seq + 1 FROM ledger_heads WHERE chain = 'fund:' || NEW.account_id)`;

/**
 * The elevator maintenance fund (专项电梯维保基金, issue 11), its accounts and journal (docs/fund.md): an account per
 * estate held jointly by the property company and the owners' committee; its signatories per side, each with a
 * PIN kept only as an scrypt hash; journal entries that start as drafts and resolve once, posted or voided; and
 * sign-offs, each recording the hash of the draft content it approved. Posted entries are append-only and
 * hash-chained per account (ledger_heads 'fund:<account id>'); sign-offs are append-only. Amounts are integer fen.
 */
export const elevatorFund: Migration = {
  version: 9,
  name: 'elevator_fund',
  up(db) {
    db.exec(`
      CREATE TABLE fund_categories (
        direction TEXT NOT NULL CHECK (direction IN ('income', 'expense')),
        code      TEXT NOT NULL,
        label     TEXT NOT NULL,
        position  INTEGER NOT NULL,
        PRIMARY KEY (direction, code)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE fund_accounts (
        id              TEXT PRIMARY KEY,
        estate_id       TEXT NOT NULL REFERENCES places (id),
        name            TEXT NOT NULL,
        bank_name       TEXT,
        bank_account    TEXT,
        opening_balance INTEGER NOT NULL CHECK (opening_balance >= 0),
        opened_on       TEXT NOT NULL,
        status          TEXT NOT NULL CHECK (status IN ('active', 'closed')),
        note            TEXT,
        ${stamps}
      ) STRICT;
      CREATE UNIQUE INDEX fund_accounts_estate_active ON fund_accounts (estate_id) WHERE status = 'active';
      CREATE TRIGGER fund_accounts_are_estates BEFORE INSERT ON fund_accounts
      WHEN (SELECT kind FROM places WHERE id = NEW.estate_id) IS NOT 'estate'
      BEGIN SELECT RAISE(ABORT, '基金账户只能开在小区上'); END;
      -- Every entry's hash covers the opening balance and date (db/fund/chain.ts); they are fixed at opening.
      CREATE TRIGGER fund_accounts_opening_fixed BEFORE UPDATE OF estate_id, opening_balance, opened_on ON fund_accounts
      BEGIN SELECT RAISE(ABORT, '基金账户的小区、开户余额和开户日期开户后不能修改'); END;

      CREATE TABLE fund_signatories (
        id         TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES fund_accounts (id),
        side       TEXT NOT NULL CHECK (side IN ('company', 'committee')),
        name       TEXT NOT NULL,
        -- The name NFC-normalised without spaces: how "the same person" is recognised across the two sides.
        person_key TEXT NOT NULL,
        phone      TEXT,
        -- scrypt$N$r$p$salt$hash (db/fund/pin.ts); never the PIN. NULL until the signer sets it.
        pin_hash   TEXT,
        pin_set_at TEXT,
        status     TEXT NOT NULL CHECK (status IN ('active', 'retired')),
        ${stamps}
      ) STRICT;
      CREATE INDEX fund_signatories_account ON fund_signatories (account_id, side, status);

      CREATE TABLE fund_entries (
        id                   TEXT PRIMARY KEY,
        account_id           TEXT NOT NULL REFERENCES fund_accounts (id),
        seq                  INTEGER,
        hash                 TEXT,
        on_date              TEXT NOT NULL,
        direction            TEXT NOT NULL,
        category             TEXT NOT NULL,
        -- Fen, positive; a reversal (冲正) keeps the original's direction and category with the amount negated,
        -- so original + reversal net to zero in every total by direction and category.
        amount               INTEGER NOT NULL CHECK (amount <> 0 AND (amount > 0) = (reverses_id IS NULL)),
        -- What the entry does to the balance.
        effect               INTEGER GENERATED ALWAYS AS (CASE direction WHEN 'income' THEN amount ELSE -amount END) VIRTUAL,
        counterparty         TEXT,
        voucher_no           TEXT,
        purpose              TEXT NOT NULL,
        elevators            TEXT NOT NULL CHECK (json_valid(elevators) AND json_type(elevators) = 'array'),
        attachments          TEXT NOT NULL CHECK (json_valid(attachments) AND json_type(attachments) = 'array'),
        reverses_id          TEXT UNIQUE REFERENCES fund_entries (id),
        override_reason      TEXT,
        status               TEXT NOT NULL CHECK (status IN ('draft', 'posted', 'voided')),
        company_signoff_id   TEXT REFERENCES fund_signoffs (id),
        committee_signoff_id TEXT REFERENCES fund_signoffs (id),
        -- SHA-256 of the request that made the entry: the same id with other content is a conflict.
        request_hash         TEXT NOT NULL,
        posted_at            TEXT,
        posted_by            TEXT,
        void_reason          TEXT,
        ${stamps},
        FOREIGN KEY (direction, category) REFERENCES fund_categories (direction, code),
        UNIQUE (account_id, seq),
        CHECK ((status = 'posted') = (seq IS NOT NULL AND hash IS NOT NULL AND posted_at IS NOT NULL)),
        CHECK ((status = 'voided') = (void_reason IS NOT NULL))
      ) STRICT;
      CREATE INDEX fund_entries_journal ON fund_entries (account_id, status, on_date, seq);

      CREATE TABLE fund_signoffs (
        id           TEXT PRIMARY KEY,
        entry_id     TEXT NOT NULL REFERENCES fund_entries (id),
        side         TEXT NOT NULL CHECK (side IN ('company', 'committee')),
        signatory_id TEXT NOT NULL REFERENCES fund_signatories (id),
        signed_at    TEXT NOT NULL,
        draft_hash   TEXT NOT NULL CHECK (length(draft_hash) = 64),
        operator     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX fund_signoffs_entry ON fund_signoffs (entry_id, side);
      CREATE TRIGGER fund_signoffs_on_drafts BEFORE INSERT ON fund_signoffs
      WHEN (SELECT status FROM fund_entries WHERE id = NEW.entry_id) IS NOT 'draft'
        OR (SELECT side FROM fund_signatories WHERE id = NEW.signatory_id) IS NOT NEW.side
        OR (SELECT account_id FROM fund_signatories WHERE id = NEW.signatory_id)
           IS NOT (SELECT account_id FROM fund_entries WHERE id = NEW.entry_id)
      BEGIN SELECT RAISE(ABORT, '只能由本账户该方的签字人对草稿签字'); END;

      -- Entries are written as drafts and become posted only through the chain (db/fund/post.ts).
      CREATE TRIGGER fund_entries_start_as_drafts BEFORE INSERT ON fund_entries
      WHEN NEW.status IS NOT 'draft' OR NEW.seq IS NOT NULL
      BEGIN SELECT RAISE(ABORT, '基金流水只能先写成草稿，再由程序过账'); END;
      CREATE TRIGGER fund_entries_chain_next BEFORE UPDATE OF status ON fund_entries
      WHEN NEW.status = 'posted' AND (NEW.seq IS NOT ${HEAD} OR length(NEW.hash) IS NOT 64)
      BEGIN SELECT RAISE(ABORT, '基金流水只能由程序按顺序过账（序号或校验码不对）'); END;
      CREATE TRIGGER fund_entries_chain_head AFTER UPDATE OF status ON fund_entries WHEN NEW.status = 'posted'
      BEGIN UPDATE ledger_heads SET seq = NEW.seq, hash = NEW.hash WHERE chain = 'fund:' || NEW.account_id; END;
      CREATE TRIGGER fund_expenses_signed BEFORE UPDATE OF status ON fund_entries
      WHEN NEW.status = 'posted' AND NEW.direction = 'expense' AND NEW.reverses_id IS NULL
        AND (NEW.company_signoff_id IS NULL OR NEW.committee_signoff_id IS NULL)
      BEGIN SELECT RAISE(ABORT, '支出须经物业服务企业和业委会双方签字后才能过账'); END;
      ${appendOnlySql('fund_entries', '基金流水已过账或作废，不能修改或删除；错误的记录请冲正', "OLD.status <> 'draft'")}
      ${appendOnlySql('fund_signoffs', '签字记录只能追加，不能修改或删除')}
    `);
    db.exec(
      `INSERT INTO fund_categories (direction, code, label, position) VALUES ${CATEGORIES.map(([d, c, l], i) => `(${quote(d)}, ${quote(c)}, ${quote(l)}, ${i})`).join(', ')}`,
    );
  },
};
