import type { Migration } from './types';

/**
 * Import (issue 12): beside a layout's column mapping, the values of a column the clerk mapped once to a record
 * of the tree — 一支部 → 第一党支部 — so next year's file of the same layout needs no confirmation. JSON: field key →
 * value as written → the target's id (or "new": create it).
 */
export const importValueMaps: Migration = {
  version: 23,
  name: 'import_value_maps',
  up(db) {
    db.exec(`ALTER TABLE import_mappings ADD COLUMN value_map TEXT NOT NULL DEFAULT '{}'`);
  },
};
