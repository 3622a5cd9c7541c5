import type { Migration } from './types';

/**
 * The fund's category lists become editable in 设置 (issue 11): a category entries already have cannot be deleted (the
 * journal's foreign key, and each entry's hash, name it), so it is retired instead — `retired_at` set, no longer
 * offered for new entries, still named wherever old ones are shown. NULL: in use.
 */
export const fundCategoryRetired: Migration = {
  version: 46,
  name: 'fund_category_retired',
  up(db) {
    db.exec('ALTER TABLE fund_categories ADD COLUMN retired_at TEXT');
  },
};
