import { countedTables, recountFigures } from '../submission/figures';
import type { Migration } from './types';

/**
 * 汇总概览's counts per consolidated unit and package table, kept by the copies' writers (db/submission/figures.ts
 * says which and why): the copies already held are counted here (run again, counted again to the same).
 */
export const consolidatedFigures: Migration = {
  version: 39,
  name: 'consolidated_figures',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS consolidated_figures (
        unit_code  TEXT NOT NULL,
        table_name TEXT NOT NULL,
        figure     TEXT NOT NULL,
        n          INTEGER NOT NULL,
        PRIMARY KEY (unit_code, table_name, figure)
      ) STRICT, WITHOUT ROWID;
    `);
    for (const table of countedTables) recountFigures(db, null, table);
  },
};
