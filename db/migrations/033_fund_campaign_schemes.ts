import { appendOnlySql } from '../ledger/append-only';
import type { Migration } from './types';

const SCHEMES = `scheme IN ('equal', 'area', 'floor_area', 'custom')`;

/**
 * Crowd-funding's two other allocation schemes (issue 11, docs/fund.md "众筹"): 楼层系数 × 面积 and 自定义.
 *
 * - `fund_campaigns.scheme` takes 'floor_area' and 'custom'. SQLite cannot alter a CHECK, so the table is rebuilt:
 *   its rows are set aside, the table dropped and made again with the wider CHECK, and the rows put back. Its
 *   households, payments and grants reference it; `defer_foreign_keys` (reset at this migration's commit) lets the
 *   references dangle between the drop and the rows coming back, and the commit checks they all resolve again.
 * - a household keeps its floor (楼层, for the coefficient) and its custom share as typed (`weight_hundredths`,
 *   the 份额 in hundredths: a proportion, so yuan amounts, percentages or 份 all work) — both fixed with the share.
 * - `fund_campaign_floor_coefficients`: the coefficient of each floor the campaign used, in hundredths, fixed once
 *   made (append-only), so a share can always be recomputed from what the campaign recorded.
 *
 * Idempotent: each step looks before it acts (the CHECK's text, the columns), so running it again changes nothing.
 */
export const fundCampaignSchemes: Migration = {
  version: 33,
  name: 'fund_campaign_schemes',
  up(db) {
    const sql = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'fund_campaigns'").pluck().get() as string;
    if (!sql.includes(SCHEMES)) {
      db.pragma('defer_foreign_keys = ON');
      db.exec(`
        CREATE TEMP TABLE fund_campaigns_033 AS SELECT * FROM fund_campaigns;
        DROP TABLE fund_campaigns;
        ${sql.replace(/scheme IN \([^)]*\)/, SCHEMES)};
        CREATE INDEX fund_campaigns_account ON fund_campaigns (account_id, status);
        INSERT INTO fund_campaigns SELECT * FROM temp.fund_campaigns_033;
        DROP TABLE temp.fund_campaigns_033;
      `);
    }
    const columns = db.prepare("SELECT name FROM pragma_table_info('fund_campaign_households')").pluck().all() as string[];
    if (!columns.includes('floor')) db.exec('ALTER TABLE fund_campaign_households ADD COLUMN floor INTEGER CHECK (floor BETWEEN 1 AND 200)');
    if (!columns.includes('weight_hundredths')) {
      db.exec('ALTER TABLE fund_campaign_households ADD COLUMN weight_hundredths INTEGER CHECK (weight_hundredths >= 0)');
    }
    db.exec(`
      DROP TRIGGER IF EXISTS fund_campaign_shares_fixed;
      CREATE TRIGGER fund_campaign_shares_fixed
      BEFORE UPDATE OF share, area_hundredths, room, campaign_id, floor, weight_hundredths ON fund_campaign_households
      BEGIN SELECT RAISE(ABORT, '众筹分摊份额确定后不能修改'); END;

      CREATE TABLE IF NOT EXISTS fund_campaign_floor_coefficients (
        campaign_id            TEXT NOT NULL REFERENCES fund_campaigns (id),
        floor                  INTEGER NOT NULL CHECK (floor BETWEEN 1 AND 200),
        -- Hundredths: 1.05 = 105; 0 lets a floor share nothing.
        coefficient_hundredths INTEGER NOT NULL CHECK (coefficient_hundredths BETWEEN 0 AND 10000),
        PRIMARY KEY (campaign_id, floor)
      ) STRICT;
    `);
    const guarded = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'fund_campaign_floor_coefficients'").get();
    if (!guarded) db.exec(appendOnlySql('fund_campaign_floor_coefficients', '众筹的楼层系数确定后不能修改或删除'));
  },
};
