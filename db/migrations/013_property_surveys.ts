import type { Migration } from './types';

const stamps = `
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  operator   TEXT NOT NULL`;

const PERIOD = `CHECK (period GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]')`;

/**
 * Red property: satisfaction surveys and property-fee collection per estate and quarter ('2026-Q3'). Registers,
 * not ledgers: a figure reported wrongly is corrected by editing it, and the audit log keeps what it was.
 * Amounts are integer fen. The CHECKs hold the counts together (answers add up to the questionnaires, nothing
 * reaches more households than the estate has, unpaid never exceeds receivable).
 *
 * Each table's unique `(estate_id, period)` index serves an estate's trend; the covering `(period, …)` indexes let the
 * street-wide sums of a period or a run of periods be read from the index alone.
 */
export const propertySurveys: Migration = {
  version: 13,
  name: 'property_surveys',
  up(db) {
    db.exec(`
      CREATE TABLE property_surveys (
        id               TEXT PRIMARY KEY,
        estate_id        TEXT NOT NULL REFERENCES property_estates (place_id),
        period           TEXT NOT NULL ${PERIOD},
        households       INTEGER NOT NULL CHECK (households > 0),
        sample_size      INTEGER NOT NULL CHECK (sample_size > 0 AND sample_size <= households),
        reached          INTEGER NOT NULL CHECK (reached > 0 AND reached <= sample_size),
        satisfied        INTEGER NOT NULL CHECK (satisfied >= 0),
        mostly_satisfied INTEGER NOT NULL CHECK (mostly_satisfied >= 0),
        unsatisfied      INTEGER NOT NULL CHECK (unsatisfied >= 0),
        note             TEXT,
        ${stamps},
        CHECK (satisfied + mostly_satisfied + unsatisfied = reached)
      ) STRICT;
      CREATE UNIQUE INDEX property_surveys_estate ON property_surveys (estate_id, period);
      CREATE INDEX property_surveys_period ON property_surveys (period, households, reached, satisfied, mostly_satisfied);

      CREATE TABLE property_fees (
        id                    TEXT PRIMARY KEY,
        estate_id             TEXT NOT NULL REFERENCES property_estates (place_id),
        period                TEXT NOT NULL ${PERIOD},
        receivable_fen        INTEGER NOT NULL CHECK (receivable_fen > 0),
        unpaid_fen            INTEGER NOT NULL CHECK (unpaid_fen >= 0 AND unpaid_fen <= receivable_fen),
        arrears_collected_fen INTEGER NOT NULL DEFAULT 0 CHECK (arrears_collected_fen >= 0),
        note                  TEXT,
        ${stamps}
      ) STRICT;
      CREATE UNIQUE INDEX property_fees_estate ON property_fees (estate_id, period);
      CREATE INDEX property_fees_period ON property_fees (period, receivable_fen, unpaid_fen, arrears_collected_fen);
    `);
  },
};
