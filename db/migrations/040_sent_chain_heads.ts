import type { Migration } from './types';

/**
 * What this installation last sent upward of each chain (issues 11, 14, 16, 17: whole ledgers travelled every
 * month). A package's chain table (the fund journal) carries each chain's entries after the head sent before, with
 * that head as the witness (docs/package-format.md, "Chains: only what was not sent before"); this table remembers,
 * per package built, the head of each chain it carried — the base of the next one. Kept per exported unit (a street
 * also builds a community's own package) and per period, so rebuilding a month's package starts from the same base.
 */
export const sentChainHeads: Migration = {
  version: 40,
  name: 'sent_chain_heads',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS sent_chain_heads (
        package_id TEXT NOT NULL,
        unit_code  TEXT NOT NULL,
        period     TEXT NOT NULL,
        table_name TEXT NOT NULL,
        chain      TEXT NOT NULL,
        seq        INTEGER NOT NULL CHECK (seq >= 1),
        hash       TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (package_id, table_name, chain)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS sent_chain_heads_unit ON sent_chain_heads (unit_code, table_name, period);
    `);
  },
};
