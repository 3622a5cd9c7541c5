import { appendOnlySql } from '../ledger/append-only';
import type { Migration } from './types';

const stamps = `
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL`;

/**
 * The elevator fund's income from the property fee and from crowd-funding (issue 11, docs/fund.md):
 *
 * - the fee allocation (物业费提取): each account's rate (fen per m² per month) and the fund's share of it as a
 *   fraction, and each month's allocation with the figures it was computed from, tied to the income entry it posted
 *   — one per account and month (UNIQUE), append-only;
 * - crowd-funding (众筹) for an overhaul: a campaign with its target split into a funding mix that adds up to it
 *   (CHECK), its households with the share the scheme gave each and what each pledged, and the payments — each one
 *   income entry with its receipt number (UNIQUE per campaign), append-only. A pledge is not income; only a payment is.
 */
export const fundCrowdfunding: Migration = {
  version: 14,
  name: 'fund_crowdfunding',
  up(db) {
    db.exec(`
      CREATE TABLE fund_fee_settings (
        account_id TEXT PRIMARY KEY REFERENCES fund_accounts (id),
        -- Fen per m² of floor area per month (¥1.18 = 118).
        rate_fen   INTEGER NOT NULL CHECK (rate_fen > 0 AND rate_fen <= 100000),
        -- The fund's share of that fee, share_num / share_den (1/1: all of it).
        share_num  INTEGER NOT NULL CHECK (share_num > 0),
        share_den  INTEGER NOT NULL CHECK (share_den > 0 AND share_den <= 10000),
        ${stamps},
        CHECK (share_num <= share_den)
      ) STRICT;

      CREATE TABLE fund_fee_allocations (
        entry_id        TEXT PRIMARY KEY REFERENCES fund_entries (id),
        account_id      TEXT NOT NULL REFERENCES fund_accounts (id),
        month           TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
        -- What it was computed from, as it stood that day (the settings and the estate's area may change later).
        rate_fen        INTEGER NOT NULL CHECK (rate_fen > 0),
        area_hundredths INTEGER NOT NULL CHECK (area_hundredths > 0),
        share_num       INTEGER NOT NULL CHECK (share_num > 0),
        share_den       INTEGER NOT NULL CHECK (share_den >= share_num),
        -- The month's fee (rate × area, rounded half up to the fen) and the fund's part of it; the company keeps the rest.
        fee_fen         INTEGER NOT NULL CHECK (fee_fen >= 0),
        amount          INTEGER NOT NULL CHECK (amount > 0 AND amount <= fee_fen),
        created_at      TEXT NOT NULL,
        operator        TEXT NOT NULL,
        UNIQUE (account_id, month)
      ) STRICT;
      ${appendOnlySql('fund_fee_allocations', '物业费提取记录只能追加，不能修改或删除；错误的提取请冲正其流水')}

      CREATE TABLE fund_campaigns (
        id           TEXT PRIMARY KEY,
        account_id   TEXT NOT NULL REFERENCES fund_accounts (id),
        title        TEXT NOT NULL,
        purpose      TEXT NOT NULL,
        target       INTEGER NOT NULL CHECK (target > 0),
        -- The funding mix, in fen: owners, government subsidy, maintenance-fund grant, the fund's own balance.
        owners_part  INTEGER NOT NULL CHECK (owners_part >= 0),
        subsidy_part INTEGER NOT NULL CHECK (subsidy_part >= 0),
        grant_part   INTEGER NOT NULL CHECK (grant_part >= 0),
        balance_part INTEGER NOT NULL CHECK (balance_part >= 0),
        scheme       TEXT NOT NULL CHECK (scheme IN ('equal', 'area')),
        status       TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        ${stamps},
        CHECK (owners_part + subsidy_part + grant_part + balance_part = target)
      ) STRICT;
      CREATE INDEX fund_campaigns_account ON fund_campaigns (account_id, status);

      CREATE TABLE fund_campaign_households (
        id              TEXT PRIMARY KEY,
        campaign_id     TEXT NOT NULL REFERENCES fund_campaigns (id),
        position        INTEGER NOT NULL,
        room            TEXT NOT NULL,
        owner_name      TEXT NOT NULL,
        area_hundredths INTEGER CHECK (area_hundredths > 0),
        -- The household's share of the owners' part, from the campaign's scheme; fixed once the campaign is made.
        share           INTEGER NOT NULL CHECK (share >= 0),
        pledged         INTEGER NOT NULL DEFAULT 0 CHECK (pledged >= 0),
        pledged_on      TEXT,
        ${stamps},
        UNIQUE (campaign_id, room),
        UNIQUE (campaign_id, position)
      ) STRICT;
      CREATE TRIGGER fund_campaign_shares_fixed BEFORE UPDATE OF share, area_hundredths, room, campaign_id ON fund_campaign_households
      BEGIN SELECT RAISE(ABORT, '众筹分摊份额确定后不能修改'); END;
      CREATE TRIGGER fund_campaign_households_kept BEFORE DELETE ON fund_campaign_households
      BEGIN SELECT RAISE(ABORT, '众筹分摊的住户不能删除'); END;

      CREATE TABLE fund_campaign_payments (
        entry_id     TEXT PRIMARY KEY REFERENCES fund_entries (id),
        campaign_id  TEXT NOT NULL REFERENCES fund_campaigns (id),
        household_id TEXT NOT NULL REFERENCES fund_campaign_households (id),
        receipt_no   TEXT NOT NULL,
        amount       INTEGER NOT NULL CHECK (amount > 0),
        created_at   TEXT NOT NULL,
        operator     TEXT NOT NULL,
        UNIQUE (campaign_id, receipt_no)
      ) STRICT;
      CREATE INDEX fund_campaign_payments_household ON fund_campaign_payments (household_id);
      -- Grants received for a campaign (government subsidy, maintenance-fund grant): each one income entry.
      CREATE TABLE fund_campaign_grants (
        entry_id    TEXT PRIMARY KEY REFERENCES fund_entries (id),
        campaign_id TEXT NOT NULL REFERENCES fund_campaigns (id),
        kind        TEXT NOT NULL CHECK (kind IN ('subsidy', 'maintenance_grant')),
        amount      INTEGER NOT NULL CHECK (amount > 0),
        created_at  TEXT NOT NULL,
        operator    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX fund_campaign_grants_campaign ON fund_campaign_grants (campaign_id);
      ${appendOnlySql('fund_campaign_grants', '众筹补助到账记录只能追加，不能修改或删除；错误的记录请冲正其流水')}
      ${appendOnlySql('fund_campaign_payments', '众筹缴款记录只能追加，不能修改或删除；错误的缴款请冲正其流水')}
    `);
  },
};
