import type { Migration } from './types';

/**
 * Yellow and red cards (黄牌 / 红牌) of property companies (docs/property.md, "Cards"). A card is a record: issued
 * once, never edited or deleted (triggers); a mistaken or settled one is withdrawn (撤销) by a row of its own with the
 * reason, so the history reads as it happened. A yellow answers an overdue joint-meeting resolution the company is
 * responsible for (kept by id, with its deadline as it stood) or another rectification typed by the clerk, with its
 * deadline; a red answers the yellows counted in the window (the settings) and names no resolution.
 */
export const propertyCards: Migration = {
  version: 29,
  name: 'property_cards',
  up(db) {
    db.exec(`
      CREATE TABLE property_cards (
        id            TEXT PRIMARY KEY,
        company_id    TEXT NOT NULL REFERENCES property_companies (id),
        colour        TEXT NOT NULL CHECK (colour IN ('yellow', 'red')),
        basis         TEXT NOT NULL CHECK (basis IN ('resolution', 'rectification', 'yellows')),
        resolution_id TEXT REFERENCES joint_resolutions (id),
        due_on        TEXT,
        reason        TEXT NOT NULL CHECK (length(reason) > 0),
        issued_on     TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        operator      TEXT NOT NULL,
        CHECK ((colour = 'red') = (basis = 'yellows')),
        CHECK ((basis = 'resolution') = (resolution_id IS NOT NULL)),
        CHECK ((basis = 'yellows') = (due_on IS NULL)),
        CHECK (due_on IS NULL OR due_on < issued_on)
      ) STRICT;
      CREATE INDEX property_cards_company ON property_cards (company_id, issued_on);
      CREATE INDEX property_cards_issued ON property_cards (issued_on);
      CREATE INDEX property_cards_resolution ON property_cards (resolution_id) WHERE resolution_id IS NOT NULL;

      CREATE TABLE property_card_withdrawals (
        card_id      TEXT PRIMARY KEY REFERENCES property_cards (id),
        reason       TEXT NOT NULL CHECK (length(reason) > 0),
        withdrawn_at TEXT NOT NULL,
        operator     TEXT NOT NULL
      ) STRICT;

      CREATE TRIGGER property_cards_no_update BEFORE UPDATE ON property_cards
      BEGIN SELECT RAISE(ABORT, '黄红牌记录不能修改，如有错误请撤销'); END;
      CREATE TRIGGER property_cards_no_delete BEFORE DELETE ON property_cards
      BEGIN SELECT RAISE(ABORT, '黄红牌记录不能删除，如有错误请撤销'); END;
      CREATE TRIGGER property_card_withdrawals_no_update BEFORE UPDATE ON property_card_withdrawals
      BEGIN SELECT RAISE(ABORT, '撤销记录不能修改'); END;
      CREATE TRIGGER property_card_withdrawals_no_delete BEFORE DELETE ON property_card_withdrawals
      BEGIN SELECT RAISE(ABORT, '撤销记录不能删除'); END;
    `);
  },
};
