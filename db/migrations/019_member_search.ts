import type { Migration } from './types';

/**
 * Finding a member by what a clerk has at hand (issue 15, docs/notes.md): the full pinyin typed without spaces
 * (`zhangsan`, beside the spaced sort key 「zhang san」), and an ID number or phone by its last digits or in full.
 * Expression indexes, so no column needs keeping on write: the joined pinyin, and the last four characters of each
 * number — a query for the last N ≥ 4 narrows by those four through the index, then compares the N.
 */
export const memberSearch: Migration = {
  version: 19,
  name: 'member_search',
  up(db) {
    db.exec(`
      CREATE INDEX members_pinyin_joined ON members (replace(name_pinyin, ' ', ''));
      CREATE INDEX members_id_tail ON members (substr(id_number, -4));
      CREATE INDEX members_phone_tail ON members (substr(phone, -4));
    `);
  },
};
