import type { Migration } from './types';

/**
 * Fund accounts per building (issue 11: "per estate, or per building, a setting"). `building_id` NULL: the estate's
 * one account, as before; set: the account of one of the estate's buildings. One active account per estate or per
 * building, and an estate keeps one way at a time — an estate-wide account beside building accounts would count the
 * same elevators' money twice. The building is fixed at opening like the estate (the statement and every package name
 * it). `fund_fee_settings.area_hundredths`: a building's floor area, typed in the fee settings, since the red-property
 * profile has only the estate's.
 */
export const fundBuildingAccounts: Migration = {
  version: 47,
  name: 'fund_building_accounts',
  up(db) {
    db.exec(`
      ALTER TABLE fund_accounts ADD COLUMN building_id TEXT REFERENCES places (id);
      DROP INDEX fund_accounts_estate_active;
      CREATE UNIQUE INDEX fund_accounts_place_active ON fund_accounts (estate_id, COALESCE(building_id, '')) WHERE status = 'active';

      CREATE TRIGGER fund_accounts_building_of_estate BEFORE INSERT ON fund_accounts
      WHEN NEW.building_id IS NOT NULL
        AND (SELECT kind || ':' || parent_id FROM places WHERE id = NEW.building_id) IS NOT 'building:' || NEW.estate_id
      BEGIN SELECT RAISE(ABORT, '楼栋账户的楼栋应是该小区的楼栋'); END;
      CREATE TRIGGER fund_accounts_one_way_per_estate BEFORE INSERT ON fund_accounts
      WHEN EXISTS (SELECT 1 FROM fund_accounts WHERE estate_id = NEW.estate_id AND status = 'active' AND (building_id IS NULL) IS NOT (NEW.building_id IS NULL))
      BEGIN SELECT RAISE(ABORT, '同一小区不能同时有按小区和按楼栋设立的基金账户'); END;
      CREATE TRIGGER fund_accounts_building_fixed BEFORE UPDATE OF building_id ON fund_accounts
      BEGIN SELECT RAISE(ABORT, '基金账户的楼栋开户后不能修改'); END;

      ALTER TABLE fund_fee_settings ADD COLUMN area_hundredths INTEGER CHECK (area_hundredths IS NULL OR area_hundredths > 0);
    `);
  },
};
