import { pinyinKeys } from '../pinyin';
import type { Migration } from './types';

/**
 * Ctrl+K finds estates and property companies by pinyin as it finds members: `yg` or `yangguang` for 阳光小区 and
 * 阳光物业. Places had no pinyin keys; they get the ones orgs and companies have (written by the places repository
 * from now on, filled here for the places already named), and the indexes a pinyin prefix search reads: the
 * initials (companies have theirs since 008), and the full pinyin without its spaces (as 019 does for members). The DEFAULT only lets
 * the column be added to a table with rows; every write sets it.
 */
export const propertySearch: Migration = {
  version: 27,
  name: 'property_search',
  up(db) {
    db.exec(`
      ALTER TABLE places ADD COLUMN name_pinyin TEXT NOT NULL DEFAULT '';
      ALTER TABLE places ADD COLUMN name_initials TEXT NOT NULL DEFAULT '';
    `);
    const rows = db.prepare('SELECT id, name FROM places').all() as { id: string; name: string }[];
    const set = db.prepare('UPDATE places SET name_pinyin = ?, name_initials = ? WHERE id = ?');
    for (const p of rows) {
      const k = pinyinKeys(p.name, false);
      set.run(k.sort, k.initials, p.id);
    }
    db.exec(`
      CREATE INDEX places_initials ON places (name_initials);
      CREATE INDEX places_pinyin_joined ON places (replace(name_pinyin, ' ', ''));
      CREATE INDEX property_companies_pinyin_joined ON property_companies (replace(name_pinyin, ' ', ''));
    `);
  },
};
